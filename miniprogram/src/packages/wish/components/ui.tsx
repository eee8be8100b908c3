import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PublicWish } from '@dajiuzhu/shared';
import { formatPrice } from '@dajiuzhu/shared/src/money';
import { WISH_CATEGORY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { WISH_STATUS_LABELS } from '@dajiuzhu/shared/src/wishes/machine';
import { WISH_ROUTES } from '../routes';
import './wish.scss';

export const go = (url: string) => Taro.navigateTo({ url });

/** One wish as the public sees it (the server already applied the public-view rule). */
export function PublicWishCard({ wish, onClick }: { wish: PublicWish; onClick?: () => void }) {
  return (
    <View className='card wish-card tap' onClick={onClick ?? (() => go(`${WISH_ROUTES.detail}?id=${wish.id}`))}>
      <View className='wish-card__head'>
        <Text className='card__title'>{wish.title}</Text>
        <Text className={`wish-status wish-status--${wish.status}`}>{WISH_STATUS_LABELS[wish.status]}</Text>
      </View>
      <Text className='card__line wish-card__who'>
        {wish.maskedName ? `${wish.maskedName} · ` : ''}{wish.ageBand} · {wish.district}{wish.community}
      </Text>
      <Text className='card__line wish-card__meta'>{WISH_CATEGORY_LABELS[wish.category]} · 预算 {formatPrice(wish.budgetFen)}</Text>
      {wish.donorName ? <Text className='card__line wish-card__donor'>认领人：{wish.donorName}</Text> : null}
    </View>
  );
}
