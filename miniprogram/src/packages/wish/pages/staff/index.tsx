import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { StaffWishSummary } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { useSession } from '../../../../store/session';
import { wishApi } from '../../../../services/wish';
import { useAction, formatYuan, Notice, useLoad, WISH_CATEGORY_LABELS } from '../../components/ui';
import { CountsGrid } from '../numbers/CountsGrid';

function ReviewCard({ wish, onDone }: { wish: StaffWishSummary; onDone: () => void }) {
  const [text, setText] = useState('');
  const [yuan, setYuan] = useState('');
  const { error, act } = useAction(onDone);
  return (
    <View className='card'>
      <Text className='card__title'>{wish.title}</Text>
      <Text className='card__line wish-card__meta'>{wish.maskedName} · {wish.ageBand} · {wish.community}{wish.postedOnBehalf ? ' · 代发' : ''}</Text>
      <Text className='card__line'>{WISH_CATEGORY_LABELS[wish.category]} · 预算 {formatYuan(wish.budgetFen)}（上限 {formatYuan(wish.budgetCapFen)}）</Text>
      <Text className='card__line wish-story'>{wish.story}</Text>
      {wish.contentFlag === 'review' ? <Text className='card__line notice--error'>内容安全检测建议人工复核</Text> : null}
      <Input className='field__input' placeholder='修改说明或不通过原因' value={text} onInput={(e) => setText(e.detail.value)} />
      <Input className='field__input' type='digit' placeholder='调整预算（元，可不填）' value={yuan} onInput={(e) => setYuan(e.detail.value)} />
      <Notice text={error} error />
      <View className='wish-actions'>
        <Button className='btn btn--primary' onClick={() => act(() => wishApi.approve(wish.id), '已通过')}>审核通过</Button>
        <Button className='btn btn--secondary' onClick={() => act(() => wishApi.edit(wish.id, { note: text, ...(yuan ? { budgetFen: Math.round(Number(yuan) * 100) } : {}) }), '已修改并通过')}>修改后通过</Button>
        <Button className='btn btn--secondary' onClick={() => act(() => wishApi.reject(wish.id, text), '已退回')}>不通过</Button>
      </View>
    </View>
  );
}

type Tab = 'review' | 'lapsing' | 'numbers';

/** Staff: the review queue, claims about to lapse, and the region's numbers. */
export default function WishStaffPage() {
  const { user } = useSession();
  const [tab, setTab] = useState<Tab>('review');
  const queue = useLoad(() => wishApi.staffList('pendingReview'));
  const lapsing = useLoad(() => wishApi.lapsing(48));
  const numbers = useLoad(() => wishApi.staffNumbers());
  if (!user?.roles.includes('staff')) return <PageShell><Notice text='仅工作人员可用' error /></PageShell>;
  const chip = (t: Tab) => (tab === t ? 'chip chip--on tap' : 'chip tap');
  return (
    <PageShell className='wish-staff'>
      <View className='chips'>
        <View className={chip('review')} onClick={() => setTab('review')}><Text>待审核（{queue.data?.wishes.length ?? 0}）</Text></View>
        <View className={chip('lapsing')} onClick={() => setTab('lapsing')}><Text>即将超时</Text></View>
        <View className={chip('numbers')} onClick={() => setTab('numbers')}><Text>辖区数据</Text></View>
      </View>
      {tab === 'review' ? (
        <>
          <Notice text={queue.error} error />
          {queue.data?.wishes.map((w) => <ReviewCard key={w.id} wish={w} onDone={() => { void queue.reload(); void numbers.reload(); }} />)}
          {queue.data && queue.data.wishes.length === 0 ? <Notice text='没有待审核的心愿' /> : null}
        </>
      ) : null}
      {tab === 'lapsing' ? (
        <>
          <Notice text={lapsing.error} error />
          {lapsing.data?.claims.map((c) => (
            <View key={c.id} className='card'>
              <Text className='card__title'>{c.wishTitle}</Text>
              <Text className='card__line'>{c.community} · 认领人 {c.donorName}</Text>
              <Text className='card__line'>联系方式：{c.donorContact ?? '未填写'}</Text>
              <Text className='card__line notice--error'>到期：{c.dueAt.slice(0, 16).replace('T', ' ')}</Text>
            </View>
          ))}
          {lapsing.data && lapsing.data.claims.length === 0 ? <Notice text='48小时内没有即将超时的认领' /> : null}
        </>
      ) : null}
      {tab === 'numbers' && numbers.data ? (
        <>
          <Text className='section-title'>辖区合计（待审核 {numbers.data.pendingReview}）</Text>
          <CountsGrid counts={numbers.data.counts} />
          <Text className='section-title'>按社区</Text>
          {numbers.data.byCommunity.map((c) => (
            <View key={c.regionCode} className='list__item'><Text className='list__title'>{c.name}</Text><Text className='list__summary'>征集 {c.counts.collected} · 待认领 {c.counts.open} · 已认领 {c.counts.claimed} · 已实现 {c.counts.fulfilled} · 超时 {c.counts.lapsed}</Text></View>
          ))}
          <Text className='section-title'>按类别</Text>
          {numbers.data.byCategory.filter((c) => c.counts.collected > 0).map((c) => (
            <View key={c.category} className='list__item'><Text className='list__title'>{WISH_CATEGORY_LABELS[c.category]}</Text><Text className='list__summary'>征集 {c.counts.collected} · 已实现 {c.counts.fulfilled}</Text></View>
          ))}
        </>
      ) : null}
    </PageShell>
  );
}
