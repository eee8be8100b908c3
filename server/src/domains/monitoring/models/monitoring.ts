import { Schema, type Connection, type Model } from 'mongoose';
import type { AlertLevel, AlertRule, AlertStatus, DepartmentRecord, MonitoredGroup, MonitoringSource, OutcomeKind, RecordKind } from '@dajiuzhu/shared';
import { ensureIndexes } from '../../../core/db/ensureIndexes';
import { registerNumberedStore, type NumberedStore } from '../../../core/db/numbered';

/**
 * Collections of 低收入人口动态监测 (docs/monitoring.md). Every guarantee is a unique `_id`:
 * - monitoring_people `_id` = the blind index of the ID number: each person once;
 * - monitoring_records `_id` = "<source>:<hash of the row's natural key>": a department row is
 *   stored once however often the file is sent;
 * - monitoring_alerts `_id` = "al_<hash of person, rule, period>": one alert per person, rule and
 *   period (a second evaluation of the same data adds nothing); help requests and reports
 *   `_id` = "hr_<hash of reporter and request key>" (a retried submit is the same report);
 * - monitoring_alert_events `_id` = eventId(alert, sequence): each change of an alert once, in order;
 * - monitoring_import_issues `_id` = "<importId>:<line>": each problem row reported once;
 * - monitoring_rule_sets `_id` = "<regionCode>:<effectiveFrom>": one version per region and day;
 * - monitoring_job_leases `_id` = "<jobId>:<attempt>": one worker per job attempt;
 * - monitoring_report_numbers `_id` = "<userId>:<day>:<n>", n ≤ the daily cap (core/db/numbered).
 */
const base = { versionKey: false as const, minimize: false };
const Mixed = Schema.Types.Mixed;

export interface MonitoredPersonDoc {
  _id: string;
  name: string;
  idNumberMasked: string;
  /** Encrypted (core/crypto/pii) when the number came from an imported list; '' when from an entitlement (which exports only the blind index). */
  idNumberCipher: string;
  group: MonitoredGroup;
  regionCode: string;
  householdKey: string;
  householdIncomeFen: number | null;
  householdSize: number | null;
  origins: string[];
  updatedAt: Date;
}
const PersonSchema = new Schema<MonitoredPersonDoc>({
  _id: { type: String, required: true }, name: { type: String, default: '' }, idNumberMasked: { type: String, required: true }, idNumberCipher: { type: String, default: '' },
  group: { type: String, required: true }, regionCode: { type: String, required: true }, householdKey: { type: String, default: '' },
  householdIncomeFen: { type: Number, default: null }, householdSize: { type: Number, default: null }, origins: { type: [String], default: [] }, updatedAt: { type: Date, required: true },
}, { ...base, collection: 'monitoring_people' });
PersonSchema.index({ regionCode: 1 });

/** A stored department row: the shared DepartmentRecord the rules judge, with where it came from. */
export interface RecordDoc extends DepartmentRecord {
  _id: string;
  personKey: string;
  source: MonitoringSource;
  regionCode: string;
  importId: string;
  line: number;
  createdAt: Date;
}
const RecordSchema = new Schema<RecordDoc>({
  _id: { type: String, required: true }, personKey: { type: String, required: true }, source: { type: String, required: true }, kind: { type: String, required: true },
  date: { type: String, required: true }, amountFen: { type: Number, default: null }, totalFen: { type: Number, default: null }, grade: { type: Number, default: null },
  text: { type: String, default: '' }, reference: { type: String, default: '' }, regionCode: { type: String, required: true }, importId: { type: String, required: true },
  line: { type: Number, required: true }, createdAt: { type: Date, required: true },
}, { ...base, collection: 'monitoring_records' });
RecordSchema.index({ regionCode: 1 });
RecordSchema.index({ personKey: 1 });

export interface ImportIssueDoc { _id: string; importId: string; line: number; status: 'rejected' | 'unmatched' | 'duplicate'; idNumberMasked: string; problems: string[] }
const IssueSchema = new Schema<ImportIssueDoc>({
  _id: { type: String, required: true }, importId: { type: String, required: true }, line: { type: Number, required: true }, status: { type: String, required: true },
  idNumberMasked: { type: String, default: '' }, problems: { type: [String], default: [] },
}, { ...base, collection: 'monitoring_import_issues' });
IssueSchema.index({ importId: 1, line: 1 });

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';
export interface JobDoc {
  _id: string;
  kind: 'import' | 'evaluation';
  status: JobStatus;
  regionCode: string;
  actorId: string;
  attempt: number;
  /** Import: last line committed. Evaluation: records read. */
  checkpoint: number;
  counts: Record<string, number>;
  source: string;
  fileName: string;
  filePath: string;
  format: string;
  encoding: string;
  sha256: string;
  columns: Record<string, number>;
  asOf: string;
  evaluationId: string | null;
  error: { code: string; message: string } | null;
  heartbeatAt: Date;
  createdAt: Date;
  finishedAt: Date | null;
}
const JobSchema = new Schema<JobDoc>({
  _id: { type: String, required: true }, kind: { type: String, required: true }, status: { type: String, required: true }, regionCode: { type: String, required: true },
  actorId: { type: String, required: true }, attempt: { type: Number, required: true }, checkpoint: { type: Number, default: 0 }, counts: { type: Mixed, default: {} },
  source: { type: String, default: '' }, fileName: { type: String, default: '' }, filePath: { type: String, default: '' }, format: { type: String, default: '' },
  encoding: { type: String, default: '' }, sha256: { type: String, default: '' }, columns: { type: Mixed, default: {} }, asOf: { type: String, default: '' },
  evaluationId: { type: String, default: null }, error: { type: Mixed, default: null }, heartbeatAt: { type: Date, required: true }, createdAt: { type: Date, required: true },
  finishedAt: { type: Date, default: null },
}, { ...base, collection: 'monitoring_jobs' });
JobSchema.index({ kind: 1, regionCode: 1, createdAt: -1 });
JobSchema.index({ status: 1, heartbeatAt: 1 });

export interface JobLeaseDoc { _id: string; jobId: string; at: Date }
const JobLeaseSchema = new Schema<JobLeaseDoc>({ _id: { type: String, required: true }, jobId: { type: String, required: true }, at: { type: Date, required: true } }, { ...base, collection: 'monitoring_job_leases' });

export interface MappingDoc { _id: string; regionCode: string; source: string; columns: Record<string, string>; updatedBy: string; updatedAt: Date }
const MappingSchema = new Schema<MappingDoc>({
  _id: { type: String, required: true }, regionCode: { type: String, required: true }, source: { type: String, required: true }, columns: { type: Mixed, default: {} },
  updatedBy: { type: String, required: true }, updatedAt: { type: Date, required: true },
}, { ...base, collection: 'monitoring_import_mappings' });

export interface RuleSetDoc { _id: string; regionCode: string; effectiveFrom: string; rules: AlertRule[]; createdBy: string; createdAt: Date }
const RuleSetSchema = new Schema<RuleSetDoc>({
  _id: { type: String, required: true }, regionCode: { type: String, required: true }, effectiveFrom: { type: String, required: true }, rules: { type: Mixed, default: [] },
  createdBy: { type: String, required: true }, createdAt: { type: Date, required: true },
}, { ...base, collection: 'monitoring_rule_sets' });
RuleSetSchema.index({ regionCode: 1, effectiveFrom: -1 });

export interface AssigneeDoc { userId: string; role: 'staff' | 'gridWorker'; regionCode: string; name: string }
export interface VisitDoc {
  id: string; key: string; visitedAt: Date; byUserId: string; seen: string; photoFileIds: string[];
  situation: { householdSize?: number; householdIncomeFen?: number; note?: string };
  outcome: { kind: OutcomeKind; reason: string; referTo: string; programme: string; consentGiven: boolean; consentName: string; signatureFileId: string; applicationId: string | null };
}
export interface TimelineDoc { action: string; at: Date; actorId: string; note: string }
export interface EvidenceDoc {
  summary: string;
  items: { kind: RecordKind; date: string; amountFen: number | null; grade: number | null; text: string }[];
  measuredFen: number | null; thresholdFen: number | null; sharePercent: number | null; thresholdPercent: number | null;
}
export interface AlertDoc {
  _id: string;
  sequence: number;
  origin: 'dataComparison' | 'helpRequest' | 'hardshipReport';
  source: string;
  ruleId: string;
  ruleKind: string;
  period: string;
  level: AlertLevel;
  status: AlertStatus;
  /** The person's blind index ('' for a 随手拍 report about someone not identified). */
  personKey: string;
  subjectName: string;
  idNumberMasked: string;
  group: MonitoredGroup | null;
  householdSize: number | null;
  householdIncomeFen: number | null;
  regionCode: string;
  evidence: EvidenceDoc;
  /** 一键求助 / 随手拍: who reported (never shown to staff as a person's details; used for "my reports"). */
  reporterId: string;
  report: { text: string; address: string; photoFileIds: string[] } | null;
  assignee: AssigneeDoc | null;
  assigneeId: string;
  visits: VisitDoc[];
  timeline: TimelineDoc[];
  outcome: OutcomeKind | null;
  deadline: string;
  evaluationId: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}
const AlertSchema = new Schema<AlertDoc>({
  _id: { type: String, required: true }, sequence: { type: Number, required: true }, origin: { type: String, required: true }, source: { type: String, required: true },
  ruleId: { type: String, default: '' }, ruleKind: { type: String, default: '' }, period: { type: String, default: '' }, level: { type: String, required: true },
  status: { type: String, required: true }, personKey: { type: String, default: '' }, subjectName: { type: String, default: '' }, idNumberMasked: { type: String, default: '' },
  group: { type: String, default: null }, householdSize: { type: Number, default: null }, householdIncomeFen: { type: Number, default: null },
  regionCode: { type: String, required: true }, evidence: { type: Mixed, required: true }, reporterId: { type: String, default: '' }, report: { type: Mixed, default: null },
  assignee: { type: Mixed, default: null }, assigneeId: { type: String, default: '' }, visits: { type: Mixed, default: [] }, timeline: { type: Mixed, default: [] },
  outcome: { type: String, default: null }, deadline: { type: String, required: true }, evaluationId: { type: String, default: '' },
  createdAt: { type: Date, required: true }, updatedAt: { type: Date, required: true }, closedAt: { type: Date, default: null },
}, { ...base, collection: 'monitoring_alerts' });
AlertSchema.index({ regionCode: 1, status: 1 });
AlertSchema.index({ assigneeId: 1, status: 1 });
AlertSchema.index({ reporterId: 1, createdAt: -1 });
AlertSchema.index({ source: 1, regionCode: 1, status: 1 });

export interface AlertEventDoc { _id: string; alertId: string; sequence: number; action: string; actorId: string; at: Date; note: string; data: Record<string, unknown> }
const AlertEventSchema = new Schema<AlertEventDoc>({
  _id: { type: String, required: true }, alertId: { type: String, required: true }, sequence: { type: Number, required: true }, action: { type: String, required: true },
  actorId: { type: String, required: true }, at: { type: Date, required: true }, note: { type: String, default: '' }, data: { type: Mixed, default: {} },
}, { ...base, collection: 'monitoring_alert_events' });

export interface MonitoringModels {
  Person: Model<MonitoredPersonDoc>;
  Record: Model<RecordDoc>;
  Issue: Model<ImportIssueDoc>;
  Job: Model<JobDoc>;
  JobLease: Model<JobLeaseDoc>;
  Mapping: Model<MappingDoc>;
  RuleSet: Model<RuleSetDoc>;
  Alert: Model<AlertDoc>;
  AlertEvent: Model<AlertEventDoc>;
}

export function registerMonitoringModels(conn: Connection): { models: MonitoringModels; reportNumbers: NumberedStore } {
  const get = <T>(name: string, schema: Schema<T>): Model<T> => (conn.models[name] as Model<T>) ?? conn.model<T>(name, schema);
  return {
    models: {
      Person: get('MonitoredPerson', PersonSchema),
      Record: get('MonitoringRecord', RecordSchema),
      Issue: get('MonitoringImportIssue', IssueSchema),
      Job: get('MonitoringJob', JobSchema),
      JobLease: get('MonitoringJobLease', JobLeaseSchema),
      Mapping: get('MonitoringImportMapping', MappingSchema),
      RuleSet: get('MonitoringRuleSet', RuleSetSchema),
      Alert: get('MonitoringAlert', AlertSchema),
      AlertEvent: get('MonitoringAlertEvent', AlertEventSchema),
    },
    reportNumbers: registerNumberedStore(conn, 'monitoring_report'),
  };
}

export async function ensureMonitoringIndexes(models: MonitoringModels, reportNumbers: NumberedStore): Promise<void> {
  await ensureIndexes(models);
  await ensureIndexes({ numbers: reportNumbers.numbers, hints: reportNumbers.hints });
}
