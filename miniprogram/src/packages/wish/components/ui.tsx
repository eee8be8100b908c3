import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan, WISH_CATEGORY_LABELS, WISH_STATUS_LABELS, type PublicWish } from '@dajiuzhu/shared';
import { isApiError } from '../../../services/request';
import { WISH_ROUTES } from '../routes';
import './wish.scss';

export { formatYuan, WISH_CATEGORY_LABELS, WISH_STATUS_LABELS };

export const errorText = (e: unknown) => (isApiError(e) ? e.message : '操作失败，请稍后再试');

/** Loads on show (and on demand), keeping the error for the page to show. */
/**
 * One action on a card: runs it, shows a success toast and calls `onDone` (reload), or keeps the
 * error's Chinese text for the card to show.
 */
export function useAction(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try { await fn(); Taro.showToast({ title: done, icon: 'success' }); onDone(); } catch (e) { setError(errorText(e)); }
  };
  return { error, act };
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => { void reload(); }, [reload]);
  useDidShow(() => { void reload(); });
  return { data, error, reload, setData };
}

export function Notice({ text, error }: { text?: string | null; error?: boolean }) {
  return text ? <Text className={error ? 'notice notice--error' : 'notice'}>{text}</Text> : null;
}

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
      <Text className='card__line wish-card__meta'>{WISH_CATEGORY_LABELS[wish.category]} · 预算 {formatYuan(wish.budgetFen)}</Text>
      {wish.donorName ? <Text className='card__line wish-card__donor'>认领人：{wish.donorName}</Text> : null}
    </View>
  );
}
