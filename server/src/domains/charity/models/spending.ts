import { Schema, type Connection, type Model } from 'mongoose';
import type { CharitySpendingKind } from '@dajiuzhu/shared';

const base = { versionKey: false as const, minimize: false };

/**
 * One spending line of a project. `_id` = `<projectId>:<sequence, six digits>` and each line
 * carries the project's running total: a line lands only if it is the first to take the next
 * sequence, computed from the previous line's total and checked against what was raised — so two
 * lines recorded at once can never together spend more than was raised (insert wins,
 * docs/database.md). A retried request (same `requestKey`) finds its line: unique (projectId, requestKey).
 */
export interface CharitySpendingDoc {
  _id: string;
  projectId: string;
  sequence: number;
  requestKey: string;
  organizationId: string;
  regionCode: string;
  amountFen: number;
  /** Running total of the project's spending including this line. */
  cumulativeFen: number;
  /** Shanghai calendar day, YYYY-MM-DD. */
  spentOn: string;
  purpose: string;
  budgetLineId: string;
  kind: CharitySpendingKind;
  /** People this line helped (1 for aid to a named person; the organisation's count otherwise). */
  peopleHelped: number;
  /** Running total of people helped including this line (carried like `cumulativeFen`: the page reads the last line). */
  cumulativePeople: number;
  /** Aid to a named person: the blind index of the ID number (never the number itself), the masked name. */
  beneficiaryKey: string | null;
  beneficiaryIdMasked: string | null;
  /** Where the named person lives (their 幸福清单 is published by the staff there). */
  beneficiaryRegionCode: string | null;
  beneficiaryNameMasked: string | null;
  itemDescription: string | null;
  recordedBy: string;
  createdAt: Date;
}
const SpendingSchema = new Schema<CharitySpendingDoc>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    sequence: { type: Number, required: true },
    requestKey: { type: String, required: true },
    organizationId: { type: String, required: true },
    regionCode: { type: String, required: true },
    amountFen: { type: Number, required: true },
    cumulativeFen: { type: Number, required: true },
    spentOn: { type: String, required: true },
    purpose: { type: String, required: true },
    budgetLineId: { type: String, required: true },
    kind: { type: String, required: true },
    peopleHelped: { type: Number, required: true },
    cumulativePeople: { type: Number, required: true },
    beneficiaryKey: { type: String, default: null },
    beneficiaryIdMasked: { type: String, default: null },
    beneficiaryRegionCode: { type: String, default: null },
    beneficiaryNameMasked: { type: String, default: null },
    itemDescription: { type: String, default: null },
    recordedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { ...base, collection: 'charity_spending' },
);
SpendingSchema.index({ projectId: 1, sequence: -1 });
SpendingSchema.index({ projectId: 1, requestKey: 1 }, { unique: true });

export const registerSpendingModel = (conn: Connection): Model<CharitySpendingDoc> => conn.model('CharitySpending', SpendingSchema);
