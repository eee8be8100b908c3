/** 电子监察 (docs/supervision.md) API calls: the desk's counts and drill-down, the flags, resolving one, a scan now. */
import type { FlagKind, FlagList, FlagStatus, FlagView, RelativeBody, RelativeView, ScanResult, SupervisionSummary } from '@dajiuzhu/shared';
import { apiPath, request } from './request';

export const supervisionApi = {
  summary: (regionCode?: string) => request<SupervisionSummary>({ path: '/api/v1/staff/supervision/summary', query: { regionCode } }),
  flags: (q: { regionCode?: string; kind?: FlagKind; status?: FlagStatus } = {}) => request<FlagList>({ path: '/api/v1/staff/supervision/flags', query: q }),
  resolve: (id: string, action: 'resolve' | 'dismiss', note: string) => request<FlagView>({ method: 'POST', path: apiPath`/api/v1/staff/supervision/flags/${id}/resolve`, body: { action, note } }),
  relatives: (regionCode?: string) => request<{ relatives: RelativeView[] }>({ path: '/api/v1/staff/supervision/relatives', query: { regionCode } }),
  registerRelative: (body: RelativeBody) => request<RelativeView>({ method: 'POST', path: '/api/v1/staff/supervision/relatives', body }),
  scan: (regionCode?: string) => request<ScanResult>({ method: 'POST', path: '/api/v1/staff/supervision/scan', body: regionCode ? { regionCode } : {} }),
};
