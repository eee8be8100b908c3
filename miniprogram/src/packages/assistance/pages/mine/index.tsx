import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { PROGRAMME_DEFINITIONS } from '@dajiuzhu/shared/src/applications/programmes';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { EmptyState, Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { useIdentity } from '../../../../components/useIdentity';
import { VerifyPrompt } from '../../../../components/VerifyPrompt';
import { listDrafts, listMyApplications, myEntitlements, myMessages } from '../../../../services/applications';
import '../../components/applications.scss';

/** 我的申请: every application I filed (or, once verified, that was filed for me), my entitlements once verified, and my messages. */
export default function MinePage() {
  const applications = useLoad(() => listMyApplications(), [], { fallback: '读取失败' });
  const apps = applications.data?.applications ?? null;
  // Entitlements are records about a person: only through a verified identity.
  const identity = useIdentity();
  const ents = useLoad(() => myEntitlements(), [], { enabled: identity.verified }).data?.entitlements ?? [];
  const unread = useLoad(() => myMessages()).data?.unread ?? 0;
  // Drafts not yet submitted are part of 进度查询 too: otherwise a started application seems lost.
  const drafts = useLoad(() => listDrafts()).data?.drafts.filter((d) => !d.submittedApplicationId) ?? [];

  return (
    <PageShell className='apl-mine'>
      <View className='apl-row tap' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/messages/index' })}>
        <Text>消息</Text>
        <Text>{unread > 0 ? <Text className='apl-tag apl-tag--red'>{unread} 条未读</Text> : '无未读'} ›</Text>
      </View>
      {identity.unverified ? <VerifyPrompt what='您的救助待遇' /> : null}
      {identity.verified && ents.length > 0 ? (
        <View className='card'>
          <Text className='card__title'>我的救助待遇</Text>
          {ents.map((e) => (
            <View key={e.id} className='apl-row'>
              <Text>{e.programmeName}（{e.beneficiaryName}）</Text>
              <Text>{e.payment === 'monthly' ? `${formatYuanText(e.monthlyAmountFen)}/月 起 ${e.startMonth}` : `一次性 ${formatYuanText(e.oneOffAmountFen)}`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Notice text={applications.error} error />
      {drafts.length > 0 ? (
        <View className='card' data-testid='my-drafts'>
          <Text className='card__title'>未提交的申请</Text>
          {drafts.map((d) => (
            <View key={d.id} className='apl-row tap' data-testid='draft-row' onClick={() => Taro.navigateTo({ url: `/packages/assistance/pages/form/index?id=${d.id}` })}>
              <View>
                <Text>{PROGRAMME_DEFINITIONS[d.programme].name}（{d.applicantName}）</Text>
                <Text className='card__line apl-muted'>开始于 {shanghaiDate(new Date(d.createdAt))} · 最后保存 {shanghaiDate(new Date(d.updatedAt))}</Text>
              </View>
              <Text className='apl-muted'>继续填写 ›</Text>
            </View>
          ))}
        </View>
      ) : null}
      {apps && apps.length === 0 && drafts.length === 0 ? <EmptyState title='还没有申请记录' hint='符合条件的家庭可以在线申请救助，先做一下政策测算也可以。' action={{ label: '去申请救助', onClick: () => Taro.navigateTo({ url: '/packages/assistance/pages/apply/index' }) }} /> : null}
      {(apps ?? []).map((a) => (
        <View key={a.id} className='card tap' onClick={() => Taro.navigateTo({ url: `/packages/assistance/pages/detail/index?id=${a.id}` })}>
          <Text className='card__title'>{a.programmeName}</Text>
          <Text className='card__line'><Text className={`apl-tag ${a.status === 'approved' ? 'apl-tag--green' : a.status === 'rejected' ? 'apl-tag--red' : 'apl-tag--amber'}`}>{a.statusLabel}</Text>{a.filedByHelper ? <Text className='apl-tag'>代办</Text> : null}</Text>
          <Text className='card__line apl-muted'>提交于 {shanghaiDate(new Date(a.submittedAt))}{a.nextStep ? ` · 下一步：${a.nextStep}` : ''}{a.dueOn ? ` · 期限 ${a.dueOn}` : ''}</Text>
        </View>
      ))}
      <View className='bottom-actions'>
        <Button onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/apply/index' })}>申请救助</Button>
        <Button variant='secondary' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/notices/index' })}>公示信息</Button>
      </View>
    </PageShell>
  );
}
