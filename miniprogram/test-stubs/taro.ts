/**
 * A small in-memory stand-in for the Taro APIs this app calls, for jest (jsdom).
 * `request` is a jest mock: tests give it an implementation.
 */
import { useEffect } from 'react';

type RequestOption = { url: string; method?: string; data?: unknown; header?: Record<string, string>; dataType?: string };
type RequestResult = { statusCode: number; data: unknown; header: Record<string, string> };
type UploadOption = { url: string; filePath: string; name: string; fileName?: string; header?: Record<string, string> };
type UploadResult = { statusCode: number; data: string };
type DownloadOption = { url: string; header?: Record<string, string> };
type DownloadResult = { statusCode: number; tempFilePath: string };

const storage = new Map<string, unknown>();

export const __storage = storage;

export const request = jest.fn<Promise<RequestResult>, [RequestOption]>(async () => {
  throw new Error('Taro.request not mocked in this test');
});

export const uploadFile = jest.fn<Promise<UploadResult>, [UploadOption]>(async () => {
  throw new Error('Taro.uploadFile not mocked in this test');
});
export const downloadFile = jest.fn<Promise<DownloadResult>, [DownloadOption]>(async () => {
  throw new Error('Taro.downloadFile not mocked in this test');
});
/** Temporary files written by a mocked downloadFile: path → text. */
export const __files = new Map<string, string>();
export const getFileSystemManager = () => ({
  readFileSync: (path: string) => {
    if (!__files.has(path)) throw new Error(`no such file ${path}`);
    return __files.get(path);
  },
});

export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''));
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value);
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});

/** weapp's real-name face check: tests give it an outcome. */
export const startFacialRecognitionVerify = jest.fn<Promise<{ verifyResult: string; errMsg: string; errCode: number }>, [{ name: string; idCardNumber: string }]>(async () => {
  throw new Error('Taro.startFacialRecognitionVerify not mocked in this test');
});

export const login = jest.fn(async () => ({ code: 'test-code', errMsg: 'login:ok' }));
export const navigateTo = jest.fn(async (_: { url: string }) => undefined);
export const navigateBack = jest.fn(async () => undefined);
export const switchTab = jest.fn(async (_: { url: string }) => undefined);
export const reLaunch = jest.fn(async (_: { url: string }) => undefined);
export const showToast = jest.fn(async (_: unknown) => undefined);
export const showModal = jest.fn(async (_: unknown) => ({ confirm: true, cancel: false }));
export const redirectTo = jest.fn(async (_: { url: string }) => undefined);
export const pageScrollTo = jest.fn(async (_: unknown) => undefined);
export const openDocument = jest.fn(async (_: unknown) => undefined);
export const openPrivacyContract = jest.fn();
export const getCurrentPages = jest.fn(() => [] as unknown[]);

let routerParams: Record<string, string> = {};
export function __setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}
export const useRouter = () => ({ params: routerParams, path: '' });
export const useLaunch = (fn: () => void) => useEffect(fn, []);
export const useDidShow = (fn: () => void) => useEffect(fn, []);

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD', HARMONY: 'HARMONY' };
export const getEnv = () => 'WEB';
export const getSystemInfoSync = () => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 2, platform: 'devtools' });
export const createSelectorQuery = () => ({
  select: () => ({ boundingClientRect: () => ({ exec: (cb?: (r: unknown[]) => void) => cb?.([]) }) }),
  selectAll: () => ({ boundingClientRect: () => ({ exec: (cb?: (r: unknown[]) => void) => cb?.([]) }) }),
});
export const nextTick = (fn: () => void) => setTimeout(fn, 0);
export const pxTransform = (n: number) => `${n}px`;

const Taro = {
  request,
  uploadFile,
  downloadFile,
  getFileSystemManager,
  showModal,
  redirectTo,
  pageScrollTo,
  openDocument,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  login,
  startFacialRecognitionVerify,
  navigateTo,
  navigateBack,
  switchTab,
  reLaunch,
  showToast,
  openPrivacyContract,
  getCurrentPages,
  useRouter,
  useLaunch,
  useDidShow,
  ENV_TYPE,
  getEnv,
  getSystemInfoSync,
  createSelectorQuery,
  nextTick,
  pxTransform,
};

export function __reset(): void {
  storage.clear();
  __files.clear();
  routerParams = {};
  request.mockReset();
  request.mockImplementation(async () => {
    throw new Error('Taro.request not mocked in this test');
  });
  uploadFile.mockReset();
  uploadFile.mockImplementation(async () => {
    throw new Error('Taro.uploadFile not mocked in this test');
  });
  startFacialRecognitionVerify.mockReset();
  startFacialRecognitionVerify.mockImplementation(async () => {
    throw new Error('Taro.startFacialRecognitionVerify not mocked in this test');
  });
  navigateTo.mockClear();
  showToast.mockClear();
  downloadFile.mockReset();
  downloadFile.mockImplementation(async () => {
    throw new Error('Taro.downloadFile not mocked in this test');
  });
}

export default Taro;
