import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { errorText } from './errorText';
import { isApiError } from '../services/request';

export interface Loaded<T> {
  data: T | null;
  /** The failure in words (errorText), or null. */
  error: string | null;
  /** True until the first answer or failure of the current load. */
  loading: boolean;
  reload: () => Promise<void>;
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * Loads when the deps change and again each time the page shows (coming back from another page),
 * keeping the data, the error's Chinese text and a loading flag. `enabled: false` waits (e.g. for
 * the sign-in) without loading. A failed reload keeps the data on screen; a failed load for new
 * deps clears it (it belonged to the old ones).
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = [], opts: { enabled?: boolean; fallback?: string } = {}): Loaded<T> {
  const enabled = opts.enabled !== false;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const generation = useRef(0);
  // One token per deps: tells whether the data on screen was loaded for the current deps.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const depsToken = useMemo(() => ({}), [enabled, ...deps]);
  const loadedFor = useRef<object | null>(null);
  const reload = useCallback(async () => {
    if (!enabled) return;
    const mine = ++generation.current;
    setLoading(true);
    try {
      const value = await load();
      if (mine !== generation.current) return; // a newer load (deps changed) wins
      loadedFor.current = depsToken;
      setData(value);
      setError(null);
    } catch (e) {
      if (mine !== generation.current) return;
      if (loadedFor.current !== depsToken) setData(null);
      setError(errorText(e, opts.fallback ?? '加载失败，请稍后再试'));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [depsToken]);
  const shownOnce = useRef(false);
  useEffect(() => { void reload(); }, [reload]);
  useDidShow(() => {
    // The first show is the mount, already loading above; later shows are returns to the page.
    if (!shownOnce.current) { shownOnce.current = true; return; }
    void reload();
  });
  return { data, error, loading, reload, setData };
}

export interface Action {
  /** True while an action runs; a second tap meanwhile is ignored. */
  busy: boolean;
  /** The last failure in words (errorText), or null. */
  error: string | null;
  /** The API's stable code of the last failure (e.g. 'APPLICATION_HELPER_UNVERIFIED'), or null. */
  errorCode: string | null;
  setError: (message: string | null) => void;
  /**
   * Runs `fn` unless one is already running. On success shows `done` as a toast (when given) and
   * calls `onDone`; on failure keeps the error's Chinese text. Resolves true on success.
   */
  act: (fn: () => Promise<unknown>, done?: string) => Promise<boolean>;
}

/** One action behind a button: busy flag, double-tap guard, success toast, error text. */
export function useAction(opts: {
  onDone?: () => void;
  fallback?: string;
  toastIcon?: 'success' | 'none';
  /** Show a failure as a toast too (for actions whose button has no room for a line of text beside it). */
  errorToast?: boolean;
} = {}): Action {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; code: string | null } | null>(null);
  const setError = useCallback((message: string | null) => setFailure(message ? { message, code: null } : null), []);
  const running = useRef(false);
  const act = async (fn: () => Promise<unknown>, done?: string) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await fn();
      if (done) Taro.showToast({ title: done, icon: opts.toastIcon ?? 'success' });
      opts.onDone?.();
      return true;
    } catch (e) {
      const message = errorText(e, opts.fallback);
      setFailure({ message, code: isApiError(e) ? e.code : null });
      if (opts.errorToast) Taro.showToast({ title: message, icon: 'none' });
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, error: failure?.message ?? null, errorCode: failure?.code ?? null, setError, act };
}
