import { Schema, type Connection } from 'mongoose';
import { ensureIndexes } from '../../../core/db/ensureIndexes';

/** 动态管理's collections (docs/recheck.md). Every guarantee is a unique `_id` (insert wins). */

export interface RecheckDataCheck { hukou: 'urban' | 'rural'; householdSize: number; monthlyIncomeFen: number; householdStable: boolean; findings: string; standardFen: number | null; checkedAt: Date; checkedBy: string }
export interface RecheckVisit { visitedOn: string; investigators: string[]; findings: string; by: string }
export interface RecheckDecision {
  outcome: 'continue' | 'adjust' | 'stop';
  fromMonth: string | null;
  monthlyAmountFen: number | null;
  /** stop: the first month nothing is paid (after the 渐退期 and any notice). */
  endFromMonth: string | null;
  phaseOutMonths: number;
  stopCause: string | null;
  reasons: string[];
  computedReasons: string[];
  nextRecheckOn: string | null;
  decidedAt: Date;
  decidedBy: string;
}

/**
 * A recheck (复核) of one entitlement. `_id` = `rc_<hash(entitlement, trigger, trigger key)>`: the
 * same trigger (a due date, a death record, a change report, a year without confirmation) opens it
 * once however often the job or the data arrive. Changed only through its events.
 */
export interface RecheckDoc {
  _id: string;
  sequence: number;
  entitlementId: string;
  programme: string;
  regionCode: string;
  beneficiary: { blindIndex: string; name: string; idNumberMasked: string; userId: string | null };
  trigger: string;
  triggerKey: string;
  reason: string;
  openedOn: string;
  dueOn: string | null;
  deadline: string;
  status: 'open' | 'checked' | 'noticing' | 'closed';
  dataCheck: RecheckDataCheck | null;
  visits: RecheckVisit[];
  decision: RecheckDecision | null;
  notice: { startsOn: string; endsOn: string } | null;
  letterId: string | null;
  openedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One change of a recheck: `_id` = eventId(recheckId, sequence) — two staff acting at once: one wins. */
export interface RecheckEventDoc {
  _id: string;
  recheckId: string;
  sequence: number;
  /** `tightenDeadline`: a trigger with a shorter time limit joined the open recheck (services/opening.ts). */
  action: 'recordDataCheck' | 'recordVisit' | 'decide' | 'finishNotice' | 'tightenDeadline';
  patch: Record<string, unknown>;
  actorId: string;
  requestId: string;
  at: Date;
}

/** One open recheck per entitlement: `_id` = entitlement id, freed by the recheck that holds it when it closes. */
export interface RecheckOpenKeyDoc { _id: string; recheckId: string; at: Date }

/** 家庭变化申报: `_id` = `cr_<hash(reporter, requestKey)>` (a retried report is one report). */
export interface ChangeReportDoc {
  _id: string;
  entitlementId: string;
  programme: string;
  regionCode: string;
  kind: string;
  text: string;
  happenedOn: string;
  reportedBy: string;
  byHelper: boolean;
  recheckId: string | null;
  recheckDeadline: string | null;
  createdAt: Date;
}

/** 年度确认: `_id` = `<entitlementId>:<year>` (once a year, by the person or their helper). */
export interface ConfirmationDoc { _id: string; entitlementId: string; year: number; by: string; byHelper: boolean; regionCode: string; at: Date }

/** 告知书 for a stop or a cut: `_id` = `lt_<hash(recheckId)>`, issued once per decision. */
export interface LetterDoc {
  _id: string;
  recheckId: string;
  entitlementId: string;
  beneficiaryBlindIndex: string;
  nameMasked: string;
  programme: string;
  regionCode: string;
  kind: 'stop' | 'adjust';
  reasons: string[];
  computedReasons: string[];
  fromMonth: string | null;
  endFromMonth: string | null;
  phaseOutMonths: number;
  monthlyAmountFen: number | null;
  issuedOn: string;
  createdAt: Date;
}

const mixed = { type: Schema.Types.Mixed, default: null };
const opts = { versionKey: false, minimize: false } as const;

const RecheckSchema = new Schema<RecheckDoc>({
  _id: { type: String, required: true }, sequence: { type: Number, required: true }, entitlementId: { type: String, required: true }, programme: { type: String, required: true },
  regionCode: { type: String, required: true }, beneficiary: { type: Schema.Types.Mixed, required: true }, trigger: { type: String, required: true }, triggerKey: { type: String, required: true },
  reason: { type: String, default: '' }, openedOn: { type: String, required: true }, dueOn: { type: String, default: null }, deadline: { type: String, required: true },
  status: { type: String, required: true }, dataCheck: mixed, visits: { type: [Schema.Types.Mixed] as never, default: [] }, decision: mixed, notice: mixed, letterId: { type: String, default: null },
  openedBy: { type: String, required: true }, createdAt: { type: Date, required: true }, updatedAt: { type: Date, required: true },
}, { ...opts, collection: 'rechecks' });
// Staff queues (region range + status, by deadline); the job's sweep of notices (status, by deadline).
RecheckSchema.index({ regionCode: 1, status: 1, deadline: 1 });
RecheckSchema.index({ status: 1, deadline: 1 });
RecheckSchema.index({ entitlementId: 1 });

const RecheckEventSchema = new Schema<RecheckEventDoc>({
  _id: { type: String, required: true }, recheckId: { type: String, required: true }, sequence: { type: Number, required: true }, action: { type: String, required: true },
  patch: { type: Schema.Types.Mixed, default: {} }, actorId: { type: String, required: true }, requestId: { type: String, required: true }, at: { type: Date, required: true },
}, { ...opts, collection: 'recheck_events' });
RecheckEventSchema.index({ recheckId: 1, sequence: 1 });

const OpenKeySchema = new Schema<RecheckOpenKeyDoc>({ _id: { type: String, required: true }, recheckId: { type: String, required: true }, at: { type: Date, required: true } }, { ...opts, collection: 'recheck_open_keys' });

const ChangeReportSchema = new Schema<ChangeReportDoc>({
  _id: { type: String, required: true }, entitlementId: { type: String, required: true }, programme: { type: String, required: true }, regionCode: { type: String, required: true },
  kind: { type: String, required: true }, text: { type: String, required: true }, happenedOn: { type: String, required: true }, reportedBy: { type: String, required: true },
  byHelper: { type: Boolean, required: true }, recheckId: { type: String, default: null }, recheckDeadline: { type: String, default: null }, createdAt: { type: Date, required: true },
}, { ...opts, collection: 'recheck_change_reports' });
ChangeReportSchema.index({ reportedBy: 1, createdAt: -1 });

const ConfirmationSchema = new Schema<ConfirmationDoc>({
  _id: { type: String, required: true }, entitlementId: { type: String, required: true }, year: { type: Number, required: true }, by: { type: String, required: true },
  byHelper: { type: Boolean, required: true }, regionCode: { type: String, required: true }, at: { type: Date, required: true },
}, { ...opts, collection: 'recheck_confirmations' });

const LetterSchema = new Schema<LetterDoc>({
  _id: { type: String, required: true }, recheckId: { type: String, required: true }, entitlementId: { type: String, required: true }, beneficiaryBlindIndex: { type: String, required: true },
  nameMasked: { type: String, required: true }, programme: { type: String, required: true }, regionCode: { type: String, required: true }, kind: { type: String, required: true },
  reasons: { type: [String], default: [] }, computedReasons: { type: [String], default: [] }, fromMonth: { type: String, default: null }, endFromMonth: { type: String, default: null },
  phaseOutMonths: { type: Number, default: 0 }, monthlyAmountFen: { type: Number, default: null }, issuedOn: { type: String, required: true }, createdAt: { type: Date, required: true },
}, { ...opts, collection: 'recheck_letters' });
// A person's letters (their verified blind index), newest first.
LetterSchema.index({ beneficiaryBlindIndex: 1, createdAt: -1 });

export async function registerRecheckModels(conn: Connection) {
  const models = {
    Recheck: conn.model('Recheck', RecheckSchema),
    RecheckEvent: conn.model('RecheckEvent', RecheckEventSchema),
    OpenKey: conn.model('RecheckOpenKey', OpenKeySchema),
    ChangeReport: conn.model('RecheckChangeReport', ChangeReportSchema),
    Confirmation: conn.model('RecheckConfirmation', ConfirmationSchema),
    Letter: conn.model('RecheckLetter', LetterSchema),
  };
  await ensureIndexes(models);
  return models;
}
export type RecheckModels = Awaited<ReturnType<typeof registerRecheckModels>>;
