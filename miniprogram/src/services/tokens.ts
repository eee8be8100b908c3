import Taro from '@tarojs/taro';
import type { TokenPair } from '@dajiuzhu/shared';

const TOKENS_KEY = 'dajiuzhu.tokens';

type Listener = (tokens: TokenPair | null) => void;
const listeners = new Set<Listener>();
let cache: TokenPair | null | undefined;

/** The stored token pair (Taro storage), or null when signed out. */
export function getTokens(): TokenPair | null {
  if (cache === undefined) {
    try {
      const stored = Taro.getStorageSync(TOKENS_KEY) as TokenPair | '' | undefined;
      cache = stored && typeof stored === 'object' && stored.accessToken ? stored : null;
    } catch {
      cache = null;
    }
  }
  return cache;
}

export function setTokens(tokens: TokenPair): void {
  cache = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn };
  Taro.setStorageSync(TOKENS_KEY, cache);
  listeners.forEach((l) => l(cache ?? null));
}

export function clearTokens(): void {
  cache = null;
  try {
    Taro.removeStorageSync(TOKENS_KEY);
  } catch {
    /* storage unavailable: the in-memory state is what counts */
  }
  listeners.forEach((l) => l(null));
}

export function onTokensChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests only: forget the in-memory copy so the next read comes from storage. */
export function resetTokenCacheForTests(): void {
  cache = undefined;
}
