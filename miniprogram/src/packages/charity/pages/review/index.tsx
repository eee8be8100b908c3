import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { CharityProjectView } from '@dajiuzhu/shared';
import { CHARITY_TARGET_GROUP_LABELS } from '@dajiuzhu/shared/src/charity/targetGroups';
import { formatYuanText } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips, type Choice } from '../../../../components/Chips';
import { StatusTag } from '../../../../components/StatusTag';
import { EmptyState } from '../../../../components/EmptyState';
import { Loading, Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { charityApi } from '../../../../services/charity';
import { dayOf, PROJECT_STATUS } from '../../labels';
import { CHARITY_ROUTES } from '../../routes';
import { EndProject } from '../../components/EndProject';
import '../../components/charity.scss';

type Status = 'pendingReview' | 'published' | 'closed';
const STATUSES: Choice<Status>[] = [{ value: 'pendingReview', label: '待审核' }, { value: 'published', label: '募捐中' }, { value: 'closed', label: '已结束' }];

/** One project under review: the content in full, then approve or return with a reason (only what allowedActions lists). */
function Review({ id }: { id: string }) {
  const project = useLoad(() => charityApi.staffProject(id), [id]);
  const [reason, setReason] = useState('');
  const [stopping, setStopping] = useState(false);
  const deciding = useAction({ onDone: () => void project.reload() });
  const p: CharityProjectView | null = project.data;
  if (!p) return <Loading error={project.error} />;
  if (stopping) return <EndProject kind='cancel' run={(why) => charityApi.stop(p.id, why)} onDone={() => { setStopping(false); void project.reload(); }} onCancel={() => setStopping(false)} />;
  const status = PROJECT_STATUS[p.status];
  const can = (a: 'approve' | 'return' | 'cancel') => p.allowedActions.includes(a);
  return (
    <>
      <View className='card' data-testid='review-project'>
        <View className='ch-head'>
          <Text className='card__title'>{p.title}</Text>
          <StatusTag tone={status.tone} text={status.label} testId='project-status' />
        </View>
        <Text className='card__line'>{p.organizationName} · {CHARITY_TARGET_GROUP_LABELS[p.targetGroup]} · {p.regionName}</Text>
        <Text className='card__line'>目标 {formatYuanText(p.goalFen)} · 募捐期 {p.startDate} 至 {p.endDate}</Text>
        {p.contentFlag === 'review' ? <StatusTag tone='warning' text='内容检测建议人工复核' /> : null}
        <Text className='ch-story'>{p.story}</Text>
        {p.budgetLines.map((b) => <Text key={b.id} className='ch-row'>{b.label}：{formatYuanText(b.amountFen)}</Text>)}
        {p.returnReason ? <Text className='card__line'>退回原因：{p.returnReason}</Text> : null}
      </View>
      {can('return') ? (
        <View className='field'>
          <Text className='field__label'>退回原因（退回时必填，机构可见）</Text>
          <Input className='field__input' maxlength={200} placeholder='如：预算用途不清楚，请写明' value={reason} onInput={(e) => setReason(e.detail.value)} />
        </View>
      ) : null}
      {can('cancel') && p.status === 'published' ? (
        <View className='list'>
          <View className='list__item list__item--row tap' role='link' onClick={() => setStopping(true)}>
            <Text className='list__title'>叫停募捐（捐款原路退回）</Text>
            <Text aria-hidden='true'>›</Text>
          </View>
        </View>
      ) : null}
      <Notice text={deciding.error} error />
      <View className='bottom-actions'>
        {can('approve') ? <Button loading={deciding.busy} onClick={() => void deciding.act(() => charityApi.approve(p.id), '已通过，项目已公开')}>审核通过</Button> : null}
        {can('return') ? (
          <Button variant='secondary' loading={deciding.busy} onClick={() => (reason.trim().length < 2 ? deciding.setError('请写明退回原因') : void deciding.act(() => charityApi.returnProject(p.id, reason.trim()), '已退回'))}>退回修改</Button>
        ) : null}
      </View>
    </>
  );
}

/** Staff: the charity projects of their region, pending review first; `?id=` opens one. */
export default function CharityReviewPage() {
  const { params } = useRouter();
  const [status, setStatus] = useState<Status>('pendingReview');
  const list = useLoad(() => charityApi.staffList({ status }), [status], { enabled: !params.id });
  if (params.id) return <PageShell className='charity-review'><Review id={params.id} /></PageShell>;
  const projects = list.data?.projects ?? [];
  return (
    <PageShell className='charity-review'>
      <Chips options={STATUSES} value={status} onChange={(s) => setStatus(s ?? status)} testId='review-status' />
      <Notice text={list.error} error />
      {projects.map((p) => (
        <View key={p.id} className='card tap' role='link' data-testid='review-row' onClick={() => Taro.navigateTo({ url: `${CHARITY_ROUTES.review}?id=${p.id}` })}>
          <Text className='card__title'>{p.title}</Text>
          <Text className='card__line'>{p.organizationName} · {p.regionName} · 目标 {formatYuanText(p.goalFen)}</Text>
          {p.submittedAt ? <Text className='ch-muted'>提交于 {dayOf(p.submittedAt)}</Text> : null}
        </View>
      ))}
      {list.data && projects.length === 0 ? <EmptyState title={status === 'pendingReview' ? '没有待审核的项目' : '没有项目'} /> : null}
    </PageShell>
  );
}
