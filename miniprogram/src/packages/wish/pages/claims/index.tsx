import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { WishClaim } from '@dajiuzhu/shared';
import { formatPrice } from '@dajiuzhu/shared/src/money';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { CLAIM_STATUS_LABELS } from '@dajiuzhu/shared/src/wishes/machine';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { wishApi } from '../../../../services/wish';
import { go } from '../../components/ui';
import { WISH_ROUTES } from '../../routes';
import { PhotoPicker, PhotoRuleCheck, WishPhoto, type PickedPhoto } from '../../components/photos';

function ClaimCard({ claim, onChange }: { claim: WishClaim; onChange: () => void }) {
  const [note, setNote] = useState(`已送到${claim.wish.community}服务站`);
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [noChildFaces, setNoChildFaces] = useState(false);
  const { error, setError, act } = useAction({ onDone: onChange });
  const deliver = () => {
    if (photos.length > 0 && !noChildFaces) { setError('请确认照片里只拍了物品，没有儿童的面部'); return; }
    const photoFileIds = photos.map((p) => p.fileId);
    void act(() => wishApi.deliver(claim.id, { note, ...(photoFileIds.length ? { photoFileIds, noChildFaces } : {}) }), '已标记送达');
  };
  return (
    <View className='card'>
      <View className='wish-card__head'>
        <Text className='card__title'>{claim.wish.title}</Text>
        <Text className={`wish-status wish-status--${claim.status}`}>{CLAIM_STATUS_LABELS[claim.status]}</Text>
      </View>
      <Text className='card__line wish-card__meta'>{claim.wish.district}{claim.wish.community} · 预算 {formatPrice(claim.wish.budgetFen)}</Text>
      <Text className='card__line wish-card__meta'>显示为：{claim.donorName}</Text>
      {claim.status === 'active' ? <Text className='card__line'>请在 {shanghaiDate(new Date(claim.dueAt))} 前送达，否则认领自动失效</Text> : null}
      {claim.deliverNote ? <Text className='card__line'>送达说明：{claim.deliverNote}</Text> : null}
      {claim.deliveryPhotoFileIds.map((f, i) => <WishPhoto key={f} wishId={claim.wishId} fileId={f} label={`送达照片${i + 1}`} />)}
      {claim.status === 'delivered' && claim.deliveryPhotoFileIds.length > 0 ? <Text className='card__line wish-card__meta'>受助人确认收到后，送达照片才会公开</Text> : null}
      {claim.thanks ? <Text className='card__line'>感谢留言：{claim.thanks}</Text> : null}
      <Notice text={error} error />
      <View className='wish-actions'>
        {claim.status === 'active' ? (
          <>
            <Input className='field__input' placeholder='送达说明' value={note} onInput={(e) => setNote(e.detail.value)} />
            <PhotoPicker purpose='deliveryPhoto' photos={photos} onChange={setPhotos} label='送达照片（物品送到服务站的照片；确认收到后公开）' testId='delivery-photo-input' />
            {photos.length > 0 ? <PhotoRuleCheck checked={noChildFaces} onChange={setNoChildFaces} /> : null}
            <Button onClick={deliver}>标记已送达</Button>
            <Button variant='secondary' onClick={() => act(() => wishApi.release(claim.id), '已放弃认领')}>放弃认领</Button>
          </>
        ) : null}
        {claim.status === 'fulfilled' ? <Button onClick={() => go(`${WISH_ROUTES.certificate}?id=${claim.id}`)}>查看爱心证书</Button> : null}
      </View>
    </View>
  );
}

/** The donor's claims, newest first: deliver, release, certificate. */
export default function MyClaimsPage() {
  const { data, error, reload } = useLoad(() => wishApi.myClaims());
  return (
    <PageShell className='wish-claims'>
      <Notice text={error} error />
      {data?.claims.map((c) => <ClaimCard key={c.id} claim={c} onChange={reload} />)}
      {data && data.claims.length === 0 ? <Notice text='还没有认领心愿，去微心愿广场看看吧' /> : null}
    </PageShell>
  );
}
