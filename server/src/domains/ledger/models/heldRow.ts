import { Schema, type Connection, type Model } from 'mongoose';
import { reuseModel } from './reuse';
import type { DisbursementDoc } from './disbursement';

const base = { versionKey: false as const, minimize: false };

/**
 * An imported row whose name differs from the person its ID number matched (赵某某 on 张伟's
 * number): not booked, held for staff (docs/ledger.md, "Held rows"). `_id` = "<importId>:<line>".
 * `disbursement` is the row exactly as it would be booked, so a confirm books what was imported.
 */
export interface LedgerHeldRowDoc {
  _id: string;
  importId: string;
  line: number;
  regionCode: string;
  status: 'held' | 'confirmed' | 'refused';
  rowName: string;
  personName: string;
  /** The account of the matched person when they have a verified one (the audit's subject); '' otherwise. */
  personUserId: string;
  disbursement: DisbursementDoc;
  booked: boolean;
  decidedBy: string;
  decisionNote: string;
  decidedAt: Date | null;
  createdAt: Date;
}
const LedgerHeldRowSchema = new Schema<LedgerHeldRowDoc>(
  {
    _id: { type: String, required: true },
    importId: { type: String, required: true },
    line: { type: Number, required: true },
    regionCode: { type: String, required: true },
    status: { type: String, required: true },
    rowName: { type: String, default: '' },
    personName: { type: String, default: '' },
    personUserId: { type: String, default: '' },
    disbursement: { type: Schema.Types.Mixed, required: true },
    booked: { type: Boolean, default: false },
    decidedBy: { type: String, default: '' },
    decisionNote: { type: String, default: '' },
    decidedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { ...base, collection: 'ledger_held_rows' },
);
// For MongoDB (FerretDB scans): a region's held rows, an import's held rows.
LedgerHeldRowSchema.index({ regionCode: 1, status: 1 });
LedgerHeldRowSchema.index({ importId: 1, line: 1 });

/** A held row is decided once (confirm or refuse): `_id` = the held row's id, insert wins. */
export interface LedgerHeldDecisionDoc { _id: string; decision: 'confirmed' | 'refused'; note: string; by: string; at: Date }
const LedgerHeldDecisionSchema = new Schema<LedgerHeldDecisionDoc>(
  { _id: { type: String, required: true }, decision: { type: String, required: true }, note: { type: String, default: '' }, by: { type: String, required: true }, at: { type: Date, required: true } },
  { ...base, collection: 'ledger_held_decisions' },
);

export interface HeldRowModels {
  HeldRow: Model<LedgerHeldRowDoc>;
  HeldDecision: Model<LedgerHeldDecisionDoc>;
}

export function registerHeldRowModels(conn: Connection): HeldRowModels {
  return {
    HeldRow: reuseModel(conn, 'LedgerHeldRow', LedgerHeldRowSchema),
    HeldDecision: reuseModel(conn, 'LedgerHeldDecision', LedgerHeldDecisionSchema),
  };
}
