import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { StaffWishSummary } from '@dajiuzhu/shared';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { wishApi } from '../../../../services/wish';
import { WishPhoto } from '../../components/photos';

/**
 * A wish delivered to the community office and not yet confirmed: the donor's delivery photos
 * (seen by staff at once; public only after confirmation), a photo that breaks the rule removed
 * with a reason, and the confirmation on the person's behalf once they have the item.
 */
export function DeliveredCard({ wish, onDone }: { wish: StaffWishSummary; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { error, setError, act } = useAction({ onDone });
  const remove = (fileId: string) => (reason.trim() ? act(() => wishApi.removePhoto(wish.id, fileId, reason), '已移除照片') : setError('请先写明移除照片的原因，如“照片中有儿童面部”'));
  return (
    <View className='card'>
      <Text className='card__title'>{wish.title}</Text>
      <Text className='card__line wish-card__meta'>{wish.maskedName} · {wish.community}</Text>
      {wish.claim ? <Text className='card__line'>认领人：{wish.claim.donorName}{wish.claim.deliverNote ? ` · ${wish.claim.deliverNote}` : ''}</Text> : null}
      {wish.deliveryPhotoFileIds.length === 0 ? <Text className='card__line wish-card__meta'>没有送达照片</Text> : null}
      {wish.deliveryPhotoFileIds.map((f, i) => (
        <View key={f} className='wish-evidence'>
          <WishPhoto wishId={wish.id} fileId={f} label={`送达照片${i + 1}`} />
          <Button variant='secondary' onClick={() => remove(f)}>移除这张照片</Button>
        </View>
      ))}
      <Input className='field__input' placeholder='移除照片的原因' value={reason} onInput={(e) => setReason(e.detail.value)} />
      <Notice text={error} error />
      <Button onClick={() => act(() => wishApi.confirm(wish.id), '已确认送达')}>居民已领取，确认实现</Button>
    </View>
  );
}
