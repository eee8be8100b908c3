import type {
  HappinessStats, ImportReport, ImportSourceList, ImportView, LedgerJobView, StaffHappinessQuestionList, StaffHappinessQuestionView,
} from '@dajiuzhu/shared';
import { apiPath, download, request, upload, type UploadSource } from './request';
import { saveOrOpen } from './files';

/** Staff: imports, payment runs, publishing, questions (all under /api/v1/staff/…). */
export const getSources = () => request<ImportSourceList>({ path: '/api/v1/staff/ledger/sources' });
export const getImport = (id: string) => request<ImportView>({ path: apiPath`/api/v1/staff/ledger/imports/${id}` });
export const getImportReport = (id: string) => request<ImportReport>({ path: apiPath`/api/v1/staff/ledger/imports/${id}/report`, query: { limit: 200 } });
export const startPaymentRun = (period: string) => request<LedgerJobView>({ method: 'POST', path: '/api/v1/staff/payment-runs', body: { period } });
export const publishYear = (year: number) => request<LedgerJobView>({ method: 'POST', path: '/api/v1/staff/happiness-lists/publish', body: { year } });
export const getJob = (id: string) => request<LedgerJobView>({ path: apiPath`/api/v1/staff/ledger-jobs/${id}` });
export const getQuestions = (status: 'open' | 'answered' | 'closed') => request<StaffHappinessQuestionList>({ path: '/api/v1/staff/happiness-questions', query: { status } });
export const answerQuestion = (id: string, text: string, close = false) =>
  request<StaffHappinessQuestionView>({ method: 'POST', path: apiPath`/api/v1/staff/happiness-questions/${id}/answer`, body: { text, close } });
export const getStats = (year: number) => request<HappinessStats>({ path: '/api/v1/staff/happiness-lists/stats', query: { year } });

/** Uploads a department's file (CSV/XLSX) for import: H5 a File from an <input type="file">; weapp a path from chooseMessageFile. */
export const uploadImport = (source: string, file: UploadSource) =>
  upload<ImportView>({ path: '/api/v1/staff/ledger/imports', query: { source }, file });

/** The full import report as CSV: H5 saves it; weapp opens it. */
export async function downloadImportReport(imp: Pick<ImportView, 'id' | 'fileName'>): Promise<void> {
  const file = await download({ path: apiPath`/api/v1/staff/ledger/imports/${imp.id}/report.csv` });
  await saveOrOpen(file, `导入报告-${imp.fileName}.csv`);
}

/** Polls until a job is no longer queued or running. */
export async function follow<T extends { status: string }>(load: () => Promise<T>, onUpdate: (v: T) => void): Promise<T> {
  for (;;) {
    const v = await load();
    onUpdate(v);
    if (v.status !== 'queued' && v.status !== 'running') return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}
