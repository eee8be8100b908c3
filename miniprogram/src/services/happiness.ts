import type { HappinessFeedbackView, HappinessListView, HappinessNoticeList, HappinessQuestionBody, HappinessQuestionView, HappinessYears } from '@dajiuzhu/shared';
import { apiPath, download, request } from './request';
import { saveOrOpen } from './files';

/** The 幸福清单 (happinessList) of the signed-in person (GET /api/v1/happiness-lists/…). */
export const getYears = () => request<HappinessYears>({ path: '/api/v1/happiness-lists' });
export const getHappinessList = (year: number) => request<HappinessListView>({ path: apiPath`/api/v1/happiness-lists/${year}` });
export const getNotices = () => request<HappinessNoticeList>({ path: '/api/v1/happiness-lists/notices' });
export const getFeedback = (year: number) => request<HappinessFeedbackView>({ path: apiPath`/api/v1/happiness-lists/${year}/feedback` });
export const confirmReceipt = (year: number, version: number) => request<HappinessFeedbackView>({ method: 'POST', path: apiPath`/api/v1/happiness-lists/${year}/confirm`, body: { version } });
export const rate = (year: number, score: number) => request<HappinessFeedbackView>({ method: 'PUT', path: apiPath`/api/v1/happiness-lists/${year}/rating`, body: { score } });
export const askQuestion = (year: number, body: HappinessQuestionBody) => request<HappinessQuestionView>({ method: 'POST', path: apiPath`/api/v1/happiness-lists/${year}/questions`, body });

/** The printable PDF: H5 saves it; weapp opens it in WeChat's viewer (print / forward from there). */
export async function downloadPdf(year: number): Promise<void> {
  const file = await download({ path: apiPath`/api/v1/happiness-lists/${year}/pdf` });
  await saveOrOpen(file, `${year}年幸福清单.pdf`, 'pdf');
}
