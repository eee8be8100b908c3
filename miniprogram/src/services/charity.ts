/** 慈善筹 API calls (projects, the organisation's desk, staff review), typed by the shared schemas the server validates with. */
import type {
  CharityNoticeList, CharityOrganizationView, CharityProjectList, CharityProjectView, CharityReportView, CreateProjectBody, ProjectBody,
  ProjectSquare, ProjectSquareQuery, PublicProject, ReportBody, SpendingBody, SpendingList, SpendingView, StaffProjectQuery,
} from '@dajiuzhu/shared';
import { apiPath, request, type QueryParams } from './request';

const org = '/api/v1/charity/organization';

export const charityApi = {
  // Public: no sign-in.
  square: (q: ProjectSquareQuery) => request<ProjectSquare>({ path: '/api/v1/charity/projects', query: q as QueryParams, auth: false }),
  project: (id: string) => request<PublicProject>({ path: apiPath`/api/v1/charity/projects/${id}`, auth: false }),

  // The donor's notices: reports filed by projects they gave to.
  notices: () => request<CharityNoticeList>({ path: '/api/v1/me/charity-notices' }),

  // The charity organisation (role charity).
  organization: () => request<CharityOrganizationView>({ path: org }),
  myProjects: () => request<CharityProjectList>({ path: `${org}/projects` }),
  myProject: (id: string) => request<CharityProjectView>({ path: apiPath`/api/v1/charity/organization/projects/${id}` }),
  create: (body: CreateProjectBody) => request<CharityProjectView>({ method: 'POST', path: `${org}/projects`, body }),
  edit: (id: string, body: ProjectBody) => request<CharityProjectView>({ method: 'PUT', path: apiPath`/api/v1/charity/organization/projects/${id}`, body }),
  submit: (id: string) => request<CharityProjectView>({ method: 'POST', path: apiPath`/api/v1/charity/organization/projects/${id}/submit`, body: {} }),
  close: (id: string, reason: string) => request<CharityProjectView>({ method: 'POST', path: apiPath`/api/v1/charity/organization/projects/${id}/close`, body: { reason } }),
  cancel: (id: string, reason: string) => request<CharityProjectView>({ method: 'POST', path: apiPath`/api/v1/charity/organization/projects/${id}/cancel`, body: { reason } }),
  spending: (id: string) => request<SpendingList>({ path: apiPath`/api/v1/charity/organization/projects/${id}/spending` }),
  recordSpending: (id: string, body: SpendingBody) => request<SpendingView>({ method: 'POST', path: apiPath`/api/v1/charity/organization/projects/${id}/spending`, body }),
  fileReport: (id: string, body: ReportBody) => request<CharityReportView>({ method: 'POST', path: apiPath`/api/v1/charity/organization/projects/${id}/reports`, body }),

  // Staff of the project's region.
  staffList: (q: StaffProjectQuery = {}) => request<CharityProjectList>({ path: '/api/v1/staff/charity/projects', query: q as QueryParams }),
  staffProject: (id: string) => request<CharityProjectView>({ path: apiPath`/api/v1/staff/charity/projects/${id}` }),
  approve: (id: string, note?: string) => request<CharityProjectView>({ method: 'POST', path: apiPath`/api/v1/staff/charity/projects/${id}/approve`, body: note ? { note } : {} }),
  returnProject: (id: string, reason: string) => request<CharityProjectView>({ method: 'POST', path: apiPath`/api/v1/staff/charity/projects/${id}/return`, body: { reason } }),
  /** Staff stop a published project (donations refunded). */
  stop: (id: string, reason: string) => request<CharityProjectView>({ method: 'POST', path: apiPath`/api/v1/staff/charity/projects/${id}/cancel`, body: { reason } }),
};

/**
 * A key made once per submission (create a draft, a spending line, a report, a donation): a retried
 * request carries the same key and the server answers the same record instead of a second one.
 */
export function newRequestKey(): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}
