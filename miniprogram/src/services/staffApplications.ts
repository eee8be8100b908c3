import type { ApplicationView, IdentityConflictList, StaffApplicationList, StaffApplicationView, SupervisionView } from '@dajiuzhu/shared';
import { apiPath, download, request, type DownloadedFile } from './request';

/** The staff chain: queue, one application, and one call per step (each carries the sequence the screen showed). */
export interface QueueFilter { status?: string; programme?: string; regionCode?: string; overdue?: boolean }

export const listStaffApplications = (f: QueueFilter) => request<StaffApplicationList>({ path: '/api/v1/staff/applications', query: { ...f } });
export const staffSupervision = () => request<SupervisionView>({ path: '/api/v1/staff/supervision' });
export const getStaffApplication = (id: string) => request<StaffApplicationView>({ path: apiPath`/api/v1/staff/applications/${id}` });

export type StaffStep = 'accept' | 'request-supplement' | 'home-visit' | 'review' | 'public-notice' | 'objection' | 'approve' | 'reject' | 'grant-first' | 'extend';
export const takeStaffStep = (id: string, step: StaffStep, body: Record<string, unknown>) => request<ApplicationView>({ method: 'POST', path: apiPath`/api/v1/staff/applications/${id}/${step}`, body });

/** A document of the application (photo or PDF), read with the staff member's session (audited by the server). */
export const downloadApplicationFile = (fileId: string): Promise<DownloadedFile> => download({ path: apiPath`/api/v1/files/${fileId}` });

/** Second accounts that proved an ID number another account had already verified: refused, for staff to sort out in person. */
export const staffIdentityConflicts = (limit = 20) => request<IdentityConflictList>({ path: '/api/v1/staff/identity-conflicts', query: { limit } });
