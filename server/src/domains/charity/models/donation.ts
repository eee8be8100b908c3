import { Schema, type Connection, type Model } from 'mongoose';
import type { DonationStatusName, DonorKind } from '@dajiuzhu/shared';

/**
 * Donations (docs/charity.md, "Payments and receipts"). Guarantees rest on `_id` (insert wins):
 * - charity_donations `_id` = the donation id = WeChat Pay's out_trade_no, derived from the donor
 *   and the client's request key: a retried create is the same order;
 * - charity_donation_payments `_id` = donation id: a payment is confirmed (counted, numbered) once,
 *   however many notifications and queries report it at once;
 * - charity_donation_refunds `_id` = donation id (= out_refund_no): a donation is refunded once.
 * Raised totals are a sum over paid donations (index projectId+status), never a counter.
 */
const base = { versionKey: false as const, minimize: false };

export interface DonationDoc {
  _id: string;
  projectId: string;
  organizationId: string;
  /** Snapshots for the donor's list and the receipt (the project's own record may change later). */
  projectTitle: string;
  organizationName: string;
  regionCode: string;
  donorId: string;
  donorKind: DonorKind;
  /** Person: the name for the receipt ('' → 爱心人士). Company: ''. */
  donorName: string;
  companyName: string;
  /** 统一社会信用代码 of a company (public information). */
  taxNumber: string;
  anonymous: boolean;
  message: string | null;
  amountFen: number;
  status: DonationStatusName;
  requestKey: string;
  prepayId: string | null;
  createdAt: Date;
  /** The order cannot be paid after this (time_expire). */
  expiresAt: Date;
  paidAt: Date | null;
  transactionId: string | null;
  receiptNumber: string | null;
  /** A payment report that did not match the order (amount): kept for the hand check, never counted. */
  flag: { reason: string; reportedFen: number; transactionId: string; at: Date } | null;
  refundedAt: Date | null;
  updatedAt: Date;
}
const DonationSchema = new Schema<DonationDoc>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    organizationId: { type: String, required: true },
    projectTitle: { type: String, required: true },
    organizationName: { type: String, required: true },
    regionCode: { type: String, required: true },
    donorId: { type: String, required: true },
    donorKind: { type: String, required: true },
    donorName: { type: String, default: '' },
    companyName: { type: String, default: '' },
    taxNumber: { type: String, default: '' },
    anonymous: { type: Boolean, required: true },
    message: { type: String, default: null },
    amountFen: { type: Number, required: true },
    status: { type: String, required: true },
    requestKey: { type: String, required: true },
    prepayId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    paidAt: { type: Date, default: null },
    transactionId: { type: String, default: null },
    receiptNumber: { type: String, default: null },
    flag: { type: new Schema({ reason: String, reportedFen: Number, transactionId: String, at: Date }, { _id: false, versionKey: false }), default: null },
    refundedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { ...base, collection: 'charity_donations' },
);
/** My donations, newest first. */
DonationSchema.index({ donorId: 1, createdAt: -1 });
/** Raised totals and donors of a project (paid donations); refunds of a cancelled project. */
DonationSchema.index({ projectId: 1, status: 1 });
/** The reconcile job: pending orders past the late threshold, oldest first; refunds in progress. */
DonationSchema.index({ status: 1, createdAt: 1 });

/** One row per confirmed payment: the insert that wins counts the donation. */
export interface DonationPaymentDoc { _id: string; transactionId: string; amountFen: number; via: 'notification' | 'query'; at: Date }
const DonationPaymentSchema = new Schema<DonationPaymentDoc>(
  { _id: { type: String, required: true }, transactionId: { type: String, required: true }, amountFen: { type: Number, required: true }, via: { type: String, required: true }, at: { type: Date, required: true } },
  { ...base, collection: 'charity_donation_payments' },
);

/** One refund per donation (out_refund_no = donation id). */
export interface DonationRefundDoc { _id: string; projectId: string; amountFen: number; status: 'requested' | 'processing' | 'done'; refundId: string | null; requestedAt: Date; doneAt: Date | null }
const DonationRefundSchema = new Schema<DonationRefundDoc>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    amountFen: { type: Number, required: true },
    status: { type: String, required: true },
    refundId: { type: String, default: null },
    requestedAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
  },
  { ...base, collection: 'charity_donation_refunds' },
);
/** The reconcile job: refunds not yet done. */
DonationRefundSchema.index({ status: 1, requestedAt: 1 });

export function registerDonationModels(conn: Connection) {
  const model = <T>(name: string, schema: Schema<T>) => (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
  return {
    Donation: model('CharityDonation', DonationSchema),
    DonationPayment: model('CharityDonationPayment', DonationPaymentSchema),
    DonationRefund: model('CharityDonationRefund', DonationRefundSchema),
  };
}
export type DonationModels = ReturnType<typeof registerDonationModels>;
