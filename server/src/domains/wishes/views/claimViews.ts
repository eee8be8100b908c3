import { districtNameOf, communityNameOf, shanghaiDate, type LapsingClaims, type WishCertificate, type WishClaim } from '@dajiuzhu/shared';
import type { WishClaimDoc, WishDoc } from '../models/wish';
import { deliveryPhotosOf, toPublicWish } from './wishViews';

/** A donor's claim with the public form of its wish; the thanks only once the wish came true. */
export function toWishClaim(c: WishClaimDoc, w: WishDoc): WishClaim {
  return {
    id: c._id,
    wishId: c.wishId,
    status: c.status,
    donorName: c.donorName,
    anonymous: c.anonymous ?? false,
    wish: toPublicWish(w),
    // The donor's own photos, as long as staff have not taken one off the wish.
    deliveryPhotoFileIds: (c.deliverPhotoFileIds ?? []).filter((f) => deliveryPhotosOf(w).includes(f)),
    claimedAt: c.claimedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    deliveredAt: c.deliveredAt ? c.deliveredAt.toISOString() : null,
    deliverNote: c.deliverNote,
    endedAt: c.endedAt ? c.endedAt.toISOString() : null,
    thanks: c.status === 'fulfilled' ? w.thanks : null,
    certificateNo: c.certificateNo,
  };
}

/** 爱心证书: nothing of the person but the public title (names are masked there) and the district. */
export function toWishCertificate(c: WishClaimDoc & { certificateNo: string }, w: WishDoc & { fulfilledAt: Date }): WishCertificate {
  return {
    certificateNo: c.certificateNo,
    donorName: c.donorName,
    donorKind: c.donorKind,
    wishTitle: toPublicWish(w).title,
    category: w.category,
    budgetFen: w.budgetFen,
    district: districtNameOf(w.regionCode),
    fulfilledAt: w.fulfilledAt.toISOString(),
    fulfilledDate: shanghaiDate(w.fulfilledAt),
    thanks: w.thanks,
  };
}

/** One row of the staff's lapsing list (the contact is read, and audited, by the caller). */
export function toLapsingClaim(c: WishClaimDoc, w: WishDoc, donorContact: string | null): LapsingClaims['claims'][number] {
  return {
    id: c._id, wishId: c.wishId, wishTitle: w.title, community: communityNameOf(w.regionCode), donorName: c.donorName,
    donorContact, claimedAt: c.claimedAt.toISOString(), dueAt: c.dueAt.toISOString(),
  };
}
