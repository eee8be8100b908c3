import { Schema, type Connection, type Model } from 'mongoose';
import type { PersonRef } from './application';

/**
 * What an approval grants (待遇): `_id` = the application id, so one approval creates exactly one
 * entitlement whoever races (insert wins), and a replayed approval finds it already there.
 */
export interface EntitlementDoc {
  _id: string;
  applicationId: string;
  programme: string;
  beneficiary: PersonRef;
  regionCode: string;
  /** Legacy: written by older versions; nothing reads it (the reader uses `regionWithin` on `regionCode`). */
  regionKeys?: string[];
  payment: 'monthly' | 'oneOff';
  monthlyAmountFen: number | null;
  oneOffAmountFen: number | null;
  startMonth: string;
  nextRecheckOn: string | null;
  status: 'active' | 'ended';
  approvedAt: Date;
  approvedBy: string;
}

const EntitlementSchema = new Schema<EntitlementDoc>(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true },
    programme: { type: String, required: true },
    beneficiary: { type: Schema.Types.Mixed, required: true },
    regionCode: { type: String, required: true },
    payment: { type: String, required: true },
    monthlyAmountFen: { type: Number, default: null },
    oneOffAmountFen: { type: Number, default: null },
    startMonth: { type: String, required: true },
    nextRecheckOn: { type: String, default: null },
    status: { type: String, required: true },
    approvedAt: { type: Date, required: true },
    approvedBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'entitlements', minimize: false },
);
EntitlementSchema.index({ 'beneficiary.idNumberBlindIndex': 1 });
EntitlementSchema.index({ regionCode: 1, status: 1 });

export const registerEntitlementModel = (conn: Connection): Model<EntitlementDoc> => conn.model('Entitlement', EntitlementSchema);
