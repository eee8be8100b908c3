import { ensureIndexes } from '../../../core/db/ensureIndexes';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ClaimStatusName, DonorKind, WishCategoryName, WishDeliveryName, WishReferral, WishStatusName } from '@dajiuzhu/shared';

/**
 * 微心愿 collections (docs/wishes.md). Guarantees rest on `_id` uniqueness (insert wins):
 * - wish_active_claims `_id` = wishId: at most one claim holds a wish;
 * - wish_donor_slots `_id` = "<donorId>:<slot>": at most N claims per donor;
 * - wish_events `_id` = "<wishId>:<sequence>" (and a unique (wishId, sequence) index): every
 *   change of a wish is one event, and two changes computed from the same state cannot both land.
 */
const base = { versionKey: false as const, minimize: false };

export interface RemovedPhotoDoc { fileId: string; kind: 'wishPhoto' | 'deliveryPhoto'; reason: string; at: Date }

/** A wish posted for someone found through monitoring, with the consent staff recorded. */
export interface WishReferralDoc { source: 'monitoring'; reference: string; consentMethod: WishReferral['consent']['method']; consentDate: string; consentNote: string | null; recordedBy: string }

export interface WishDoc {
  _id: string;
  /** Sequence of the last event applied to this document. */
  seq: number;
  status: WishStatusName;
  regionCode: string;
  beneficiaryId: string;
  /**
   * The blind index of the person's VERIFIED ID number when the wish was posted ('' when the poster
   * was not verified). A wish staff post for someone reaches that account only while the account's
   * verified identity is this one (wishAccess.ts).
   */
  beneficiaryKey: string;
  /** Snapshot from the real-name profile: internal only, the public sees the masked form. */
  beneficiaryName: string;
  birthDate: string;
  postedBy: string;
  onBehalf: boolean;
  category: WishCategoryName;
  title: string;
  story: string;
  budgetFen: number;
  photoFileIds: string[];
  /** The delivery photos of the claim that delivered (evidence; public once fulfilled). */
  deliveryPhotoFileIds: string[];
  /** Photos staff took off, with the reason the person sees. */
  removedPhotos: RemovedPhotoDoc[];
  referral?: WishReferralDoc | null;
  delivery: WishDeliveryName;
  contentFlag: 'pass' | 'review';
  reviewNote: string | null;
  rejectReason: string | null;
  publishedAt: Date | null;
  activeClaimId: string | null;
  claimDonorId: string | null;
  donorName: string | null;
  deliverNote: string | null;
  fulfilledAt: Date | null;
  thanks: string | null;
  createdAt: Date;
  updatedAt: Date;
}
const WishSchema = new Schema<WishDoc>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    status: { type: String, required: true },
    regionCode: { type: String, required: true },
    beneficiaryId: { type: String, required: true },
    beneficiaryKey: { type: String, default: '' },
    beneficiaryName: { type: String, required: true },
    birthDate: { type: String, required: true },
    postedBy: { type: String, required: true },
    onBehalf: { type: Boolean, required: true },
    category: { type: String, required: true },
    title: { type: String, required: true },
    story: { type: String, required: true },
    budgetFen: { type: Number, required: true },
    photoFileIds: { type: [String], default: [] },
    deliveryPhotoFileIds: { type: [String], default: [] },
    removedPhotos: { type: [{ _id: false, fileId: String, kind: String, reason: String, at: Date }], default: [] },
    referral: { type: { _id: false, source: String, reference: String, consentMethod: String, consentDate: String, consentNote: String, recordedBy: String }, default: null },
    delivery: { type: String, required: true },
    contentFlag: { type: String, required: true },
    reviewNote: { type: String, default: null },
    rejectReason: { type: String, default: null },
    publishedAt: { type: Date, default: null },
    activeClaimId: { type: String, default: null },
    claimDonorId: { type: String, default: null },
    donorName: { type: String, default: null },
    deliverNote: { type: String, default: null },
    fulfilledAt: { type: Date, default: null },
    thanks: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...base, collection: 'wishes' },
);
WishSchema.index({ status: 1, regionCode: 1, publishedAt: -1 });
// The square for every region, newest first: walked in order, so a page reads about its own rows.
WishSchema.index({ status: 1, publishedAt: -1 });
WishSchema.index({ beneficiaryId: 1, createdAt: -1 });

export interface WishClaimDoc {
  _id: string;
  wishId: string;
  regionCode: string;
  category: WishCategoryName;
  donorId: string;
  /** The name the donor chose for this claim (or 匿名爱心人士). */
  donorName: string;
  anonymous?: boolean;
  donorKind: DonorKind;
  slotId: string;
  status: ClaimStatusName;
  claimedAt: Date;
  dueAt: Date;
  deliveredAt: Date | null;
  deliverNote: string | null;
  deliverPhotoFileIds: string[];
  endedAt: Date | null;
  certificateNo: string | null;
}
const WishClaimSchema = new Schema<WishClaimDoc>(
  {
    _id: { type: String, required: true },
    wishId: { type: String, required: true },
    regionCode: { type: String, required: true },
    category: { type: String, required: true },
    donorId: { type: String, required: true },
    donorName: { type: String, required: true },
    anonymous: { type: Boolean, default: false },
    donorKind: { type: String, required: true },
    slotId: { type: String, required: true },
    status: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    deliveredAt: { type: Date, default: null },
    deliverNote: { type: String, default: null },
    deliverPhotoFileIds: { type: [String], default: [] },
    endedAt: { type: Date, default: null },
    certificateNo: { type: String, default: null },
  },
  { ...base, collection: 'wish_claims' },
);
WishClaimSchema.index({ donorId: 1, claimedAt: -1 });
WishClaimSchema.index({ status: 1, dueAt: 1 });
WishClaimSchema.index({ wishId: 1 });

/** `_id` = wishId. Inserted on claim; deleted on release, lapse and fulfilment. */
export interface WishActiveClaimDoc { _id: string; claimId: string; donorId: string; at: Date }
const WishActiveClaimSchema = new Schema<WishActiveClaimDoc>(
  { _id: { type: String, required: true }, claimId: { type: String, required: true }, donorId: { type: String, required: true }, at: { type: Date, required: true } },
  { ...base, collection: 'wish_active_claims' },
);

/** `_id` = "<donorId>:<slot 0..N-1>". One per claim the donor holds. */
export interface WishDonorSlotDoc { _id: string; donorId: string; claimId: string; wishId: string; at: Date }
const WishDonorSlotSchema = new Schema<WishDonorSlotDoc>(
  { _id: { type: String, required: true }, donorId: { type: String, required: true }, claimId: { type: String, required: true }, wishId: { type: String, required: true }, at: { type: Date, required: true } },
  { ...base, collection: 'wish_donor_slots' },
);

export type WishEventType = 'posted' | 'approved' | 'edited' | 'rejected' | 'claimed' | 'released' | 'lapsed' | 'delivered' | 'fulfilled' | 'thanked' | 'photoRemoved';
export type WishActorRole = 'beneficiary' | 'staff' | 'donor' | 'system';

/**
 * One change of a wish, append-only. `wishSet`/`claimSet` are the change itself, so the wish and
 * claim documents can be rolled forward from the events if a process stopped half-way.
 */
export interface WishEventDoc {
  _id: string;
  wishId: string;
  sequence: number;
  type: WishEventType;
  actorId: string;
  actorRole: WishActorRole;
  at: Date;
  requestId: string;
  note: string | null;
  claimId: string | null;
  wishSet: Record<string, unknown>;
  claimSet: Record<string, unknown> | null;
  /** True when the event ends the claim's hold: the lock and the donor's slot are freed. */
  freesClaim: boolean;
}
const WishEventSchema = new Schema<WishEventDoc>(
  {
    _id: { type: String, required: true },
    wishId: { type: String, required: true },
    sequence: { type: Number, required: true },
    type: { type: String, required: true },
    actorId: { type: String, required: true },
    actorRole: { type: String, required: true },
    at: { type: Date, required: true },
    requestId: { type: String, required: true },
    note: { type: String, default: null },
    claimId: { type: String, default: null },
    wishSet: { type: Schema.Types.Mixed, default: {} },
    claimSet: { type: Schema.Types.Mixed, default: null },
    freesClaim: { type: Boolean, required: true },
  },
  { ...base, collection: 'wish_events' },
);
WishEventSchema.index({ wishId: 1, sequence: 1 }, { unique: true });

/** `_id` = donor's userId. The contact is encrypted; only staff of a claimed wish's region read it. */
export interface WishDonorContactDoc { _id: string; contactCipher: string; contactMasked: string; updatedAt: Date }
const WishDonorContactSchema = new Schema<WishDonorContactDoc>(
  { _id: { type: String, required: true }, contactCipher: { type: String, required: true }, contactMasked: { type: String, required: true }, updatedAt: { type: Date, required: true } },
  { ...base, collection: 'wish_donor_contacts' },
);

export interface WishModels {
  Wish: Model<WishDoc>;
  WishClaim: Model<WishClaimDoc>;
  WishActiveClaim: Model<WishActiveClaimDoc>;
  WishDonorSlot: Model<WishDonorSlotDoc>;
  WishEvent: Model<WishEventDoc>;
  WishDonorContact: Model<WishDonorContactDoc>;
}

export function registerWishModels(conn: Connection): WishModels {
  return {
    Wish: conn.model('Wish', WishSchema),
    WishClaim: conn.model('WishClaim', WishClaimSchema),
    WishActiveClaim: conn.model('WishActiveClaim', WishActiveClaimSchema),
    WishDonorSlot: conn.model('WishDonorSlot', WishDonorSlotSchema),
    WishEvent: conn.model('WishEvent', WishEventSchema),
    WishDonorContact: conn.model('WishDonorContact', WishDonorContactSchema),
  };
}

export const ensureWishIndexes = (models: WishModels) => ensureIndexes(models);
