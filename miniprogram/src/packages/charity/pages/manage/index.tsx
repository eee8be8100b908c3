import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CHARITY_TARGET_GROUP_LABELS } from '@dajiuzhu/shared/src/charity/targetGroups';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { StatusTag } from '../../../../components/StatusTag';
import { Loading, Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { charityApi } from '../../../../services/charity';
import { Progress } from '../../components/Progress';
import { SpendingForm } from '../../components/SpendingForm';
import { ReportForm } from '../../components/ReportForm';
import { EndProject, type EndKind } from '../../components/EndProject';
import { PROJECT_STATUS, SPENDING_KIND_LABELS } from '../../labels';
import { CHARITY_ROUTES } from '../../routes';
import '../../components/charity.scss';

type Mode = 'view' | 'spend' | 'report' | EndKind;

/** One project of the organisation: status, progress, spending; only the actions the server allows now. */
export default function ManageProjectPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const project = useLoad(() => charityApi.myProject(id), [id]);
  const p = project.data;
  const canSpend = !!p?.allowedActions.includes('recordSpending');
  const spending = useLoad(() => charityApi.spending(id), [id, canSpend], { enabled: canSpend });
  const [mode, setMode] = useState<Mode>('view');
  const submitting = useAction({ onDone: () => void project.reload() });
  const back = () => { setMode('view'); void project.reload(); void spending.reload(); };

  if (!p) return <PageShell className='charity-manage'><Loading error={project.error} /></PageShell>;
  const status = PROJECT_STATUS[p.status];
  const can = (a: string) => p.allowedActions.includes(a as never);

  if (mode === 'spend') return <PageShell className='charity-manage' title='记录支出'><SpendingForm project={p} onDone={back} onCancel={() => setMode('view')} /></PageShell>;
  if (mode === 'close' || mode === 'cancel') {
    const run = (reason: string) => (mode === 'close' ? charityApi.close(p.id, reason) : charityApi.cancel(p.id, reason));
    return <PageShell className='charity-manage' title={mode === 'close' ? '结束募捐' : '取消项目'}><EndProject kind={mode} run={run} onDone={back} onCancel={() => setMode('view')} /></PageShell>;
  }
  if (mode === 'report') return <PageShell className='charity-manage' title='提交报告'><ReportForm projectId={p.id} onDone={back} onCancel={() => setMode('view')} /></PageShell>;

  return (
    <PageShell className='charity-manage'>
      <View className='card'>
        <View className='ch-head'>
          <Text className='card__title'>{p.title}</Text>
          <StatusTag tone={status.tone} text={status.label} testId='project-status' />
        </View>
        <Text className='card__line'>{CHARITY_TARGET_GROUP_LABELS[p.targetGroup]} · {p.regionName} · 募捐期 {p.startDate} 至 {p.endDate}</Text>
        {p.status === 'returned' && p.returnReason ? <Text className='card__line notice--error' data-testid='return-reason'>退回原因：{p.returnReason}</Text> : null}
        {p.reviewNote ? <Text className='card__line'>审核意见：{p.reviewNote}</Text> : null}
        {p.reportOverdue ? <StatusTag tone='danger' text='报告逾期：项目已暂停展示，提交报告后恢复' testId='report-overdue' /> : null}
        {p.nextReportDue ? <Text className='ch-muted' data-testid='next-report-due'>下一份报告截止 {p.nextReportDue}</Text> : null}
        {p.status === 'published' || p.status === 'closed' ? <Progress p={p} /> : <Text className='card__line'>目标 {formatYuanText(p.goalFen)}</Text>}
      </View>

      <View className='card'>
        <Text className='card__title'>预算</Text>
        {p.budgetLines.map((b) => <Text key={b.id} className='ch-row'>{b.label}：{formatYuanText(b.amountFen)}</Text>)}
      </View>

      {spending.data ? (
        <View className='card' data-testid='spending-list'>
          <Text className='card__title'>支出（已筹 {formatYuanText(spending.data.raisedFen)}，已支出 {formatYuanText(spending.data.spentFen)}）</Text>
          {spending.data.spending.length === 0 ? <Text className='ch-muted'>还没有支出记录</Text> : null}
          {spending.data.spending.map((s) => (
            <View key={s.id} className='ch-row' data-testid='spending-row'>
              <Text className='ch-row__title'>{s.purpose}：{formatYuanText(s.amountFen)}</Text>
              <Text className='ch-muted'>{s.spentOn} · {SPENDING_KIND_LABELS[s.kind]}{s.beneficiaryNameMasked ? ` · 受助人 ${s.beneficiaryNameMasked}` : ''}{s.itemDescription ? ` · ${s.itemDescription}` : ''}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {p.status === 'published' || p.status === 'closed' ? (
        <View className='list'>
          <View className='list__item list__item--row tap' role='link' onClick={() => Taro.navigateTo({ url: `${CHARITY_ROUTES.project}?id=${p.id}` })}>
            <Text className='list__title'>查看公开页面</Text>
            <Text aria-hidden='true'>›</Text>
          </View>
        </View>
      ) : null}

      {can('close') || can('cancel') ? (
        <View className='list'>
          {can('close') ? (
            <View className='list__item list__item--row tap' role='link' onClick={() => setMode('close')}>
              <Text className='list__title'>提前结束募捐</Text>
              <Text aria-hidden='true'>›</Text>
            </View>
          ) : null}
          {can('cancel') ? (
            <View className='list__item list__item--row tap' role='link' onClick={() => setMode('cancel')}>
              <Text className='list__title'>取消项目（捐款原路退回）</Text>
              <Text aria-hidden='true'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <Notice text={submitting.error ?? spending.error} error />
      <View className='bottom-actions'>
        {can('submit') ? <Button loading={submitting.busy} onClick={() => void submitting.act(() => charityApi.submit(p.id), '已提交审核')}>提交审核</Button> : null}
        {can('recordSpending') ? <Button onClick={() => setMode('spend')}>记录支出</Button> : null}
        {can('fileReport') ? <Button variant={can('recordSpending') ? 'secondary' : 'primary'} onClick={() => setMode('report')}>提交报告</Button> : null}
        {can('edit') ? <Button variant='secondary' onClick={() => Taro.navigateTo({ url: `${CHARITY_ROUTES.edit}?id=${p.id}` })}>修改</Button> : null}
      </View>
    </PageShell>
  );
}
