import Taro from '@tarojs/taro';
import type {
  ApplicationList,
  ApplicationView,
  ConsentBody,
  CreateDraftBody,
  DraftView,
  EntitlementList,
  MessageList,
  ProgrammeList,
  PublicNoticeList,
  SaveDraftBody,
} from '@dajiuzhu/shared';
import { ApiError, parseErrorResponse, request } from './request';
import { getTokens } from './tokens';

/** The resident side of applications: typed by the same schemas the API validates with. */
export const listProgrammes = () => request<ProgrammeList>({ path: '/api/v1/applications/programmes', auth: false });
export const createDraft = (body: CreateDraftBody) => request<DraftView>({ method: 'POST', path: '/api/v1/applications/drafts', body });
export const listDrafts = () => request<{ drafts: DraftView[] }>({ path: '/api/v1/applications/drafts' });
export const getDraft = (id: string) => request<DraftView>({ path: `/api/v1/applications/drafts/${id}` });
export const saveDraft = (id: string, body: SaveDraftBody) => request<DraftView>({ method: 'PUT', path: `/api/v1/applications/drafts/${id}`, body });
export const giveConsent = (id: string, body: ConsentBody) => request<DraftView>({ method: 'POST', path: `/api/v1/applications/drafts/${id}/consent`, body });
export const deleteDraft = (id: string) => request<null>({ method: 'DELETE', path: `/api/v1/applications/drafts/${id}` });
export const submitApplication = (draftId: string, idempotencyKey: string) => request<ApplicationView>({ method: 'POST', path: '/api/v1/applications', body: { draftId, idempotencyKey } });
export const listMyApplications = () => request<ApplicationList>({ path: '/api/v1/applications' });
export const getApplication = (id: string) => request<ApplicationView>({ path: `/api/v1/applications/${id}` });
export const withdrawApplication = (id: string, expectedSequence: number, note?: string) => request<ApplicationView>({ method: 'POST', path: `/api/v1/applications/${id}/withdraw`, body: { expectedSequence, ...(note ? { note } : {}) } });
export const supplementApplication = (id: string, expectedSequence: number, documents: { item: string; fileId: string }[]) =>
  request<ApplicationView>({ method: 'POST', path: `/api/v1/applications/${id}/supplement`, body: { expectedSequence, documents } });
export const myEntitlements = () => request<EntitlementList>({ path: '/api/v1/entitlements' });
export const myMessages = () => request<MessageList>({ path: '/api/v1/messages' });
export const markMessageRead = (id: string) => request<null>({ method: 'POST', path: `/api/v1/messages/${id}/read`, body: {} });
export const publicNotices = (regionCode?: string) => request<PublicNoticeList>({ path: `/api/v1/public-notices${regionCode ? `?regionCode=${regionCode}` : ''}`, auth: false });

export interface MyFile { id: string; name: string; contentType: string; size: number; createdAt: string }
export const myDocuments = () => request<{ files: MyFile[] }>({ path: '/api/v1/files?purpose=document' });

/** Picks a photo or PDF and uploads it as a document; the server sniffs the type from the content. */
export async function pickAndUpload(): Promise<MyFile | null> {
  await myDocuments(); // refreshes the access token when needed
  const token = getTokens()?.accessToken ?? '';
  const base = typeof API_BASE_URL === 'string' ? API_BASE_URL : '';
  const url = `${base}/api/v1/files?purpose=document`;
  let status: number;
  let data: unknown;
  if (process.env.TARO_ENV === 'weapp') {
    let filePath: string;
    let name = '材料';
    try {
      const r = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['jpg', 'jpeg', 'png', 'webp', 'pdf'] });
      filePath = r.tempFiles[0].path;
      name = r.tempFiles[0].name;
    } catch {
      return null; // cancelled
    }
    const res = await Taro.uploadFile({ url, filePath, name: 'file', header: { Authorization: `Bearer ${token}` }, formData: { name } });
    status = res.statusCode;
    data = res.data;
    try { data = typeof res.data === 'string' ? JSON.parse(res.data) : res.data; } catch { /* not JSON */ }
  } else {
    // H5: a file input (photos and PDF), sent as multipart with fetch.
    const file = await new Promise<File | null>((resolve) => {
      const el = document.createElement('input');
      el.type = 'file';
      el.accept = 'image/jpeg,image/png,image/webp,application/pdf';
      el.style.display = 'none';
      el.onchange = () => { resolve(el.files?.[0] ?? null); el.remove(); };
      document.body.appendChild(el);
      el.click();
    });
    if (!file) return null;
    const body = new FormData();
    body.append('file', file, file.name);
    const res = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body });
    status = res.status;
    data = await res.json().catch(() => null);
  }
  if (status !== 201) throw parseErrorResponse({ statusCode: status, data });
  return data as MyFile;
}

/** One idempotency key per draft, kept on the phone so a retried submit (even after a restart) is the same submit. */
export function submitKeyFor(draftId: string): string {
  const storageKey = `dajiuzhu.submitKey.${draftId}`;
  const existing = Taro.getStorageSync(storageKey) as string | undefined;
  if (existing) return existing;
  const key = `${draftId.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  Taro.setStorageSync(storageKey, key);
  return key;
}

export { ApiError };

/** "1365.5" → 136550; null when not a valid amount. Money stays integer fen. */
export function yuanToFen(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
