import Taro from '@tarojs/taro';
import type {
  HappinessStats, ImportReport, ImportSourceList, ImportView, LedgerJobView, StaffHappinessQuestionList, StaffHappinessQuestionView,
} from '@dajiuzhu/shared';
import { ApiError, request } from './request';
import { getTokens } from './tokens';
import { apiUrl } from './happiness';

/** Staff: imports, payment runs, publishing, questions (all under /api/v1/staff/…). */
export const getSources = () => request<ImportSourceList>({ path: '/api/v1/staff/ledger/sources' });
export const getImport = (id: string) => request<ImportView>({ path: `/api/v1/staff/ledger/imports/${id}` });
export const getImportReport = (id: string) => request<ImportReport>({ path: `/api/v1/staff/ledger/imports/${id}/report?limit=200` });
export const startPaymentRun = (period: string) => request<LedgerJobView>({ method: 'POST', path: '/api/v1/staff/payment-runs', body: { period } });
export const publishYear = (year: number) => request<LedgerJobView>({ method: 'POST', path: '/api/v1/staff/happiness-lists/publish', body: { year } });
export const getJob = (id: string) => request<LedgerJobView>({ path: `/api/v1/staff/ledger-jobs/${id}` });
export const getQuestions = (status: 'open' | 'answered' | 'closed') => request<StaffHappinessQuestionList>({ path: `/api/v1/staff/happiness-questions?status=${status}` });
export const answerQuestion = (id: string, text: string, close = false) =>
  request<StaffHappinessQuestionView>({ method: 'POST', path: `/api/v1/staff/happiness-questions/${id}/answer`, body: { text, close } });
export const getStats = (year: number) => request<HappinessStats>({ path: `/api/v1/staff/happiness-lists/stats?year=${year}` });

function errorFrom(status: number, data: unknown): ApiError {
  const err = (data as { error?: { code: string; message: string; requestId?: string; details?: unknown } } | null)?.error;
  return new ApiError({ status, code: err?.code ?? 'INTERNAL', message: err?.message ?? '上传失败，请稍后再试', requestId: err?.requestId, details: err?.details });
}

/** H5: a File from an <input type="file">; weapp: a path from chooseMessageFile. */
export async function uploadImport(source: string, file: File | { path: string; name: string }): Promise<ImportView> {
  const token = getTokens()?.accessToken ?? '';
  const url = apiUrl(`/api/v1/staff/ledger/imports?source=${encodeURIComponent(source)}`);
  if (typeof File !== 'undefined' && file instanceof File) {
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const data = await res.json().catch(() => null);
    if (res.status !== 202) throw errorFrom(res.status, data);
    return data as ImportView;
  }
  const f = file as { path: string; name: string };
  const res = await Taro.uploadFile({ url, filePath: f.path, name: 'file', header: { Authorization: `Bearer ${token}` } });
  const data = (() => { try { return JSON.parse(res.data); } catch { return null; } })();
  if (res.statusCode !== 202) throw errorFrom(res.statusCode, data);
  return data as ImportView;
}

export const reportCsvUrl = (id: string) => apiUrl(`/api/v1/staff/ledger/imports/${id}/report.csv`);

/** Polls until a job is no longer queued or running. */
export async function follow<T extends { status: string }>(load: () => Promise<T>, onUpdate: (v: T) => void): Promise<T> {
  for (;;) {
    const v = await load();
    onUpdate(v);
    if (v.status !== 'queued' && v.status !== 'running') return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}
