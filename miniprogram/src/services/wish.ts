/** 微心愿 API calls, typed by the shared schemas (the same ones the server validates with). */
import type {
  ClaimWishBody, CreateWishBody, DeliverBody, EditWishBody, LapsingClaims, MyWish, MyWishList, PublicWish, PublicWishList, StaffWishList, StaffWishSummary, StaffWishNumbers,
  WishCertificate, WishClaim, WishClaimList, WishListQuery, WishNumbers, WishRules,
} from '@dajiuzhu/shared';
import { apiPath, apiUrl, request, type QueryParams } from './request';

export const wishApi = {
  square: (q: WishListQuery) => request<PublicWishList>({ path: '/api/v1/wishes', query: q as QueryParams, auth: false }),
  detail: (id: string) => request<PublicWish>({ path: apiPath`/api/v1/wishes/${id}`, auth: false }),
  rules: (regionCode?: string) => request<WishRules>({ path: '/api/v1/wish-rules', query: { regionCode }, auth: false }),
  numbers: (regionCode: string) => request<WishNumbers>({ path: '/api/v1/wish-numbers', query: { regionCode }, auth: false }),
  photoUrl: (wishId: string, fileId: string) => apiUrl(apiPath`/api/v1/wishes/${wishId}/photos/${fileId}`),
  /** The same photo's path, for a download with the session (before it is public). */
  photoPath: (wishId: string, fileId: string) => apiPath`/api/v1/wishes/${wishId}/photos/${fileId}`,

  post: (body: CreateWishBody) => request<MyWish>({ method: 'POST', path: '/api/v1/wishes', body }),
  mine: () => request<MyWishList>({ path: '/api/v1/me/wishes' }),
  confirm: (id: string) => request<MyWish>({ method: 'POST', path: apiPath`/api/v1/wishes/${id}/confirm`, body: {} }),
  thank: (id: string, message: string) => request<MyWish>({ method: 'POST', path: apiPath`/api/v1/wishes/${id}/thanks`, body: { message } }),

  claim: (id: string, body: ClaimWishBody = {}) => request<WishClaim>({ method: 'POST', path: apiPath`/api/v1/wishes/${id}/claim`, body }),
  myClaims: () => request<WishClaimList>({ path: '/api/v1/me/wish-claims' }),
  release: (claimId: string) => request<WishClaim>({ method: 'POST', path: apiPath`/api/v1/wish-claims/${claimId}/release`, body: {} }),
  deliver: (claimId: string, body: DeliverBody) => request<WishClaim>({ method: 'POST', path: apiPath`/api/v1/wish-claims/${claimId}/deliver`, body }),
  certificate: (claimId: string) => request<WishCertificate>({ path: apiPath`/api/v1/wish-claims/${claimId}/certificate` }),

  staffList: (status = 'pendingReview') => request<StaffWishList>({ path: '/api/v1/staff/wishes', query: { status } }),
  approve: (id: string, note?: string) => request<StaffWishSummary>({ method: 'POST', path: apiPath`/api/v1/staff/wishes/${id}/approve`, body: note ? { note } : {} }),
  edit: (id: string, body: EditWishBody) => request<StaffWishSummary>({ method: 'POST', path: apiPath`/api/v1/staff/wishes/${id}/edit`, body }),
  removePhoto: (id: string, fileId: string, reason: string) =>
    request<StaffWishSummary>({ method: 'POST', path: apiPath`/api/v1/staff/wishes/${id}/photos/${fileId}/remove`, body: { reason } }),
  reject: (id: string, reason: string) => request<StaffWishSummary>({ method: 'POST', path: apiPath`/api/v1/staff/wishes/${id}/reject`, body: { reason } }),
  lapsing: (withinHours = 48) => request<LapsingClaims>({ path: '/api/v1/staff/wish-claims/lapsing', query: { withinHours } }),
  staffNumbers: () => request<StaffWishNumbers>({ path: '/api/v1/staff/wish-numbers' }),
};
