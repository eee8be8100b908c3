import Taro from '@tarojs/taro';
import type {
  ApplicationList,
  ApplicationView,
  ConfirmApplicantBody,
  ConsentBody,
  CreateDraftBody,
  DraftView,
  EntitlementList,
  MessageList,
  ProgrammeList,
  PublicNoticeList,
  SaveDraftBody,
} from '@dajiuzhu/shared';
import { apiPath, ApiError, request, upload } from './request';
import { pickFile } from './files';

/** The resident side of applications: typed by the same schemas the API validates with. */
export const listProgrammes = () => request<ProgrammeList>({ path: '/api/v1/applications/programmes', auth: false });
export const createDraft = (body: CreateDraftBody) => request<DraftView>({ method: 'POST', path: '/api/v1/applications/drafts', body });
export const listDrafts = () => request<{ drafts: DraftView[] }>({ path: '/api/v1/applications/drafts' });
export const getDraft = (id: string) => request<DraftView>({ path: apiPath`/api/v1/applications/drafts/${id}` });
export const saveDraft = (id: string, body: SaveDraftBody) => request<DraftView>({ method: 'PUT', path: apiPath`/api/v1/applications/drafts/${id}`, body });
/** The person ticked the 家庭经济状况核对授权书 (checkAuthorization) under the text shown: the only request that records consent. */
export const signCheckAuthorization = (id: string, body: ConsentBody) => request<DraftView>({ method: 'POST', path: apiPath`/api/v1/applications/drafts/${id}/consent`, body });
/** The person unticked it: consent withdrawn, no submit until ticked again. */
export const withdrawCheckAuthorization = (id: string) => request<DraftView>({ method: 'DELETE', path: apiPath`/api/v1/applications/drafts/${id}/consent` });
export const deleteDraft = (id: string) => request<null>({ method: 'DELETE', path: apiPath`/api/v1/applications/drafts/${id}` });
export const submitApplication = (draftId: string, idempotencyKey: string) => request<ApplicationView>({ method: 'POST', path: '/api/v1/applications', body: { draftId, idempotencyKey } });
export const listMyApplications = () => request<ApplicationList>({ path: '/api/v1/applications' });
export const getApplication = (id: string) => request<ApplicationView>({ path: apiPath`/api/v1/applications/${id}` });
export const withdrawApplication = (id: string, expectedSequence: number, note?: string) => request<ApplicationView>({ method: 'POST', path: apiPath`/api/v1/applications/${id}/withdraw`, body: { expectedSequence, ...(note ? { note } : {}) } });
export const supplementApplication = (id: string, expectedSequence: number, documents: { item: string; fileId: string }[]) =>
  request<ApplicationView>({ method: 'POST', path: apiPath`/api/v1/applications/${id}/supplement`, body: { expectedSequence, documents } });
/** The person concerned confirms a filing made in their name (帮办代办), with their own tick of the authorization. */
export const confirmApplication = (id: string, body: ConfirmApplicantBody) => request<ApplicationView>({ method: 'POST', path: apiPath`/api/v1/applications/${id}/confirm`, body });
export const myEntitlements = () => request<EntitlementList>({ path: '/api/v1/entitlements' });
export const myMessages = () => request<MessageList>({ path: '/api/v1/messages' });
export const markMessageRead = (id: string) => request<null>({ method: 'POST', path: apiPath`/api/v1/messages/${id}/read`, body: {} });
export const publicNotices = (regionCode?: string) => request<PublicNoticeList>({ path: '/api/v1/public-notices', query: { regionCode }, auth: false });

export interface MyFile { id: string; name: string; contentType: string; size: number; createdAt: string }
export const myDocuments = () => request<{ files: MyFile[] }>({ path: '/api/v1/files', query: { purpose: 'document' } });

/** Picks a photo or PDF and uploads it as a document; the server sniffs the type from the content. Null when cancelled. */
export async function pickAndUpload(): Promise<MyFile | null> {
  const file = await pickFile({ accept: 'image/jpeg,image/png,image/webp,application/pdf', extensions: ['jpg', 'jpeg', 'png', 'webp', 'pdf'] });
  if (!file) return null;
  return upload<MyFile>({ path: '/api/v1/files', query: { purpose: 'document' }, file });
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
