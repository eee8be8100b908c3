import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MessageView } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { markMessageRead, myMessages } from '../../../../services/applications';
import { beijing } from '../../components/format';
import '../../components/applications.scss';

/** In-app messages (站内消息): the same news WeChat subscribe messages carry, kept here. */
export default function MessagesPage() {
  const [list, setList] = useState<MessageView[] | null>(null);
  useDidShow(() => { myMessages().then((r) => setList(r.messages)).catch(() => setList([])); });

  async function open(m: MessageView) {
    if (!m.read) {
      await markMessageRead(m.id).catch(() => {});
      setList((l) => (l ?? []).map((x) => (x.id === m.id ? { ...x, read: true } : x)));
    }
    if (m.applicationId) Taro.navigateTo({ url: `/packages/assistance/pages/detail/index?id=${m.applicationId}` });
  }

  return (
    <PageShell className='apl-messages'>
      {list && list.length === 0 ? <View className='card'><Text>暂无消息</Text></View> : null}
      {(list ?? []).map((m) => (
        <View key={m.id} className='card tap' onClick={() => open(m)}>
          <Text className='card__title'>{m.read ? '' : <Text className='apl-tag apl-tag--red'>未读</Text>}{m.title}</Text>
          <Text className='card__line'>{m.body}</Text>
          <Text className='card__line apl-muted'>{beijing(m.createdAt)}</Text>
        </View>
      ))}
    </PageShell>
  );
}
