import type { ApplicationList, ApplicationView, StaffApplicationView, SupervisionView } from '@dajiuzhu/shared';
import { request } from './request';

/** The staff chain: queue, case, and one call per step (each carries the sequence the screen showed). */
export interface QueueFilter { status?: string; programme?: string; regionCode?: string; overdue?: boolean }

export function staffQueue(f: QueueFilter) {
  const q = Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
  return request<ApplicationList>({ path: `/api/v1/staff/applications${q ? `?${q}` : ''}` });
}
export const staffSupervision = () => request<SupervisionView>({ path: '/api/v1/staff/supervision' });
export const staffCase = (id: string) => request<StaffApplicationView>({ path: `/api/v1/staff/applications/${id}` });

export type StaffStep = 'accept' | 'request-supplement' | 'home-visit' | 'review' | 'public-notice' | 'objection' | 'approve' | 'reject' | 'grant-first' | 'extend';
export const staffAct = (id: string, step: StaffStep, body: Record<string, unknown>) => request<ApplicationView>({ method: 'POST', path: `/api/v1/staff/applications/${id}/${step}`, body });
