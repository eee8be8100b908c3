import Taro from '@tarojs/taro';
import { createStore } from './createStore';

const ELDER_MODE_KEY = 'dajiuzhu.elderMode';

function readStored(): boolean {
  try {
    return Taro.getStorageSync(ELDER_MODE_KEY) === true;
  } catch {
    return false;
  }
}

const store = createStore<boolean>(readStored());

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
