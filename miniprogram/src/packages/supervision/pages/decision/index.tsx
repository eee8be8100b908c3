import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import type { ReviewSubjectKind } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useAction, useLoad } from '../../../../components/hooks';
import { reviewsApi } from '../../../../services/reviews';

const KINDS: readonly ReviewSubjectKind[] = ['application', 'recheck', 'autoGrant'];

/**
 * 决定理由与复查: a refusal, cut, stop or grant without an application explained line by line, the
 * rule it rests on, and — until the date shown — a request for the office to look again; then the
 * request's progress and the written answer.
 */
export default function DecisionPage() {
  const { params } = useRouter();
  const kind = (KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as ReviewSubjectKind) : 'application';
  const id = decodeURIComponent(params.id ?? '');
  const decision = useLoad(() => reviewsApi.decision(kind, id), [kind, id], { enabled: !!id });
  const ask = useAction({ fallback: '提交失败，请重试', onDone: () => void decision.reload() });
  const [reason, setReason] = useState('');
  const d = decision.data;
  const r = d?.review;

  return (
    <PageShell className='decision'>
      <Notice text={decision.error ?? ask.error} error />
      {d ? (
        <View className='card' data-testid='decision'>
          <Text className='card__title'>{d.programmeName} · {d.decisionName}</Text>
          <Text className='card__line'>决定日期 {d.decidedOn}</Text>
          {d.lines.map((l, i) => <Text key={i} className='card__line' data-testid='decision-line'>{l.label}：{l.text}</Text>)}
          <Text className='card__line'>依据：{d.rule}</Text>
        </View>
      ) : null}
      {d && !r && d.canRequestReview ? (
        <View className='card'>
          <Text className='card__title'>申请复查（{d.reviewBy} 前）</Text>
          <Textarea className='field__input' placeholder='请写明您认为不对的地方，如：老伴的养老金已停发' maxlength={1000} value={reason} onInput={(e) => setReason(e.detail.value)} />
          <Button disabled={reason.trim().length < 2} loading={ask.busy} onClick={() => void ask.act(() => reviewsApi.request({ subjectKind: kind, subjectId: id, reason: reason.trim() }), '已提交')}>提交复查申请</Button>
        </View>
      ) : null}
      {d && !r && !d.canRequestReview ? <Notice text={`申请复查的期限已于 ${d.reviewBy} 截止；如有异议，请到乡镇（街道）窗口或拨打 12345 反映。`} /> : null}
      {r ? (
        <View className='card' data-testid='review'>
          <Text className='card__title'>复查申请</Text>
          <StatusTag tone={r.status === 'answered' ? 'success' : r.overdue ? 'danger' : 'primary'} text={r.statusName} />
          <Text className='card__line'>{r.status === 'answered' ? '' : `答复期限 ${r.dueOn}（${r.level === 'county' ? '县级民政部门' : '乡镇（街道）'}办理）`}</Text>
          {r.answer ? <Text className='card__line' data-testid='review-answer'>{r.answer.outcomeName}：{r.answer.text}</Text> : null}
        </View>
      ) : null}
    </PageShell>
  );
}
