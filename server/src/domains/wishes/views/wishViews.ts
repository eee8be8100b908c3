import {
  ageBand,
  ageOn,
  allowedWishActions,
  communityNameOf,
  deliveryEvidenceShown,
  maskName,
  publicWishView,
  shanghaiDate,
  type MyWish,
  type PublicWish,
  type RemovedPhoto,
  type StaffWish,
  type StaffWishSummary,
  type WishEventView,
  type WishFacts,
  type WishViewer,
} from '@dajiuzhu/shared';
import type { RemovedPhotoDoc, WishClaimDoc, WishDoc, WishEventDoc } from '../models/wish';

/** Documents written before these fields existed read as empty. */
export const deliveryPhotosOf = (w: WishDoc): string[] => w.deliveryPhotoFileIds ?? [];
const removedPhotosOf = (w: WishDoc): RemovedPhoto[] =>
  (w.removedPhotos ?? []).map((r: RemovedPhotoDoc) => ({ kind: r.kind, reason: r.reason, at: new Date(r.at).toISOString() }));

/** What the shared state machine (shared/src/wishes/machine.ts) reads of a wish. */
export function factsOf(w: WishDoc): WishFacts {
  return { status: w.status, regionCode: w.regionCode, beneficiaryId: w.beneficiaryId, claimDonorId: w.activeClaimId ? w.claimDonorId : null, thanked: w.thanks !== null };
}

/** The public form: the shared masking rule, with ages as of today in Shanghai. */
export function toPublicWish(w: WishDoc): PublicWish {
  return publicWishView({ ...w, id: w._id, publishedAt: w.publishedAt ?? w.createdAt }, shanghaiDate());
}

/** The person's own view of their wish, with the actions `viewer` may take now. */
export function toMyWish(w: WishDoc, viewer: WishViewer): MyWish {
  return {
    id: w._id,
    title: w.title,
    category: w.category,
    story: w.story,
    budgetFen: w.budgetFen,
    status: w.status,
    delivery: w.delivery,
    photoFileIds: w.photoFileIds,
    // The evidence of a delivery the person confirmed: not before (shared deliveryEvidenceShown).
    deliveryPhotoFileIds: deliveryEvidenceShown(w.status) ? deliveryPhotosOf(w) : [],
    removedPhotos: removedPhotosOf(w),
    postedOnBehalf: w.onBehalf,
    reviewNote: w.reviewNote,
    rejectReason: w.rejectReason,
    donorName: w.donorName,
    deliverNote: w.deliverNote,
    thanks: w.thanks,
    actions: allowedWishActions(factsOf(w), viewer),
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

export function toEventView(e: WishEventDoc): WishEventView {
  return { sequence: e.sequence, type: e.type, actorRole: e.actorRole, at: e.at.toISOString(), ...(e.note ? { note: e.note } : {}) };
}

export interface StaffExtras {
  budgetCapFen: number;
  claim: WishClaimDoc | null;
  /** The donor's contact, only in the (audited) detail. */
  contact: string | null;
  events: WishEventDoc[];
}

/** Lists and review answers: the person's name masked, no ids of the person (nothing to audit). */
export function toStaffWishSummary(w: WishDoc, viewer: WishViewer, extra: StaffExtras): StaffWishSummary {
  const c = extra.claim;
  return {
    id: w._id,
    title: w.title,
    category: w.category,
    story: w.story,
    budgetFen: w.budgetFen,
    budgetCapFen: extra.budgetCapFen,
    status: w.status,
    delivery: w.delivery,
    regionCode: w.regionCode,
    community: communityNameOf(w.regionCode),
    maskedName: maskName(w.beneficiaryName),
    ageBand: ageBand(ageOn(w.birthDate, shanghaiDate())),
    postedOnBehalf: w.onBehalf,
    beneficiaryVerified: !!w.beneficiaryKey,
    referral: w.referral ? { source: w.referral.source, consentMethod: w.referral.consentMethod, consentDate: w.referral.consentDate } : null,
    photoFileIds: w.photoFileIds,
    deliveryPhotoFileIds: deliveryPhotosOf(w),
    removedPhotos: removedPhotosOf(w),
    contentFlag: w.contentFlag,
    reviewNote: w.reviewNote,
    rejectReason: w.rejectReason,
    claim: c
      ? { id: c._id, status: c.status, donorName: c.donorName, donorKind: c.donorKind, donorContact: extra.contact, claimedAt: c.claimedAt.toISOString(), dueAt: c.dueAt.toISOString(), deliverNote: c.deliverNote }
      : null,
    thanks: w.thanks,
    events: extra.events.map(toEventView),
    actions: allowedWishActions(factsOf(w), viewer),
    createdAt: w.createdAt.toISOString(),
  };
}

/** The staff detail: the summary plus the person's full name (the caller audits the read). */
export function toStaffWish(w: WishDoc, viewer: WishViewer, extra: StaffExtras): StaffWish {
  return { ...toStaffWishSummary(w, viewer, extra), beneficiaryName: w.beneficiaryName };
}
