/**
 * 电子救助卡 and 免审秒办 (docs/supervision.md) API calls: the person's card with its short-lived QR
 * token, a staff member's scan, the grants made without an application and declining one.
 */
import type { AssistanceCardView, AutoGrantList, AutoGrantView, CardVerifyResult } from '@dajiuzhu/shared';
import { apiPath, request } from './request';

export const cardApi = {
  card: () => request<AssistanceCardView>({ path: '/api/v1/me/assistance-card' }),
  verify: (token: string) => request<CardVerifyResult>({ method: 'POST', path: '/api/v1/staff/assistance-card/verify', body: { token } }),
  myGrants: () => request<AutoGrantList>({ path: '/api/v1/me/auto-grants' }),
  decline: (id: string, note?: string) => request<AutoGrantView>({ method: 'POST', path: apiPath`/api/v1/me/auto-grants/${id}/decline`, body: note ? { note } : {} }),
  staffGrants: (regionCode?: string) => request<AutoGrantList>({ path: '/api/v1/staff/auto-grants', query: { regionCode } }),
};
