import Taro from '@tarojs/taro';
import type { HappinessFeedbackView, HappinessListView, HappinessNoticeList, HappinessQuestionBody, HappinessQuestionView, HappinessYears } from '@dajiuzhu/shared';
import { request } from './request';
import { getTokens } from './tokens';

/** The 幸福清单 of the signed-in person (GET /api/v1/happiness-lists/…). */
export const getYears = () => request<HappinessYears>({ path: '/api/v1/happiness-lists' });
export const getHappinessList = (year: number) => request<HappinessListView>({ path: `/api/v1/happiness-lists/${year}` });
export const getNotices = () => request<HappinessNoticeList>({ path: '/api/v1/happiness-lists/notices' });
export const getFeedback = (year: number) => request<HappinessFeedbackView>({ path: `/api/v1/happiness-lists/${year}/feedback` });
export const confirmReceipt = (year: number, version: number) => request<HappinessFeedbackView>({ method: 'POST', path: `/api/v1/happiness-lists/${year}/confirm`, body: { version } });
export const rate = (year: number, score: number) => request<HappinessFeedbackView>({ method: 'PUT', path: `/api/v1/happiness-lists/${year}/rating`, body: { score } });
export const askQuestion = (year: number, body: HappinessQuestionBody) => request<HappinessQuestionView>({ method: 'POST', path: `/api/v1/happiness-lists/${year}/questions`, body });

export function apiUrl(path: string): string {
  return (typeof API_BASE_URL === 'string' ? API_BASE_URL : '') + path;
}

/**
 * The printable PDF. weapp: downloadFile with the token, then openDocument (print / forward from
 * WeChat's viewer). H5: fetch as a blob and save it with the browser.
 */
export async function downloadPdf(year: number): Promise<void> {
  const token = getTokens()?.accessToken ?? '';
  const url = apiUrl(`/api/v1/happiness-lists/${year}/pdf`);
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error('下载失败，请稍后再试');
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = `${year}年幸福清单.pdf`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return;
  }
  const res = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${token}` } });
  if (res.statusCode !== 200) throw new Error('下载失败，请稍后再试');
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true });
}
