/** 复查/异议 (docs/supervision.md) API calls: a decision's reasons, asking for a review, the office's queue and answer. */
import type { DecisionReasonsView, ReviewAnswerBody, ReviewCounts, ReviewList, ReviewRequestBody, ReviewStatus, ReviewSubjectKind, ReviewView } from '@dajiuzhu/shared';
import { apiPath, request } from './request';

export const reviewsApi = {
  decision: (kind: ReviewSubjectKind, id: string) => request<DecisionReasonsView>({ path: apiPath`/api/v1/me/decisions/${kind}/${id}` }),
  request: (body: ReviewRequestBody) => request<ReviewView>({ method: 'POST', path: '/api/v1/me/reviews', body }),
  mine: () => request<ReviewList>({ path: '/api/v1/me/reviews' }),
  queue: (q: { status?: ReviewStatus; regionCode?: string } = {}) => request<ReviewList>({ path: '/api/v1/staff/reviews', query: q }),
  answer: (id: string, body: ReviewAnswerBody) => request<ReviewView>({ method: 'POST', path: apiPath`/api/v1/staff/reviews/${id}/answer`, body }),
  counts: (regionCode?: string) => request<ReviewCounts>({ path: '/api/v1/staff/reviews/counts', query: { regionCode } }),
};
