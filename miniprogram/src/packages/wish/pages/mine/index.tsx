import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { MyWish } from '@dajiuzhu/shared';
import { formatPrice } from '@dajiuzhu/shared/src/money';
import { WISH_CATEGORY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { WISH_STATUS_LABELS } from '@dajiuzhu/shared/src/wishes/machine';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { wishApi } from '../../../../services/wish';
import { go } from '../../components/ui';
import { WISH_ROUTES } from '../../routes';
import { WishPhoto } from '../../components/photos';

function MyWishCard({ wish, onChange }: { wish: MyWish; onChange: () => void }) {
  const [thanks, setThanks] = useState('');
  const { error, act } = useAction({ onDone: onChange });
  return (
    <View className='card'>
      <View className='wish-card__head'>
        <Text className='card__title'>{wish.title}</Text>
        <Text className={`wish-status wish-status--${wish.status}`}>{WISH_STATUS_LABELS[wish.status]}</Text>
      </View>
      <Text className='card__line wish-card__meta'>{WISH_CATEGORY_LABELS[wish.category]} · 预算 {formatPrice(wish.budgetFen)}{wish.postedOnBehalf ? ' · 工作人员代发' : ''}</Text>
      {wish.reviewNote ? <Text className='card__line'>审核说明：{wish.reviewNote}</Text> : null}
      {wish.rejectReason ? <Text className='card__line notice--error'>未通过原因：{wish.rejectReason}</Text> : null}
      {wish.photoFileIds.map((f, i) => <WishPhoto key={f} wishId={wish.id} fileId={f} label={`心愿照片${i + 1}`} />)}
      {wish.removedPhotos.map((r) => (
        <Text key={r.at} className='card__line notice--error'>工作人员移除了一张{r.kind === 'deliveryPhoto' ? '送达' : ''}照片：{r.reason}</Text>
      ))}
      {wish.donorName ? <Text className='card__line'>认领人：{wish.donorName}</Text> : null}
      {wish.deliverNote ? <Text className='card__line'>送达说明：{wish.deliverNote}</Text> : null}
      {wish.deliveryPhotoFileIds.length > 0 ? (
        <View className='wish-evidence' data-testid='delivery-evidence'>
          <Text className='card__line'>送达照片（{wish.donorName ?? '爱心人士'}拍摄）</Text>
          {wish.deliveryPhotoFileIds.map((f, i) => <WishPhoto key={f} wishId={wish.id} fileId={f} label={`送达照片${i + 1}`} />)}
        </View>
      ) : null}
      {wish.thanks ? <Text className='card__line'>我对{wish.donorName ?? '爱心人士'}说：{wish.thanks}</Text> : null}
      <Notice text={error} error />
      <View className='wish-actions'>
        {wish.actions.includes('confirm') ? <Button onClick={() => act(() => wishApi.confirm(wish.id), '已确认收到')}>确认已收到</Button> : null}
        {wish.actions.includes('thank') ? (
          <>
            <Input className='field__input' placeholder={`写一句感谢${wish.donorName ?? '爱心人士'}的话`} value={thanks} onInput={(e) => setThanks(e.detail.value)} />
            <Button onClick={() => act(() => wishApi.thank(wish.id, thanks), '感谢已送达')}>发送感谢</Button>
          </>
        ) : null}
      </View>
    </View>
  );
}

/** The person's wishes, with status, and the actions the state machine allows now. */
export default function MyWishesPage() {
  const { data, error, reload } = useLoad(() => wishApi.mine());
  return (
    <PageShell className='wish-mine'>
      <Notice text={error} error />
      {data?.wishes.map((w) => <MyWishCard key={w.id} wish={w} onChange={reload} />)}
      {data && data.wishes.length === 0 ? <Notice text='还没有发布心愿' /> : null}
      <View className='bottom-actions'>
        <Button variant='secondary' onClick={() => go(WISH_ROUTES.post)}>发布新心愿</Button>
      </View>
    </PageShell>
  );
}
