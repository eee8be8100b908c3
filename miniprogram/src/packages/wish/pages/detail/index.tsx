import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { formatPrice } from '@dajiuzhu/shared/src/money';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { WISH_CATEGORY_LABELS, WISH_DELIVERY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { WISH_STATUS_LABELS } from '@dajiuzhu/shared/src/wishes/machine';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { useSession } from '../../../../store/session';
import { wishApi } from '../../../../services/wish';
import { go } from '../../components/ui';
import { BecomeDonor } from '../../components/BecomeDonor';
import { WISH_ROUTES } from '../../routes';

/** Wish detail (public view) and the claim button for donors. */
export default function WishDetailPage() {
  const { params } = useRouter();
  const id = params?.id ?? '';
  const { user } = useSession();
  const { data: wish, error, setData } = useLoad(() => wishApi.detail(id), [id]);
  const [claimed, setClaimed] = useState<string | null>(null);
  const claiming = useAction();

  function claim() {
    setClaimed(null);
    void claiming.act(async () => {
      const c = await wishApi.claim(id);
      setData(c.wish);
      setClaimed(`认领成功！请在 ${shanghaiDate(new Date(c.dueAt))} 前把物品送到${c.wish.community}服务站，并在“我的认领”里标记送达。`);
    }, '认领成功');
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
          <Text className='card__line'>预算：{formatPrice(wish.budgetFen)}</Text>
          <Text className='card__line wish-story'>{wish.story}</Text>
          {wish.photoFileIds.map((f) => <Image key={f} src={wishApi.photoUrl(wish.id, f)} mode='widthFix' className='card__line' />)}
          <Text className='card__line'>送达方式：{WISH_DELIVERY_LABELS.communityOffice}</Text>
          {wish.donorName ? <Text className='card__line'>认领人：{wish.donorName}</Text> : null}
        </View>
      ) : null}
      <Notice text={claimed} />
      <Notice text={claiming.error} error />
      {wish?.status === 'open' ? (
        user?.roles.includes('donor') ? (
          <Button loading={claiming.busy} onClick={claim}>认领这个心愿</Button>
        ) : (
          <BecomeDonor />
        )
      ) : null}
      {claimed ? <Button variant='secondary' onClick={() => go(WISH_ROUTES.claims)}>查看我的认领</Button> : null}
    </PageShell>
  );
}
