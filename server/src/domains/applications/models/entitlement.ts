import { Schema, type Connection, type Model } from 'mongoose';
import type { PaymentTerms } from '@dajiuzhu/shared';
import type { PersonRef } from './application';
import { ensureIndexes } from '../../../core/db/ensureIndexes';
import { insertWins } from '../../../core/db/insertWins';

/** One amount version: from `fromMonth` on, `monthlyAmountFen` a month (shared/src/recheck/versions.ts). */
export interface AmountVersionDoc { fromMonth: string; monthlyAmountFen: number; decidedAt: string; reason: string; ref: string }

/**
 * What an approval grants (待遇): `_id` = the application id, so one approval creates exactly one
 * entitlement whoever races (insert wins), and a replayed approval finds it already there.
 *
 * Versions (动态管理, docs/recheck.md): `amounts` holds the amount history, `endFromMonth` the month
 * nothing is paid from (退出, the end of a 渐退期), `suspendedFromMonth` a hold after a death. All
 * three are absent on documents written before them: readers default the history to
 * (startMonth, monthlyAmountFen) and read absent as "none" (no migration). `monthlyAmountFen` stays
 * the amount approved; the amount in force is computed from the history.
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
  amounts?: AmountVersionDoc[];
  endFromMonth?: string | null;
  endReasons?: string[];
  suspendedFromMonth?: string | null;
  suspensionReasons?: string[];
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
    amounts: { type: [Schema.Types.Mixed], default: undefined },
    endFromMonth: { type: String, default: undefined },
    endReasons: { type: [String], default: undefined },
    suspendedFromMonth: { type: String, default: undefined },
    suspensionReasons: { type: [String], default: undefined },
  },
  { versionKey: false, collection: 'entitlements', minimize: false },
);
EntitlementSchema.index({ 'beneficiary.idNumberBlindIndex': 1 });
EntitlementSchema.index({ regionCode: 1, status: 1 });
// The recheck schedule: active entitlements whose next recheck is on or before a day.
EntitlementSchema.index({ status: 1, nextRecheckOn: 1 });

export const registerEntitlementModel = (conn: Connection): Model<EntitlementDoc> => conn.model('Entitlement', EntitlementSchema);

/**
 * One change of an entitlement (adjust, end, suspend, next recheck), `_id` = `<entitlementId>:<key>`:
 * the caller's key (a recheck id, a death record) makes a retried change one change (insert wins);
 * the stored change is what is applied, so a replay applies exactly the same thing.
 */
export interface EntitlementChangeDoc {
  _id: string;
  entitlementId: string;
  kind: 'adjust' | 'end' | 'suspend' | 'nextRecheck';
  version: AmountVersionDoc | null;
  fromMonth: string | null;
  reasons: string[];
  nextRecheckOn: string | null;
  actorId: string;
  requestId: string;
  at: Date;
}
const EntitlementChangeSchema = new Schema<EntitlementChangeDoc>(
  {
    _id: { type: String, required: true },
    entitlementId: { type: String, required: true },
    kind: { type: String, required: true },
    version: { type: Schema.Types.Mixed, default: null },
    fromMonth: { type: String, default: null },
    reasons: { type: [String], default: [] },
    nextRecheckOn: { type: String, default: null },
    actorId: { type: String, required: true },
    requestId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'entitlement_changes', minimize: false },
);

/**
 * The store of entitlement versions (the few writes the changes need, beside the model they touch).
 * Every write is idempotent: `$addToSet` of a stored version, `$set` of stored values.
 */
export async function entitlementVersionStore(conn: Connection, Entitlement: Model<EntitlementDoc>) {
  const Change = conn.model('EntitlementChange', EntitlementChangeSchema);
  await ensureIndexes({ Change });
  return {
    findEntitlement: (id: string) => Entitlement.findById(id).lean<EntitlementDoc>().exec(),
    claimChange: (c: EntitlementChangeDoc) => insertWins(Change, c),
    findChange: (id: string) => Change.findById(id).lean<EntitlementChangeDoc>().exec(),
    addVersions: (id: string, versions: AmountVersionDoc[], set: Partial<EntitlementDoc>) =>
      Entitlement.updateOne({ _id: id }, { $addToSet: { amounts: { $each: versions } }, ...(Object.keys(set).length ? { $set: set } : {}) }).exec(),
    setFields: (id: string, set: Partial<EntitlementDoc>) => Entitlement.updateOne({ _id: id }, { $set: set }).exec(),
    /**
     * Active entitlements whose next recheck is on or before `day` (the schedule job), streamed. No
     * sort: `nextRecheckOn` is a string or null, and the embedded database refuses to sort mixed types.
     */
    dueForRecheck: (day: string): AsyncIterable<EntitlementDoc> =>
      Entitlement.find({ status: 'active', nextRecheckOn: { $lte: day } }).lean<EntitlementDoc[]>().cursor() as unknown as AsyncIterable<EntitlementDoc>,
  };
}
export type EntitlementVersionStore = Awaited<ReturnType<typeof entitlementVersionStore>>;

/** An entitlement as other domains read it (app.applications; re-exported by api.ts). */
export interface EntitlementRecord {
  id: string;
  programme: string;
  beneficiary: { idNumberBlindIndex: string; idNumberMasked: string; name: string; userId: string | null };
  regionCode: string;
  payment: 'monthly' | 'oneOff';
  monthlyAmountFen: number | null;
  oneOffAmountFen: number | null;
  /** YYYY-MM: the first month paid. */
  startMonth: string;
  /** 'ended' once its end month has come (a 渐退期 still running is 'active'). */
  status: 'active' | 'ended';
  applicationId: string;
  nextRecheckOn: string | null;
  /** Versions, end and suspension (docs/recheck.md): what a month pays is `paymentFor(terms, month)` (shared). */
  terms: PaymentTerms;
  endReasons: string[];
  suspensionReasons: string[];
}
