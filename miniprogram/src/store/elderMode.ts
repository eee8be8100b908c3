import Taro from '@tarojs/taro';
import { createStore } from './createStore';

const ELDER_MODE_KEY = 'dajiuzhu.elderMode';

/** WeChat's standard font size (px) in its own 字体大小 setting; larger means the user chose big text. */
const WECHAT_STANDARD_FONT = 17;

/**
 * No choice stored yet: on weapp, follow the user's WeChat font setting (someone who enlarged
 * WeChat's text starts in 长辈模式); elsewhere start standard.
 */
function fromFontSetting(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const setting = Number((Taro.getSystemInfoSync() as { fontSizeSetting?: number }).fontSizeSetting);
    return Number.isFinite(setting) && setting > WECHAT_STANDARD_FONT;
  } catch {
    return false;
  }
}

function readStored(): boolean {
  try {
    const stored = Taro.getStorageSync(ELDER_MODE_KEY);
    if (stored === true || stored === false) return stored;
  } catch {
    /* storage unavailable */
  }
  return fromFontSetting();
}

/**
 * H5: the mode also marks <html> (class `elder-mode`), so what lives outside the pages — Taro's
 * tab bar — follows it (styles/h5.scss).
 */
function markDocument(on: boolean): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.documentElement.classList.toggle('elder-mode', on);
}

const store = createStore<boolean>(readStored());
markDocument(store.get());
store.subscribe(() => markDocument(store.get()));

/** 长辈模式: large text and large tap targets on every page. */
export function useElderMode(): boolean {
  return store.use();
}

export function getElderMode(): boolean {
  return store.get();
}

export function setElderMode(on: boolean): void {
  store.set(on);
  try {
    Taro.setStorageSync(ELDER_MODE_KEY, on);
  } catch {
    /* keep the in-memory value */
  }
}

/** Tests only: re-read the persisted value. */
export function reloadElderModeForTests(): void {
  store.set(readStored());
}
