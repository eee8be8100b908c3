/**
 * 动态管理 (docs/recheck.md) API calls: the household's side (its entitlements, 家庭变化申报, 年度确认,
 * 告知书) and the staff recheck desk. Typed by the shared schemas the server validates with.
 */
import type {
  ChangeReportBody, ChangeReportView, ConfirmationView, DataCheckBody, ExitLetterView, HouseholdList, RecheckDecisionBody, RecheckList, RecheckView, RecheckVisitBody,
} from '@dajiuzhu/shared';
import { apiPath, download, request } from './request';
import { saveOrOpen } from './files';

const recheckPath = (id: string, action: string) => apiPath`/api/v1/staff/rechecks/${id}/${action}`;

export const recheckApi = {
  households: () => request<HouseholdList>({ path: '/api/v1/recheck/households' }),
  reportChange: (body: ChangeReportBody) => request<ChangeReportView>({ method: 'POST', path: '/api/v1/recheck/change-reports', body }),
  myReports: () => request<{ reports: ChangeReportView[] }>({ path: '/api/v1/recheck/change-reports' }),
  confirm: (entitlementId: string) => request<ConfirmationView>({ method: 'POST', path: '/api/v1/recheck/confirmations', body: { entitlementId, unchanged: true } }),
  letters: () => request<{ letters: ExitLetterView[] }>({ path: '/api/v1/recheck/letters' }),
  async downloadLetter(letter: ExitLetterView): Promise<void> {
    const file = await download({ path: apiPath`/api/v1/recheck/letters/${letter.id}/pdf` });
    await saveOrOpen(file, `${letter.title}.pdf`, 'pdf');
  },

  // ---- staff
  queue: (q: { status?: RecheckView['status']; overdue?: boolean } = {}) => request<RecheckList>({ path: '/api/v1/staff/rechecks', query: q }),
  get: (id: string) => request<RecheckView>({ path: apiPath`/api/v1/staff/rechecks/${id}` }),
  dataCheck: (id: string, body: DataCheckBody) => request<RecheckView>({ method: 'POST', path: recheckPath(id, 'data-check'), body }),
  visit: (id: string, body: RecheckVisitBody) => request<RecheckView>({ method: 'POST', path: recheckPath(id, 'visits'), body }),
  decide: (id: string, body: RecheckDecisionBody) => request<RecheckView>({ method: 'POST', path: recheckPath(id, 'decision'), body }),
};
