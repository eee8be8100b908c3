import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MessageView } from '@dajiuzhu/shared';
import { shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { EmptyState, Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { markMessageRead, myMessages } from '../../../../services/applications';
import '../../components/applications.scss';

/** In-app messages (站内消息): the same news WeChat subscribe messages carry, kept here. */
export default function MessagesPage() {
  const { data, error, setData } = useLoad(() => myMessages());
  const list = data?.messages ?? null;

  async function open(m: MessageView) {
    if (!m.read) {
      await markMessageRead(m.id).catch(() => {});
      if (data) setData({ ...data, messages: data.messages.map((x) => (x.id === m.id ? { ...x, read: true } : x)) });
    }
    if (m.applicationId) Taro.navigateTo({ url: `/packages/assistance/pages/detail/index?id=${m.applicationId}` });
  }

  return (
    <PageShell className='apl-messages'>
      <Notice text={error} error />
      {list && list.length === 0 ? <EmptyState text='暂无消息' /> : null}
      {(list ?? []).map((m) => (
        <View key={m.id} className='card tap' onClick={() => open(m)}>
          <Text className='card__title'>{m.read ? '' : <Text className='apl-tag apl-tag--red'>未读</Text>}{m.title}</Text>
          <Text className='card__line'>{m.body}</Text>
          <Text className='card__line apl-muted'>{shanghaiDateTime(m.createdAt)}</Text>
        </View>
      ))}
    </PageShell>
  );
}
