import type {
  DisbursementDoc, HappinessAnswerDoc, HappinessFeedbackDoc, HappinessListDoc, HappinessListVersionDoc, HappinessNoticeDoc, HappinessQuestionDoc, LedgerHeldDecisionDoc, LedgerHeldRowDoc,
  LedgerImportIssueDoc, LedgerImportMappingDoc, LedgerJobDoc, LedgerModels,
} from './models/ledger';
import { insertManyWins, insertWins, replaceById } from '../../core/db/insertWins';
import { regionWithin } from '../../core/scope/staffScope';

/** A published statement's `_id`: one per person (blind index of the ID number) and year, so reading it is one `_id` read. */
export const listId = (beneficiaryKey: string, year: number) => `${beneficiaryKey}:${year}`;

/** What a statement is summed from: a disbursement without its bookkeeping fields. */
export type StatementSourceRow = Pick<DisbursementDoc, 'beneficiaryKey' | 'programme' | 'period' | 'amountFen' | 'regionCode' | 'idNumberMasked'>;

/** Disbursements, jobs, imports and locks. Every region query is `regionWithin` on the stored `regionCode`. */
function ledgerRecords(m: LedgerModels) {
  return {
    insertDisbursements: (docs: DisbursementDoc[]) => insertManyWins(m.Disbursement, docs),
    insertDisbursement: (doc: DisbursementDoc) => insertWins(m.Disbursement, doc),
    findDisbursement: (id: string) => m.Disbursement.findById(id).lean<DisbursementDoc>().exec(),
    disbursementsOf: (beneficiaryKey: string, year?: number) =>
      m.Disbursement.find({ beneficiaryKey, ...(year ? { year } : {}) }).sort({ period: 1, createdAt: 1 }).lean<DisbursementDoc[]>().exec(),
    /** One page of a person's rows in a stable order (`_id` breaks ties), one more than asked so the caller knows whether another page follows. */
    disbursementPage: (beneficiaryKey: string, year: number | undefined, offset: number, limit: number) =>
      m.Disbursement.find({ beneficiaryKey, ...(year ? { year } : {}) }).sort({ period: 1, createdAt: 1, _id: 1 }).skip(offset).limit(limit + 1).lean<DisbursementDoc[]>().exec(),
    /** A region's rows of a year, only what a statement needs, in large batches (the publish's one scan; the driver, not mongoose, for speed). */
    statementRowsInRegion: (year: number, scope: string): AsyncIterable<StatementSourceRow> =>
      m.Disbursement.collection.find<StatementSourceRow>(
        { year, regionCode: regionWithin(scope) },
        { projection: { _id: 0, beneficiaryKey: 1, programme: 1, period: 1, amountFen: 1, regionCode: 1, idNumberMasked: 1 }, batchSize: 5000 },
      ),
    importedRows: (importId: string, limit: number) => m.Disbursement.find({ sourceRef: importId }).sort({ line: 1 }).limit(limit).lean<DisbursementDoc[]>().exec(),
    importedRowsCursor: (importId: string): AsyncIterable<DisbursementDoc> => m.Disbursement.find({ sourceRef: importId }).sort({ line: 1 }).lean<DisbursementDoc[]>().cursor(),

    createJob: (job: LedgerJobDoc) => m.Job.create(job),
    findJob: (id: string) => m.Job.findById(id).lean<LedgerJobDoc>().exec(),
    updateJob: (id: string, set: Partial<LedgerJobDoc>) => m.Job.updateOne({ _id: id }, { $set: set }).exec(),
    listJobs: (kind: LedgerJobDoc['kind'], scope: string, limit: number) =>
      m.Job.find({ kind, regionCode: regionWithin(scope) }).sort({ createdAt: -1 }).limit(limit).lean<LedgerJobDoc[]>().exec(),
    staleRunningJobs: (before: Date) => m.Job.find({ status: 'running', heartbeatAt: { $lt: before } }).lean<LedgerJobDoc[]>().exec(),
    sameFile: (source: string, sha256: string, exceptId: string) =>
      m.Job.find({ kind: 'import', source, sha256, _id: { $ne: exceptId } }).sort({ createdAt: 1 }).limit(1).lean<LedgerJobDoc[]>().exec(),
    /** Takes the next attempt of a job (insert wins): false when someone else took it. */
    takeLease: (jobId: string, attempt: number) => insertWins(m.JobLease, { _id: `${jobId}:${attempt}`, jobId, at: new Date() }),

    insertIssues: (docs: LedgerImportIssueDoc[]) => insertManyWins(m.ImportIssue, docs),
    issues: (importId: string, status: string | undefined, limit: number) =>
      m.ImportIssue.find({ importId, ...(status ? { status } : {}) }).sort({ line: 1 }).limit(limit).lean<LedgerImportIssueDoc[]>().exec(),
    issuesCursor: (importId: string): AsyncIterable<LedgerImportIssueDoc> => m.ImportIssue.find({ importId }).sort({ line: 1 }).lean<LedgerImportIssueDoc[]>().cursor(),

    findMapping: (regionCode: string, source: string) => m.ImportMapping.findById(`${regionCode}:${source}`).lean().exec(),
    saveMapping: (doc: Omit<LedgerImportMappingDoc, '_id' | 'updatedAt'>) =>
      replaceById(m.ImportMapping, { _id: `${doc.regionCode}:${doc.source}`, ...doc, updatedAt: new Date() }),

    /** Held rows (a name that differs): inserted once per import line, however often the import is resumed. */
    insertHeldRows: (docs: LedgerHeldRowDoc[]) => insertManyWins(m.HeldRow, docs),
    findHeldRow: (id: string) => m.HeldRow.findById(id).lean<LedgerHeldRowDoc>().exec(),
    heldRowsInRegion: (scope: string, filter: { status?: string; importId?: string }, offset: number, limit: number) =>
      m.HeldRow.find({ regionCode: regionWithin(scope), ...(filter.status ? { status: filter.status } : {}), ...(filter.importId ? { importId: filter.importId } : {}) })
        .sort({ createdAt: 1, _id: 1 }).skip(offset).limit(limit + 1).lean<LedgerHeldRowDoc[]>().exec(),
    /** An import's held rows in some statuses, by line. */
    heldRowsOfImport: (importId: string, statuses: LedgerHeldRowDoc['status'][], limit: number) =>
      m.HeldRow.find({ importId, status: { $in: statuses } }).sort({ line: 1 }).limit(limit).lean<LedgerHeldRowDoc[]>().exec(),
    heldRowsOfImportCursor: (importId: string): AsyncIterable<LedgerHeldRowDoc> =>
      m.HeldRow.find({ importId }).sort({ line: 1 }).lean<LedgerHeldRowDoc[]>().cursor(),
    /** Insert wins: false when the row was decided already. */
    insertHeldDecision: (doc: LedgerHeldDecisionDoc) => insertWins(m.HeldDecision, doc),
    findHeldDecision: (id: string) => m.HeldDecision.findById(id).lean<LedgerHeldDecisionDoc>().exec(),
    setHeldRow: (id: string, set: Partial<LedgerHeldRowDoc>) => m.HeldRow.updateOne({ _id: id }, { $set: set }).exec(),

    /** Insert wins: false when another job holds the lock. */
    insertLock: (id: string, jobId: string) => insertWins(m.Lock, { _id: id, jobId, heartbeatAt: new Date() }),
    findLock: (id: string) => m.Lock.findById(id).lean().exec(),
    /** Releases the lock only if that job still holds it. */
    releaseLock: (id: string, jobId: string | undefined) => m.Lock.deleteOne({ _id: id, jobId }).exec(),
  };
}

/** The 幸福清单: snapshots, versions, notices, feedback, questions and answers. */
function happinessRecords(m: LedgerModels) {
  return {
    findList: (id: string) => m.HappinessList.findById(id).lean<HappinessListDoc>().exec(),
    /** The published version and fingerprint of each statement of a region and year. */
    publishedInRegion: (year: number, scope: string): AsyncIterable<{ _id: string; version: number; fingerprint: string }> =>
      m.HappinessList.collection.find<{ _id: string; version: number; fingerprint: string }>({ year, regionCode: regionWithin(scope) }, { projection: { version: 1, fingerprint: 1 } }),
    insertListVersions: (docs: HappinessListVersionDoc[]) => insertManyWins(m.HappinessListVersion, docs),
    insertLists: (docs: HappinessListDoc[]) => insertManyWins(m.HappinessList, docs),
    replaceLists: async (docs: HappinessListDoc[]) => {
      if (docs.length) await m.HappinessList.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })), { ordered: false });
    },
    countLists: (year: number, scope: string) => m.HappinessList.countDocuments({ year, regionCode: regionWithin(scope) }).exec(),

    insertNotices: (docs: HappinessNoticeDoc[]) => insertManyWins(m.HappinessNotice, docs),
    pendingNotices: (year: number) => m.HappinessNotice.find({ year, push: 'pending' }).lean<HappinessNoticeDoc[]>().exec(),
    setNoticePush: (id: string, push: HappinessNoticeDoc['push']) => m.HappinessNotice.updateOne({ _id: id }, { $set: { push } }).exec(),
    noticesOf: (beneficiaryKey: string, limit: number) => m.HappinessNotice.find({ beneficiaryKey }).sort({ createdAt: -1 }).limit(limit).lean<HappinessNoticeDoc[]>().exec(),

    findFeedback: (id: string) => m.HappinessFeedback.findById(id).lean<HappinessFeedbackDoc>().exec(),
    /** Insert wins: false when this version was confirmed already. */
    insertConfirmation: (doc: HappinessFeedbackDoc) => insertWins<HappinessFeedbackDoc>(m.HappinessFeedback, doc),
    saveRating: (doc: HappinessFeedbackDoc) => replaceById(m.HappinessFeedback, doc),
    countConfirmations: (year: number, scope: string) => m.HappinessFeedback.countDocuments({ year, regionCode: regionWithin(scope), kind: 'confirm' }).exec(),
    ratingScores: async (year: number, scope: string) =>
      (await m.HappinessFeedback.find({ year, regionCode: regionWithin(scope), kind: 'rating' }, { score: 1 }).lean<{ score?: number }[]>().exec()).map((d) => d.score ?? 0),

    findQuestion: (id: string) => m.HappinessQuestion.findById(id).lean<HappinessQuestionDoc>().exec(),
    createQuestion: (q: HappinessQuestionDoc) => m.HappinessQuestion.create(q),
    questionsOf: (userId: string, year: number) => m.HappinessQuestion.find({ userId, year }).sort({ createdAt: -1 }).lean<HappinessQuestionDoc[]>().exec(),
    questionsInRegion: (scope: string, filter: { status?: string; year?: number }, limit: number) =>
      m.HappinessQuestion.find({ regionCode: regionWithin(scope), ...(filter.status ? { status: filter.status } : {}), ...(filter.year ? { year: filter.year } : {}) })
        .sort({ createdAt: -1 }).limit(limit).lean<HappinessQuestionDoc[]>().exec(),
    setQuestionStatus: (id: string, status: HappinessQuestionDoc['status'], at: Date) => m.HappinessQuestion.updateOne({ _id: id }, { $set: { status, updatedAt: at } }).exec(),
    countQuestions: (year: number, scope: string, open: boolean) =>
      m.HappinessQuestion.countDocuments({ year, regionCode: regionWithin(scope), status: open ? 'open' : { $ne: 'open' } }).exec(),
    answersTo: (questionId: string) => m.HappinessAnswer.find({ questionId }).sort({ at: 1 }).lean<HappinessAnswerDoc[]>().exec(),
    createAnswer: (a: HappinessAnswerDoc) => m.HappinessAnswer.create(a),
  };
}

export function ledgerRepository(m: LedgerModels) {
  return { ...ledgerRecords(m), ...happinessRecords(m) };
}
export type LedgerRepository = ReturnType<typeof ledgerRepository>;
