import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ChainStep } from '@dajiuzhu/shared';
import { STEP_LABELS } from '@dajiuzhu/shared/src/applications/stateMachine';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { shanghaiDate, shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Loading, Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { getApplication, pickAndUpload, supplementApplication, withdrawApplication } from '../../../../services/applications';
import { ConfirmFilingCard } from '../../components/ConfirmFilingCard';
import { nextStepText, publicNoticeState } from '../../progressText';
import '../../components/applications.scss';

const STEP_OF_ACTION: Record<string, ChainStep> = { accept: 'accept', recordHomeVisit: 'homeVisit', review: 'review', startPublicNotice: 'publicNotice', approve: 'approve' };


/** Every step of the chain with its date, what is needed next and the deadline; the entitlement once approved. */
export default function DetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: application, error: loadError, setData: setApplication } = useLoad(() => getApplication(id), [id], { fallback: '读取失败' });
  const withdrawal = useAction({ fallback: '撤回失败' });
  const supplement = useAction({ fallback: '补交失败' });

  if (!application) return <PageShell className='apl-detail'><Loading error={loadError} /></PageShell>;
  const app = application;
  const error = withdrawal.error ?? supplement.error ?? loadError;

  const lastDone = new Map<ChainStep, string>();
  for (const t of app.timeline) { const s = STEP_OF_ACTION[t.action]; if (s) lastDone.set(s, t.at); }
  const closed = ['approved', 'rejected', 'withdrawn'].includes(app.status);
  const next = app.nextStep?.step;

  async function withdraw() {
    const ok = await Taro.showModal({ title: '撤回申请', content: '确定撤回这份申请吗？撤回后可重新申请。' });
    if (!ok.confirm) return;
    await withdrawal.act(async () => setApplication(await withdrawApplication(app.id, app.sequence)));
  }
  function supplementDocuments() {
    void supplement.act(async () => {
      const f = await pickAndUpload();
      if (!f) return;
      setApplication(await supplementApplication(app.id, app.sequence, [{ item: 'incomeProof', fileId: f.id }]));
    });
  }

  return (
    <PageShell className='apl-detail'>
      <View className='card'>
        <Text className='card__title'>{app.programmeName}</Text>
        <Text className='card__line'>申请人：{app.applicantName}（{app.applicantIdNumberMasked}）{app.filedByHelper ? ` · 由${app.helperRelation}代办` : ''}</Text>
        <Text className='card__line'>提交时间：{shanghaiDateTime(app.submittedAt)}</Text>
        <Text className='card__line'>当前状态：<Text className={`apl-tag ${app.status === 'approved' ? 'apl-tag--green' : app.status === 'rejected' ? 'apl-tag--red' : 'apl-tag--amber'}`} data-testid='status'>{app.statusLabel}</Text></Text>
        {app.filedByHelper && !app.applicantConfirmed ? <Text className='card__line apl-flag'>待申请人本人确认（或工作人员受理时当面核对）</Text> : null}
        {app.nextStep ? <Text className='card__line'>下一步：{nextStepText(app.nextStep)}</Text> : null}
        {app.deadlines.map((d) => <Text key={d.step} className='card__line'>{d.label}：{d.dueOn}{d.overdue ? <Text className='apl-tag apl-tag--red'>已超期</Text> : null}</Text>)}
        {/* The amount is null for a filer who is not the person (a helper): only the person sees it. */}
        {app.grantedFirst ? <Text className='card__line'>已先行救助{app.grantedFirst.amountFen !== null ? ` ${formatYuanText(app.grantedFirst.amountFen)}` : ''}{app.grantedFirst.paperworkPending ? '，手续补办中' : ''}</Text> : null}
        {app.decisionReasons ? <Text className='card__line'>不予批准理由：{app.decisionReasons}</Text> : null}
        {app.status === 'rejected' ? (
          // Each reason line by line (income counted against the standard, the rule), and 申请复查 within its period.
          <Button variant='secondary' id='review-decision' onClick={() => void Taro.navigateTo({ url: `/packages/supervision/pages/decision/index?kind=application&id=${encodeURIComponent(app.id)}` })}>查看理由，申请复查</Button>
        ) : null}
      </View>

      {app.canConfirm ? <ConfirmFilingCard application={app} onConfirmed={setApplication} /> : null}

      {app.status === 'approved' && !app.entitlement ? (
        <View className='card'>
          <Text className='card__line apl-muted'>救助待遇只向已完成实名核验的申请人本人显示。</Text>
        </View>
      ) : null}

      {app.entitlement ? (
        <View className='card' data-testid='entitlement'>
          <Text className='card__title'>救助待遇</Text>
          {app.entitlement.payment === 'monthly' ? (
            <Text className='card__line'>每月 <Text className='apl-amount'>{formatYuanText(app.entitlement.monthlyAmountFen)}</Text></Text>
          ) : (
            <Text className='card__line'>一次性 <Text className='apl-amount'>{formatYuanText(app.entitlement.oneOffAmountFen)}</Text></Text>
          )}
          <Text className='card__line'>起始月份：{app.entitlement.startMonth}</Text>
          {app.entitlement.nextRecheckOn ? <Text className='card__line'>下次复核：{app.entitlement.nextRecheckOn}</Text> : null}
        </View>
      ) : null}

      <View className='card'>
        <Text className='card__title'>办理进度</Text>
        <View className='apl-timeline'>
          <View className='apl-timeline__item apl-timeline__item--done'>
            <View className='apl-timeline__dot' />
            <Text className='apl-timeline__title'>提交申请</Text>
            <Text className='apl-timeline__meta'>{shanghaiDateTime(app.submittedAt)}</Text>
          </View>
          {app.chain.map((s) => {
            const notice = s === 'publicNotice' ? publicNoticeState(app.status, app.notice, shanghaiDate()) : null;
            const done = notice === 'running' ? undefined : lastDone.get(s);
            const isNow = notice === 'running' || (!closed && next === s && !done);
            const deadline = app.deadlines.find((d) => d.step === s);
            const meta = notice === 'running'
              ? `公示中，${app.notice!.endsOn} 结束`
              : notice === 'ended' ? `公示期满（${app.notice!.endsOn}）`
                : done ? `完成于 ${shanghaiDateTime(done)}` : isNow ? `办理中${deadline ? `，期限 ${deadline.dueOn}` : ''}` : closed ? '—' : '待办理';
            return (
              <View key={s} className={`apl-timeline__item ${done && !isNow ? 'apl-timeline__item--done' : ''} ${isNow ? 'apl-timeline__item--now' : ''}`} data-testid={`timeline-${s}`}>
                <View className='apl-timeline__dot' />
                <Text className='apl-timeline__title'>{STEP_LABELS[s]}{s === 'publicNotice' && app.notice ? `（${app.notice.startsOn} 至 ${app.notice.endsOn}）` : ''}</Text>
                <Text className='apl-timeline__meta'>{meta}</Text>
              </View>
            );
          })}
        </View>
        <Text className='card__title' style={{ marginTop: '16px' }}>全部记录</Text>
        {app.timeline.map((t) => (
          <View key={t.sequence} className='apl-row'>
            <Text>{t.label}{t.note ? `：${t.note}` : ''}</Text>
            <Text className='apl-muted'>{shanghaiDateTime(t.at)}</Text>
          </View>
        ))}
      </View>

      <Notice text={error} error />
      <View className='bottom-actions'>
        {app.allowedActions.includes('supplement') ? <Button loading={supplement.busy} onClick={supplementDocuments}>补交材料</Button> : null}
        {app.allowedActions.includes('withdraw') ? <Button variant='secondary' loading={withdrawal.busy} onClick={withdraw}>撤回申请</Button> : null}
        <Button variant='secondary' onClick={() => Taro.navigateTo({ url: '/packages/assistance/pages/mine/index' })}>我的申请</Button>
      </View>
    </PageShell>
  );
}
