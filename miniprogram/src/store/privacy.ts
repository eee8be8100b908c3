import Taro from '@tarojs/taro';
import { createStore } from './createStore';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

const store = createStore<{ resolve: Resolve | null }>({ resolve: null });

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree-btn';

/**
 * weapp: WeChat asks before the first privacy API call; we show our popup and resolve with the
 * user's choice. No-op on H5 and on base libraries without the API.
 */
export function registerPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const api = (Taro as unknown as { onNeedPrivacyAuthorization?: (l: (resolve: Resolve) => void) => void }).onNeedPrivacyAuthorization;
  if (typeof api !== 'function') return;
  api((resolve) => {
    store.set({ resolve });
    resolve({ event: 'exposureAuthorization' });
  });
}

export function usePendingPrivacy(): boolean {
  return store.use().resolve !== null;
}

export function answerPrivacy(agree: boolean): void {
  const { resolve } = store.get();
  store.set({ resolve: null });
  if (!resolve) return;
  resolve(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
}
