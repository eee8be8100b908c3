import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { Notice } from '../../../../components/Notice';
import { StatusTag } from '../../../../components/StatusTag';
import { useAction, useLoad } from '../../../../components/hooks';
import { reviewsApi } from '../../../../services/reviews';

/** 复查申请 (staff): the region's requests by deadline, escalated ones marked, answered in writing (维持 / 改变). */
export default function ReviewQueuePage() {
  const queue = useLoad(() => reviewsApi.queue());
  const counts = useLoad(() => reviewsApi.counts());
  const answer = useAction({ fallback: '答复失败，请重试', onDone: () => { void queue.reload(); void counts.reload(); } });
  const reply = (id: string, outcome: 'upheld' | 'changed') => void answer.act(async () => {
    const r = await Taro.showModal({ title: outcome === 'upheld' ? '维持原决定' : '改变原决定', content: '', editable: true, placeholderText: '书面答复，送达申请人' } as Taro.showModal.Option);
    const text = ((r as { content?: string }).content ?? '').trim();
    if (!r.confirm || text.length < 2) return;
    await reviewsApi.answer(id, { outcome, text });
  }, '已答复');
  const t = counts.data?.total;
  return (
    <PageShell className='review-queue'>
      <Notice text={queue.error ?? answer.error} error />
      {t ? <Text className='list__summary'>办理中 {t.submitted} · 已转县级 {t.escalated} · 已答复 {t.answered} · 超期 {t.overdue}</Text> : null}
      {queue.data && queue.data.reviews.length === 0 ? <EmptyState title='没有复查申请' /> : null}
      <View className='list' data-testid='reviews'>
        {(queue.data?.reviews ?? []).map((r) => (
          <View key={r.id} className='list__item' data-testid='review'>
            <Text className='list__title'>{r.subjectNameMasked} · {r.programmeName}</Text>
            <Text className='list__summary'>{r.reason}</Text>
            <Text className='list__text'>期限 {r.dueOn}</Text>
            <StatusTag tone={r.status === 'answered' ? 'success' : r.overdue || r.status === 'escalated' ? 'danger' : 'primary'} text={r.statusName} />
            {r.answer ? <Text className='list__text'>{r.answer.outcomeName}：{r.answer.text}</Text> : (
              <>
                <Button loading={answer.busy} onClick={() => reply(r.id, 'upheld')}>维持原决定</Button>
                <Button variant='secondary' loading={answer.busy} onClick={() => reply(r.id, 'changed')}>改变原决定</Button>
              </>
            )}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
