import { ensureIndexes } from '../../../core/db/ensureIndexes';
import { Schema, type Connection, type Model } from 'mongoose';
import { reuseModel } from './reuse';
import { registerDisbursementModel, type DisbursementDoc } from './disbursement';
import { registerHappinessListModels, type HappinessListModels } from './happinessList';
import { registerHeldRowModels, type HeldRowModels } from './heldRow';

const base = { versionKey: false as const, minimize: false };

export interface JobCountsDoc { rows: number; accepted: number; duplicates: number; rejected: number; unmatched: number; held: number; total: number; done: number; created: number; unchanged: number; skipped: number }
export const emptyCounts = (): JobCountsDoc => ({ rows: 0, accepted: 0, duplicates: 0, rejected: 0, unmatched: 0, held: 0, total: 0, done: 0, created: 0, unchanged: 0, skipped: 0 });

/**
 * A background job of the ledger: an import, a publish, a payment run. Worked in the process;
 * `heartbeatAt` shows it is alive, `checkpoint` is how far it got (rows of the file committed), so
 * a job whose process died can be taken over (`attempt` + insert-wins lease) and resumed.
 */
export interface LedgerJobDoc {
  _id: string;
  kind: 'import' | 'publish' | 'paymentRun';
  status: 'queued' | 'running' | 'done' | 'failed' | 'interrupted';
  regionCode: string;
  actorId: string;
  attempt: number;
  checkpoint: number;
  counts: JobCountsDoc;
  totalFen: number;
  error: { code: string; message: string } | null;
  // import
  source: string;
  fileName: string;
  filePath: string;
  format: 'csv' | 'xlsx' | '';
  encoding: string;
  amountUnit: 'yuan' | 'fen';
  sha256: string;
  size: number;
  columns: Record<string, number>;
  sameFileAs: string | null;
  resumes: string | null;
  // publish / payment run
  year: number | null;
  period: string | null;
  createdAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
}
const LedgerJobSchema = new Schema<LedgerJobDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    status: { type: String, required: true },
    regionCode: { type: String, required: true },
    actorId: { type: String, required: true },
    attempt: { type: Number, required: true },
    checkpoint: { type: Number, default: 0 },
    counts: { type: Schema.Types.Mixed, required: true },
    totalFen: { type: Number, default: 0 },
    error: { type: Schema.Types.Mixed, default: null },
    source: { type: String, default: '' },
    fileName: { type: String, default: '' },
    filePath: { type: String, default: '' },
    format: { type: String, default: '' },
    encoding: { type: String, default: '' },
    amountUnit: { type: String, default: 'yuan' },
    sha256: { type: String, default: '' },
    size: { type: Number, default: 0 },
    columns: { type: Schema.Types.Mixed, default: {} },
    sameFileAs: { type: String, default: null },
    resumes: { type: String, default: null },
    year: { type: Number, default: null },
    period: { type: String, default: null },
    createdAt: { type: Date, required: true },
    heartbeatAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { ...base, collection: 'ledger_jobs' },
);
LedgerJobSchema.index({ kind: 1, regionCode: 1, createdAt: -1 });

/** Who works a job now: `_id` = "<jobId>:<attempt>", inserted before working it (insert wins). */
export interface LedgerJobLeaseDoc { _id: string; jobId: string; at: Date }
const LedgerJobLeaseSchema = new Schema<LedgerJobLeaseDoc>(
  { _id: { type: String, required: true }, jobId: { type: String, required: true }, at: { type: Date, required: true } },
  { ...base, collection: 'ledger_job_leases' },
);

/** A row of an import that did not add a disbursement (rejected, unmatched or duplicate). `_id` = "<importId>:<line>". */
export interface LedgerImportIssueDoc {
  _id: string;
  importId: string;
  line: number;
  status: 'duplicate' | 'rejected';
  idNumberMasked: string;
  programme: string;
  period: string;
  amountFen: number | null;
  problems: string[];
}
const LedgerImportIssueSchema = new Schema<LedgerImportIssueDoc>(
  {
    _id: { type: String, required: true },
    importId: { type: String, required: true },
    line: { type: Number, required: true },
    status: { type: String, required: true },
    idNumberMasked: { type: String, default: '' },
    programme: { type: String, default: '' },
    period: { type: String, default: '' },
    amountFen: { type: Number, default: null },
    problems: { type: [String], default: [] },
  },
  { ...base, collection: 'ledger_import_issues' },
);
LedgerImportIssueSchema.index({ importId: 1, line: 1 });

/** A source's column mapping, saved per region: `_id` = "<regionCode>:<source>". */
export interface LedgerImportMappingDoc { _id: string; regionCode: string; source: string; columns: Record<string, string>; amountUnit: 'yuan' | 'fen'; updatedBy: string; updatedAt: Date }
const LedgerImportMappingSchema = new Schema<LedgerImportMappingDoc>(
  {
    _id: { type: String, required: true },
    regionCode: { type: String, required: true },
    source: { type: String, required: true },
    columns: { type: Schema.Types.Mixed, default: {} },
    amountUnit: { type: String, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...base, collection: 'ledger_import_mappings' },
);

/** One publish of a region and year at a time: `_id` = "publish:<regionCode>:<year>" (insert wins; stale locks are taken over). */
export interface LedgerLockDoc { _id: string; jobId: string; heartbeatAt: Date }
const LedgerLockSchema = new Schema<LedgerLockDoc>(
  { _id: { type: String, required: true }, jobId: { type: String, required: true }, heartbeatAt: { type: Date, required: true } },
  { ...base, collection: 'ledger_locks' },
);

export interface LedgerModels extends HappinessListModels, HeldRowModels {
  Disbursement: Model<DisbursementDoc>;
  Job: Model<LedgerJobDoc>;
  JobLease: Model<LedgerJobLeaseDoc>;
  ImportIssue: Model<LedgerImportIssueDoc>;
  ImportMapping: Model<LedgerImportMappingDoc>;
  Lock: Model<LedgerLockDoc>;
}

export function registerLedgerModels(conn: Connection): LedgerModels {
  return {
    Disbursement: registerDisbursementModel(conn),
    Job: reuseModel(conn, 'LedgerJob', LedgerJobSchema),
    JobLease: reuseModel(conn, 'LedgerJobLease', LedgerJobLeaseSchema),
    ImportIssue: reuseModel(conn, 'LedgerImportIssue', LedgerImportIssueSchema),
    ImportMapping: reuseModel(conn, 'LedgerImportMapping', LedgerImportMappingSchema),
    Lock: reuseModel(conn, 'LedgerLock', LedgerLockSchema),
    ...registerHappinessListModels(conn),
    ...registerHeldRowModels(conn),
  };
}

export const ensureLedgerIndexes = (models: LedgerModels) => ensureIndexes(models);

export type { DisbursementDoc } from './disbursement';
export type * from './happinessList';
export type * from './heldRow';
