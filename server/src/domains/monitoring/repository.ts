import type { AlertStatus } from '@dajiuzhu/shared';
import { insertManyWins, insertWins, replaceById } from '../../core/db/insertWins';
import { isDuplicateKey } from '../../core/errors/AppError';
import { regionWithin } from '../../core/scope/staffScope';
import type {
  AlertDoc, AlertEventDoc, ImportIssueDoc, JobDoc, MappingDoc, MonitoredPersonDoc, MonitoringModels, RecordDoc, RuleSetDoc,
} from './models/monitoring';

/** Every database access of the monitoring domain (operator subset of docs/database.md; each query names the index it uses). */
export function monitoringRepository(m: MonitoringModels) {
  return {
    // ---------- people (monitoring_people; `_id` = blind index) ----------
    peopleByIds: (ids: string[]) => (ids.length ? m.Person.find({ _id: { $in: ids } }).lean<MonitoredPersonDoc[]>().exec() : Promise.resolve([])),
    findPerson: (id: string) => m.Person.findById(id).lean<MonitoredPersonDoc>().exec(),
    /** Writes whole person documents (merged by the caller); a concurrent first insert is retried as a replace. */
    async savePeople(docs: MonitoredPersonDoc[]): Promise<void> {
      if (!docs.length) return;
      try {
        await m.Person.bulkWrite(docs.map((d) => ({ replaceOne: { filter: { _id: d._id }, replacement: d, upsert: true } })), { ordered: false });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        for (const d of docs) await replaceById(m.Person, d);
      }
    },
    /** Index regionCode_1. */
    /** Index regionCode_1; what the evaluation keeps of a person (services/evaluationState.ts). */
    peopleInRegionCursor: (scope: string) => m.Person.find({ regionCode: regionWithin(scope) }, { _id: 1, name: 1, idNumberMasked: 1, group: 1, householdIncomeFen: 1, householdSize: 1, regionCode: 1 })
      .lean<Pick<MonitoredPersonDoc, '_id' | 'name' | 'idNumberMasked' | 'group' | 'householdIncomeFen' | 'householdSize' | 'regionCode'>>().cursor({ batchSize: 2000 }),
    peopleInRegion: (scope: string, group: string | undefined, limit: number) =>
      m.Person.find({ regionCode: regionWithin(scope), ...(group ? { group } : {}) }).sort({ _id: 1 }).limit(limit).lean<MonitoredPersonDoc[]>().exec(),
    /** One accumulator per $group (FerretDB v1.24). Index regionCode_1. */
    async countPeopleByGroup(scope: string): Promise<{ _id: string; n: number }[]> {
      return m.Person.aggregate<{ _id: string; n: number }>([{ $match: { regionCode: regionWithin(scope) } }, { $group: { _id: '$group', n: { $sum: 1 } } }]).exec();
    },

    // ---------- department records (monitoring_records) ----------
    insertRecords: (docs: RecordDoc[]) => insertManyWins(m.Record, docs),
    findRecord: (id: string) => m.Record.findById(id, { importId: 1 }).lean<Pick<RecordDoc, '_id' | 'importId'>>().exec(),
    /** Index regionCode_1; only the fields rules read. */
    recordsInRegionCursor: (scope: string) => m.Record.find({ regionCode: regionWithin(scope) }, { _id: 0, personKey: 1, kind: 1, date: 1, amountFen: 1, totalFen: 1, grade: 1, text: 1, reference: 1 })
      .lean<Pick<RecordDoc, 'personKey' | 'kind' | 'date' | 'amountFen' | 'totalFen' | 'grade' | 'text' | 'reference'>>().cursor({ batchSize: 2000 }),

    // ---------- import issues ----------
    insertIssues: (docs: ImportIssueDoc[]) => insertManyWins(m.Issue, docs),
    /** Index importId_1_line_1. */
    issues: (importId: string, status: string | undefined, limit: number) =>
      m.Issue.find({ importId, ...(status ? { status } : {}) }).sort({ line: 1 }).limit(limit).lean<ImportIssueDoc[]>().exec(),

    // ---------- jobs ----------
    createJob: (doc: JobDoc) => m.Job.create(doc),
    findJob: (id: string) => m.Job.findById(id).lean<JobDoc>().exec(),
    updateJob: (id: string, set: Partial<JobDoc>) => m.Job.updateOne({ _id: id }, { $set: set }).exec(),
    /** Index kind_1_regionCode_1_createdAt_-1. */
    listJobs: (kind: JobDoc['kind'], scope: string, limit: number) =>
      m.Job.find({ kind, regionCode: regionWithin(scope) }).sort({ createdAt: -1 }).limit(limit).lean<JobDoc[]>().exec(),
    /** Index status_1_heartbeatAt_1. */
    staleRunningJobs: (before: Date) => m.Job.find({ status: 'running', heartbeatAt: { $lt: before } }).limit(100).lean<JobDoc[]>().exec(),
    takeLease: (jobId: string, attempt: number) => insertWins(m.JobLease, { _id: `${jobId}:${attempt}`, jobId, at: new Date() }),

    // ---------- mappings ----------
    findMapping: (regionCode: string, source: string) => m.Mapping.findById(`${regionCode}:${source}`).lean<MappingDoc>().exec(),
    saveMapping: (doc: Omit<MappingDoc, '_id' | 'updatedAt'>) => replaceById(m.Mapping, { ...doc, _id: `${doc.regionCode}:${doc.source}`, updatedAt: new Date() }),

    // ---------- rule sets ----------
    insertRuleSet: (doc: RuleSetDoc) => insertWins(m.RuleSet, doc),
    /** Versions of the given regions (a region and those above it). Index regionCode_1_effectiveFrom_-1. */
    /** Versions inside a region (a city's rules for its counties). Index regionCode_1_effectiveFrom_-1. */
    ruleSetsWithin: (scope: string) => m.RuleSet.find({ regionCode: regionWithin(scope) }).sort({ effectiveFrom: -1 }).limit(200).lean<RuleSetDoc[]>().exec(),
    ruleSetsOf: (regionCodes: string[]) => m.RuleSet.find({ regionCode: { $in: regionCodes } }).sort({ effectiveFrom: -1 }).limit(200).lean<RuleSetDoc[]>().exec(),

    // ---------- alerts ----------
    insertAlerts: (docs: AlertDoc[]) => insertManyWins(m.Alert, docs),
    insertAlert: (doc: AlertDoc) => insertWins(m.Alert, doc),
    findAlert: (id: string) => m.Alert.findById(id).lean<AlertDoc>().exec(),
    /** Sets fields of the alert as event `sequence` leaves it (only from the sequence before: applying twice is harmless). */
    applyAlert: (id: string, sequence: number, set: Partial<AlertDoc>) => m.Alert.updateOne({ _id: id, sequence: sequence - 1 }, { $set: { ...set, sequence } }).exec(),
    findAlertEvent: (alertId: string, eventKey: string) => m.AlertEvent.findById(eventKey).lean<AlertEventDoc>().exec(),
    insertAlertEvent: (doc: AlertEventDoc) => insertWins(m.AlertEvent, doc),
    /** Index regionCode_1_status_1. */
    listAlerts: (scope: string, filter: { status?: AlertStatus; level?: string; source?: string }, limit: number) =>
      m.Alert.find({ regionCode: regionWithin(scope), ...filter }).sort({ createdAt: -1 }).limit(limit).lean<AlertDoc[]>().exec(),
    /** Index assigneeId_1_status_1. */
    tasksOf: (userId: string) => m.Alert.find({ assigneeId: userId, status: { $in: ['assigned', 'visited'] } }).sort({ deadline: 1 }).limit(200).lean<AlertDoc[]>().exec(),
    /** Index reporterId_1_createdAt_-1. */
    reportsOf: (userId: string) => m.Alert.find({ reporterId: userId }).sort({ createdAt: -1 }).limit(50).lean<AlertDoc[]>().exec(),
    /** Counts by one field inside a region (one accumulator per $group). Index regionCode_1_status_1. */
    countAlertsBy: (scope: string, field: 'level' | 'source' | 'status', match: Record<string, unknown> = {}) =>
      m.Alert.aggregate<{ _id: string; n: number }>([{ $match: { regionCode: regionWithin(scope), ...match } }, { $group: { _id: `$${field}`, n: { $sum: 1 } } }]).exec(),
    /** The fields the dashboard reads, streamed. Index regionCode_1_status_1. */
    alertFactsCursor: (scope: string) => m.Alert.find({ regionCode: regionWithin(scope) }, { _id: 0, regionCode: 1, status: 1, deadline: 1, createdAt: 1, closedAt: 1, outcome: 1 })
      .lean<Pick<AlertDoc, 'regionCode' | 'status' | 'deadline' | 'createdAt' | 'closedAt' | 'outcome'>>().cursor({ batchSize: 2000 }),
    /** Closed alerts of a source, for the department's feedback. Index source_1_regionCode_1_status_1. */
    closedOfSourceCursor: (source: string, scope: string) => m.Alert.find({ source, regionCode: regionWithin(scope), status: 'closed' }).sort({ closedAt: 1 }).lean<AlertDoc>().cursor({ batchSize: 500 }),
  };
}
export type MonitoringRepository = ReturnType<typeof monitoringRepository>;
