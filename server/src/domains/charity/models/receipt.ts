import { Schema, type Connection, type Model } from 'mongoose';
import { registerNumberedStore } from '../../../core/db/numbered';

/**
 * 捐赠票据: one per confirmed donation (`_id` = donation id, insert wins). Its number is the next
 * of the organisation's series for the year (core/db/numbered.ts: `<organisationId>:<year>:<n>`
 * taken by insert, so numbers are unique and without gaps however many donations confirm at once).
 */
export interface DonationReceiptDoc {
  _id: string;
  number: string;
  organizationId: string;
  year: number;
  n: number;
  issuedAt: Date;
}
const DonationReceiptSchema = new Schema<DonationReceiptDoc>(
  {
    _id: { type: String, required: true },
    number: { type: String, required: true },
    organizationId: { type: String, required: true },
    year: { type: Number, required: true },
    n: { type: Number, required: true },
    issuedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'charity_donation_receipts' },
);

export function registerReceiptModels(conn: Connection) {
  const existing = conn.models.CharityDonationReceipt as Model<DonationReceiptDoc> | undefined;
  return {
    Receipt: existing ?? conn.model<DonationReceiptDoc>('CharityDonationReceipt', DonationReceiptSchema),
    receiptNumbers: registerNumberedStore(conn, 'charity_receipt'),
  };
}
