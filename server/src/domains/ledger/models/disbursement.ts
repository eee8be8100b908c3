import { Schema, type Connection, type Model } from 'mongoose';
import { reuseModel } from './reuse';

/**
 * One payment to one beneficiary (发放记录). Rows are never updated or deleted: a correction is a
 * new row (source 'adjustment') whose `correctsId` points to the row it corrects. `_id` is the
 * natural key, so the same payment can never be recorded twice (insert wins):
 *   run:<entitlementId>:<YYYY-MM>                     a payment run
 *   import:<source>:<sha256 of the row's natural key> an imported row
 *   adjust:<correctedId>:<requestKey>                 a correction
 *   charity:<spendingId>                              aid of a 慈善筹 project (other help)
 * `beneficiaryKey` is the HMAC blind index of the ID number (the same as profiles.idNumberBlindIndex),
 * so a person's rows are theirs whether or not they have an account yet.
 */
export interface DisbursementDoc {
  _id: string;
  beneficiaryKey: string;
  idNumberMasked: string;
  regionCode: string;
  programme: string;
  amountFen: number;
  period: string;
  year: number;
  paidOn: string;
  source: 'paymentRun' | 'import' | 'adjustment' | 'charity';
  /** Payment-run job id, import id, or '' for adjustments. */
  sourceRef: string;
  /** Line in the imported file (0 otherwise). */
  line: number;
  correctsId: string;
  reason: string;
  createdBy: string;
  createdAt: Date;
}

const DisbursementSchema = new Schema<DisbursementDoc>(
  {
    _id: { type: String, required: true },
    beneficiaryKey: { type: String, required: true },
    idNumberMasked: { type: String, default: '' },
    regionCode: { type: String, required: true },
    programme: { type: String, required: true },
    amountFen: { type: Number, required: true },
    period: { type: String, required: true },
    year: { type: Number, required: true },
    paidOn: { type: String, default: '' },
    source: { type: String, required: true },
    sourceRef: { type: String, default: '' },
    line: { type: Number, default: 0 },
    correctsId: { type: String, default: '' },
    reason: { type: String, default: '' },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'disbursements' },
);
// For MongoDB (FerretDB scans): a person's year, a region's year, an import's rows.
DisbursementSchema.index({ beneficiaryKey: 1, year: 1 });
DisbursementSchema.index({ year: 1, regionCode: 1 });
DisbursementSchema.index({ sourceRef: 1, line: 1 });

export const registerDisbursementModel = (conn: Connection): Model<DisbursementDoc> => reuseModel(conn, 'Disbursement', DisbursementSchema);
