import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import type { SignInResponse, UserView } from '@dajiuzhu/shared';
import { createStore } from './createStore';
import { getAuthOptions, logout, signInWithWechat } from '../services/auth';
import { getMe } from '../services/me';
import { isApiError } from '../services/request';
import { errorText } from '../components/errorText';
import { clearTokens, getTokens, onTokensChange, setTokens } from '../services/tokens';
import { ROUTES } from '../routes';

export type SessionStatus = 'starting' | 'signedIn' | 'signedOut';

export interface SessionState {
  status: SessionStatus;
  user: UserView | null;
  /** H5 only: the server offers demo sign-in (演示登录). */
  devSignIn: boolean;
  /** Chinese message of the last sign-in failure, if any. */
  error: string | null;
}

const store = createStore<SessionState>({ status: 'starting', user: null, devSignIn: false, error: null });

onTokensChange((tokens) => {
  if (!tokens) store.set((s) => ({ ...s, status: 'signedOut', user: null }));
});

export const useSession = store.use;
export const getSession = store.get;

export function setUser(user: UserView): void {
  store.set((s) => ({ ...s, status: 'signedIn', user, error: null }));
}

/** Reads the account again (e.g. its 实名核验 may have changed elsewhere); keeps what is shown on failure. */
export async function refreshUser(): Promise<void> {
  if (store.get().status !== 'signedIn') return;
  try {
    setUser(await getMe());
  } catch {
    // Offline or signed out meanwhile: the request layer handles sign-out; keep the screen as it is.
  }
}

export function applySignIn(res: SignInResponse): void {
  setTokens({ accessToken: res.accessToken, refreshToken: res.refreshToken, expiresIn: res.expiresIn });
  setUser(res.user);
}

/** 退出登录: revoke on the server when possible (best effort), always forget the tokens here. */
export function signOut(): void {
  if (getTokens()) logout().catch(() => undefined);
  clearTokens();
  store.set((s) => ({ ...s, status: 'signedOut', user: null, error: null }));
}

function failed(e: unknown): void {
  const message = errorText(e, '登录失败，请稍后再试');
  store.set((s) => ({ ...s, status: 'signedOut', user: null, error: message }));
}

/** With stored tokens, load the user; false when the tokens are no longer valid. */
async function resumeStoredSession(): Promise<boolean> {
  if (!getTokens()) return false;
  try {
    setUser(await getMe());
    return true;
  } catch (e) {
    if (isApiError(e) && e.code === 'UNAUTHENTICATED') return false;
    throw e;
  }
}

/** weapp silent sign-in: wx.login code → POST /api/v1/auth/wechat. */
export async function signInSilently(): Promise<void> {
  const { code } = await Taro.login();
  applySignIn(await signInWithWechat({ code }));
}

export function openDemoSignIn(): void {
  Taro.navigateTo({ url: ROUTES.demoSignIn });
}

let demoSignInOffered = false;

/**
 * H5 with demo sign-in enabled and nobody signed in: open the demo sign-in screen once per launch,
 * from the first page that is on screen. Called by PageShell.
 */
export function useDemoSignInPrompt(enabled: boolean): void {
  const { status, devSignIn } = useSession();
  useEffect(() => {
    if (!enabled || process.env.TARO_ENV !== 'h5') return;
    if (demoSignInOffered || status !== 'signedOut' || !devSignIn || getTokens()) return;
    demoSignInOffered = true;
    openDemoSignIn();
  }, [enabled, status, devSignIn]);
}

/** Run once at launch. */
export async function bootstrapSession(): Promise<void> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      if (await resumeStoredSession()) return;
      await signInSilently();
      return;
    }
    const options = await getAuthOptions().catch(() => ({ devSignIn: false }));
    store.set((s) => ({ ...s, devSignIn: options.devSignIn }));
    if (await resumeStoredSession()) return;
    // The first page that shows (PageShell) opens the demo sign-in: navigating from here could
    // race the H5 router still loading that first page.
    store.set((s) => ({ ...s, status: 'signedOut', user: null }));
  } catch (e) {
    failed(e);
  }
}

/** Tests only. */
export function resetSessionForTests(state?: Partial<SessionState>): void {
  store.set({ status: 'starting', user: null, devSignIn: false, error: null, ...state });
}
