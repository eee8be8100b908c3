import type { EstimateRequest, EstimateResponse, StandardsInEffect } from '@dajiuzhu/shared';
import { request } from '../../../../services/request';

/** 政策测算 calls: public (no sign-in), through the one request layer. */
export const fetchStandards = (regionCode: string) =>
  request<StandardsInEffect>({ path: `/api/v1/policy/standards/${encodeURIComponent(regionCode)}`, auth: false });
export const officialEstimate = (body: EstimateRequest) =>
  request<EstimateResponse>({ method: 'POST', path: '/api/v1/policy/estimate', body, auth: false });
