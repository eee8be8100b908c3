import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { StaffWishSummary } from '@dajiuzhu/shared';
import { formatPrice, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { shanghaiDateTime } from '@dajiuzhu/shared/src/rules/date';
import { WISH_CATEGORY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips, type Choice } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { useSession } from '../../../../store/session';
import { wishApi } from '../../../../services/wish';
import { CountsGrid } from '../numbers/CountsGrid';
import { WishPhoto } from '../../components/photos';
import { DeliveredCard } from './DeliveredCard';

const CONSENT_METHODS: Record<string, string> = { inPerson: '当面', phone: '电话', signedForm: '书面签字' };
import '../../components/wish.scss';

function ReviewCard({ wish, onDone }: { wish: StaffWishSummary; onDone: () => void }) {
  const [text, setText] = useState('');
  const [yuan, setYuan] = useState('');
  const { error, setError, act } = useAction({ onDone });
  /** Approve with changes: the note, and the budget when one is typed. */
  const editAndApprove = () => {
    const budget = parseYuanInput(yuan);
    if ('problem' in budget) { setError(budget.problem); return; }
    void act(() => wishApi.edit(wish.id, { note: text, ...(budget.fen ? { budgetFen: budget.fen } : {}) }), '已修改并通过');
  };
  return (
    <View className='card'>
      <Text className='card__title'>{wish.title}</Text>
      <Text className='card__line wish-card__meta'>{wish.maskedName} · {wish.ageBand} · {wish.community}{wish.postedOnBehalf ? ' · 代发' : ''}</Text>
      <Text className='card__line'>{WISH_CATEGORY_LABELS[wish.category]} · 预算 {formatPrice(wish.budgetFen)}（上限 {formatPrice(wish.budgetCapFen)}）</Text>
      <Text className='card__line wish-story'>{wish.story}</Text>
      {wish.referral ? <Text className='card__line'>动态监测转介 · 本人已同意（{CONSENT_METHODS[wish.referral.consentMethod] ?? ''}，{wish.referral.consentDate}）</Text> : null}
      {wish.contentFlag === 'review' ? <Text className='card__line notice--error'>内容安全检测建议人工复核</Text> : null}
      {[...wish.photoFileIds, ...wish.deliveryPhotoFileIds].map((f, i) => (
        <View key={f} className='wish-evidence'>
          <WishPhoto wishId={wish.id} fileId={f} label={`${wish.photoFileIds.includes(f) ? '心愿' : '送达'}照片${i + 1}`} />
          <Button variant='secondary' onClick={() => (text.trim() ? act(() => wishApi.removePhoto(wish.id, f, text), '已移除照片') : setError('请在下面写明移除照片的原因，如“照片中有儿童面部”'))}>移除这张照片</Button>
        </View>
      ))}
      {wish.photoFileIds.length > 0 ? <Text className='card__line wish-card__meta'>照片规则：只拍物品，不能有儿童面部、门牌和证件</Text> : null}
      <Input className='field__input' placeholder='修改说明、不通过原因或移除照片的原因' value={text} onInput={(e) => setText(e.detail.value)} />
      <Input className='field__input' type='digit' placeholder='调整预算（元，可不填）' value={yuan} onInput={(e) => setYuan(e.detail.value)} />
      <Notice text={error} error />
      <View className='wish-actions'>
        <Button onClick={() => act(() => wishApi.approve(wish.id), '已通过')}>审核通过</Button>
        <Button variant='secondary' onClick={editAndApprove}>修改后通过</Button>
        <Button variant='secondary' onClick={() => act(() => wishApi.reject(wish.id, text), '已退回')}>不通过</Button>
      </View>
    </View>
  );
}

type Tab = 'review' | 'delivered' | 'lapsing' | 'numbers';

/** Staff: the review queue, claims about to lapse, and the region's numbers. */
export default function WishStaffPage() {
  const { user } = useSession();
  const [tab, setTab] = useState<Tab>('review');
  const queue = useLoad(() => wishApi.staffList('pendingReview'));
  const lapsing = useLoad(() => wishApi.lapsing(48));
  const delivered = useLoad(() => wishApi.staffList('delivered'), [], { enabled: tab === 'delivered' });
  const numbers = useLoad(() => wishApi.staffNumbers());
  if (!user?.roles.includes('staff')) return <PageShell><Notice text='仅工作人员可用' error /></PageShell>;
  const tabs: Choice<Tab>[] = [
    { value: 'review', label: `待审核（${queue.data?.wishes.length ?? 0}）` },
    { value: 'delivered', label: '送达待确认' },
    { value: 'lapsing', label: '即将超时' },
    { value: 'numbers', label: '辖区数据' },
  ];
  return (
    <PageShell className='wish-staff'>
      <Chips options={tabs} value={tab} onChange={(t) => setTab(t ?? tab)} />
      {tab === 'review' ? (
        <>
          <Notice text={queue.error} error />
          {queue.data?.wishes.map((w) => <ReviewCard key={w.id} wish={w} onDone={() => { void queue.reload(); void numbers.reload(); }} />)}
          {queue.data && queue.data.wishes.length === 0 ? <Notice text='没有待审核的心愿' /> : null}
        </>
      ) : null}
      {tab === 'delivered' ? (
        <>
          <Notice text={delivered.error} error />
          {delivered.data?.wishes.map((w) => <DeliveredCard key={w.id} wish={w} onDone={() => { void delivered.reload(); void numbers.reload(); }} />)}
          {delivered.data && delivered.data.wishes.length === 0 ? <Notice text='没有送达待确认的心愿' /> : null}
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
              <Text className='card__line notice--error'>到期：{shanghaiDateTime(c.dueAt)}</Text>
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
