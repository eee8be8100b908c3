import type { AnyBulkWriteOperation } from 'mongoose';
import type { DisbursementDoc, HappinessListDoc, LedgerImportIssueDoc, LedgerJobDoc, LedgerModels } from './models/ledger';
import { insertWins } from '../../core/db/insertWins';
import { isDuplicateKey } from '../../core/errors/AppError';

/** Region filter usable on MongoDB and FerretDB: a code and everything under it (prefix match). */
export function regionFilter(prefix: string) {
  return { $regex: `^${prefix.replace(/[^0-9]/g, '')}` };
}

/**
 * insertMany, unordered, where a duplicate `_id` is an expected outcome (insert wins). Returns the
 * indexes of the documents that were NOT inserted because their key already existed. Any other
 * error is thrown. (FerretDB v1.24 reports these as a MongoBulkWriteError with one writeError of
 * code 11000 per duplicate and inserts the rest, as MongoDB does: test/integration/ledgerImports.test.ts.)
 */
export async function insertManyWins(collection: { insertMany(docs: any[], opts: { ordered: boolean }): Promise<unknown> }, docs: object[]): Promise<Set<number>> {
  const dups = new Set<number>();
  if (!docs.length) return dups;
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] }).writeErrors;
    if (!writeErrors) {
      if (isDuplicateKey(err) && docs.length === 1) { dups.add(0); return dups; }
      throw err;
    }
    for (const w of [writeErrors].flat()) {
      const code = w.code ?? w.err?.code;
      if (code !== 11000) throw err;
      dups.add(w.index);
    }
  }
  return dups;
}

export function ledgerRepository(m: LedgerModels) {
  return {
    models: m,
    insertDisbursements: (docs: DisbursementDoc[]) => insertManyWins(m.Disbursement.collection, docs),
    insertDisbursement: (doc: DisbursementDoc) => insertWins(m.Disbursement, doc),
    findDisbursement: (id: string) => m.Disbursement.findById(id).lean<DisbursementDoc>().exec(),
    disbursementsOf: (beneficiaryKey: string, year?: number) =>
      m.Disbursement.find({ beneficiaryKey, ...(year ? { year } : {}) }).sort({ period: 1, createdAt: 1 }).lean<DisbursementDoc[]>().exec(),
    importedRows: (importId: string, limit: number) => m.Disbursement.find({ sourceRef: importId }).sort({ line: 1 }).limit(limit).lean<DisbursementDoc[]>().exec(),
    importedRowsCursor: (importId: string) => m.Disbursement.find({ sourceRef: importId }).sort({ line: 1 }).lean<DisbursementDoc[]>().cursor(),

    createJob: (job: LedgerJobDoc) => m.Job.create(job),
    findJob: (id: string) => m.Job.findById(id).lean<LedgerJobDoc>().exec(),
    updateJob: (id: string, set: Partial<LedgerJobDoc>) => m.Job.updateOne({ _id: id }, { $set: set }).exec(),
    listJobs: (kind: LedgerJobDoc['kind'], regionPrefix: string, limit: number) =>
      m.Job.find({ kind, regionCode: regionFilter(regionPrefix) }).sort({ createdAt: -1 }).limit(limit).lean<LedgerJobDoc[]>().exec(),
    staleRunningJobs: (before: Date) => m.Job.find({ status: 'running', heartbeatAt: { $lt: before } }).lean<LedgerJobDoc[]>().exec(),
    sameFile: (source: string, sha256: string, exceptId: string) =>
      m.Job.find({ kind: 'import', source, sha256, _id: { $ne: exceptId } }).sort({ createdAt: 1 }).limit(1).lean<LedgerJobDoc[]>().exec(),
    /** Takes the next attempt of a job (insert wins): false when someone else took it. */
    takeLease: (jobId: string, attempt: number) => insertWins(m.JobLease, { _id: `${jobId}:${attempt}`, jobId, at: new Date() }),

    insertIssues: (docs: LedgerImportIssueDoc[]) => insertManyWins(m.ImportIssue.collection, docs),
    issues: (importId: string, status: string | undefined, limit: number) =>
      m.ImportIssue.find({ importId, ...(status ? { status } : {}) }).sort({ line: 1 }).limit(limit).lean<LedgerImportIssueDoc[]>().exec(),
    issuesCursor: (importId: string) => m.ImportIssue.find({ importId }).sort({ line: 1 }).lean<LedgerImportIssueDoc[]>().cursor(),

    findMapping: (regionCode: string, source: string) => m.ImportMapping.findById(`${regionCode}:${source}`).lean().exec(),
    saveMapping: (doc: { regionCode: string; source: string; columns: Record<string, string>; amountUnit: 'yuan' | 'fen'; updatedBy: string }) =>
      m.ImportMapping.replaceOne({ _id: `${doc.regionCode}:${doc.source}` }, { _id: `${doc.regionCode}:${doc.source}`, ...doc, updatedAt: new Date() }, { upsert: true }).exec(),

    // 幸福清单
    findList: (id: string) => m.HappinessList.findById(id).lean<HappinessListDoc>().exec(),
    writeLists: (ops: AnyBulkWriteOperation<HappinessListDoc>[]) => (ops.length ? m.HappinessList.bulkWrite(ops, { ordered: false }) : Promise.resolve(null)),
  };
}
export type LedgerRepository = ReturnType<typeof ledgerRepository>;
