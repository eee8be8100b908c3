import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { WISH_DELIVERY_LABELS } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { useSession } from '../../../../store/session';
import { wishApi } from '../../../../services/wish';
import { errorText, formatYuan, go, Notice, useLoad, WISH_CATEGORY_LABELS, WISH_STATUS_LABELS } from '../../components/ui';
import { WISH_ROUTES } from '../../routes';

/** Wish detail (public view) and the claim button for donors. */
export default function WishDetailPage() {
  const { params } = useRouter();
  const id = params?.id ?? '';
  const { user } = useSession();
  const { data: wish, error, setData } = useLoad(() => wishApi.detail(id), [id]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function claim() {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const c = await wishApi.claim(id);
      setData(c.wish);
      Taro.showToast({ title: '认领成功', icon: 'success' });
      setMessage(`认领成功！请在 ${c.dueAt.slice(0, 10)} 前把物品送到${c.wish.community}服务站，并在“我的认领”里标记送达。`);
    } catch (e) {
      setMessage(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageShell className='wish-detail'>
      <Notice text={error} error />
      {wish ? (
        <View className='card'>
          <Text className='card__title'>{wish.title}</Text>
          <Text className={`wish-status wish-status--${wish.status}`}>{WISH_STATUS_LABELS[wish.status]}</Text>
          <Text className='card__line'>{wish.maskedName ? `${wish.maskedName} · ` : ''}{wish.ageBand}</Text>
          <Text className='card__line'>{wish.district} {wish.community}</Text>
          <Text className='card__line'>类别：{WISH_CATEGORY_LABELS[wish.category]}</Text>
          <Text className='card__line'>预算：{formatYuan(wish.budgetFen)}</Text>
          <Text className='card__line wish-story'>{wish.story}</Text>
          {wish.photoFileIds.map((f) => <Image key={f} src={wishApi.photoUrl(wish.id, f)} mode='widthFix' className='card__line' />)}
          <Text className='card__line'>送达方式：{WISH_DELIVERY_LABELS.communityOffice}</Text>
          {wish.donorName ? <Text className='card__line'>认领人：{wish.donorName}</Text> : null}
        </View>
      ) : null}
      <Notice text={message} error={!!message && !message.startsWith('认领成功')} />
      {wish?.status === 'open' ? (
        user?.roles.includes('donor') ? (
          <Button className='btn btn--primary' disabled={busy} onClick={claim}>认领这个心愿</Button>
        ) : (
          <Notice text='成为爱心人士后可以认领心愿（我的 → 爱心人士）' />
        )
      ) : null}
      {message?.startsWith('认领成功') ? <Button className='btn btn--secondary' onClick={() => go(WISH_ROUTES.claims)}>查看我的认领</Button> : null}
    </PageShell>
  );
}
