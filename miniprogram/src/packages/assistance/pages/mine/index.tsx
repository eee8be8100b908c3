import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ApplicationSummary, EntitlementView } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { listMyApplications, myEntitlements, myMessages } from '../../../../services/applications';
import { isApiError } from '../../../../services/request';
import { dayOf, yuan } from '../../components/format';
import '../../components/applications.scss';

/** 我的申请: every application I filed or that was filed for me, my entitlements, and my messages. */
export default function MinePage() {
  const [apps, setApps] = useState<ApplicationSummary[] | null>(null);
  const [ents, setEnts] = useState<EntitlementView[]>([]);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    listMyApplications().then((r) => setApps(r.applications)).catch((e) => setError(isApiError(e) ? e.message : '读取失败'));
    myEntitlements().then((r) => setEnts(r.entitlements)).catch(() => {});
    myMessages().then((r) => setUnread(r.unread)).catch(() => {});
  });

  return (
    <PageShell className='apl-mine'>
      <View className='apl-row tap' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/messages/index' })}>
        <Text>消息</Text>
        <Text>{unread > 0 ? <Text className='apl-tag apl-tag--red'>{unread} 条未读</Text> : '无未读'} ›</Text>
      </View>
      {ents.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>我的救助待遇</Text>
          {ents.map((e) => (
            <View key={e.id} className='apl-row'>
              <Text>{e.programmeName}（{e.beneficiaryName}）</Text>
              <Text>{e.payment === 'monthly' ? `${yuan(e.monthlyAmountFen)}/月 起 ${e.startMonth}` : `一次性 ${yuan(e.oneOffAmountFen)}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {error ? <Text className='notice notice--error'>{error}</Text> : null}
      {apps && apps.length === 0 ? <View className='card'><Text>还没有申请记录</Text></View> : null}
      {(apps ?? []).map((a) => (
        <View key={a.id} className='card tap' onClick={() => Taro.navigateTo({ url: `/packages/assistance/pages/detail/index?id=${a.id}` })}>
          <Text className='card__title'>{a.programmeName}</Text>
          <Text className='card__line'><Text className={`apl-tag ${a.status === 'approved' ? 'apl-tag--green' : a.status === 'rejected' ? 'apl-tag--red' : 'apl-tag--amber'}`}>{a.statusLabel}</Text>{a.filedByHelper ? <Text className='apl-tag'>代办</Text> : null}</Text>
          <Text className='card__line apl-muted'>提交于 {dayOf(a.submittedAt)}{a.nextStep ? ` · 下一步：${a.nextStep}` : ''}{a.dueOn ? ` · 期限 ${a.dueOn}` : ''}</Text>
        </View>
      ))}
      <View className='bottom-actions'>
        <Button className='btn btn--primary' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/apply/index' })}>申请救助</Button>
        <Button className='btn btn--secondary' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/notices/index' })}>公示信息</Button>
      </View>
    </PageShell>
  );
}
