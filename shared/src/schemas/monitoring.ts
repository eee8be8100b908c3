import { Type, type Static } from '@sinclair/typebox';
import { CalendarDate, IsoDateTime, RegionCode, StrictObject } from './common';
import { MONITORED_GROUPS } from '../monitoring/groups';
import { MONITORING_FIELDS, MONITORING_SOURCES } from '../monitoring/sources';
import { ALERT_LEVELS, ASSET_KINDS, RULE_KINDS } from '../monitoring/rules';
import { ALERT_ACTIONS, ALERT_STATUSES, OUTCOME_KINDS, REPORT_STATUSES } from '../monitoring/alertMachine';
import { RECORD_KINDS } from '../monitoring/records';

/** Schemas of 低收入人口动态监测 (docs/monitoring.md; routes listed in docs/monitoring.md, "API"). */

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});

export const MonitoringSourceCode = literals(MONITORING_SOURCES, '数据来源：medical 医保, disability 残联, humanResources 人社, publicSecurity 公安, education 教育, assets 资产, hotline12345 12345 热线, populationList 监测名单');
export const MonitoredGroupCode = literals(MONITORED_GROUPS, '监测类别');
export const AlertLevelCode = literals(ALERT_LEVELS, '预警等级 red 红 / orange 橙 / yellow 黄');
export const AlertStatusCode = literals(ALERT_STATUSES, '预警状态');
export const AlertActionCode = literals(ALERT_ACTIONS);
export const OutcomeKindCode = literals(OUTCOME_KINDS, '核查结果：enrol 纳入救助 / emergencyAid 先行救助 / refer 转介 / noAssistanceNeeded 无需救助 / notFound 未见到人');
export const AlertOrigin = literals(['dataComparison', 'helpRequest', 'hardshipReport'] as const, '来源：数据比对 / 一键求助 / 随手拍');
export const MonitoringJobStatus = literals(['queued', 'running', 'done', 'failed', 'interrupted'] as const);
const JobError = Type.Object({ code: Type.String(), message: Type.String() });
const Fen = Type.Integer({ minimum: 0, description: '金额，单位：分' });
/** A client-chosen key that makes a retried request idempotent. */
const RequestKey = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '客户端生成的幂等键：重试同一请求不会重复创建' });

export const AlertIdParams = StrictObject({ alertId: Type.String({ pattern: '^(al|hr)_[A-Za-z0-9_-]{8,40}$' }) });
export type AlertIdParams = Static<typeof AlertIdParams>;
export const MonitoringImportIdParams = StrictObject({ importId: Type.String({ pattern: '^mim_[A-Za-z0-9_-]{8,40}$' }) });
export const EvaluationIdParams = StrictObject({ evaluationId: Type.String({ pattern: '^mev_[A-Za-z0-9_-]{8,40}$' }) });
export const MonitoringSourceParams = StrictObject({ source: MonitoringSourceCode });

// ---------- sources and mappings ----------
export const MonitoringSourceView = Type.Object({
  code: MonitoringSourceCode,
  name: Type.String(),
  fields: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), required: Type.Boolean(), headers: Type.Array(Type.String()) })),
});
export const MonitoringSourceList = Type.Object({ sources: Type.Array(MonitoringSourceView) });
export type MonitoringSourceList = Static<typeof MonitoringSourceList>;

export const MonitoringMappingBody = StrictObject({
  columns: StrictObject(Object.fromEntries(MONITORING_FIELDS.map((f) => [f, Type.Optional(Type.String({ maxLength: 60 }))]))),
});
export type MonitoringMappingBody = Static<typeof MonitoringMappingBody>;
export const MonitoringMappingView = Type.Object({
  source: MonitoringSourceCode,
  regionCode: RegionCode,
  columns: Type.Record(Type.String(), Type.String()),
  saved: Type.Boolean(),
});
export type MonitoringMappingView = Static<typeof MonitoringMappingView>;

// ---------- imports ----------
export const MonitoringImportQuery = StrictObject({
  source: MonitoringSourceCode,
  encoding: Type.Optional(literals(['auto', 'utf8', 'gbk'] as const, 'CSV 的文字编码；auto = 自动识别')),
});
export type MonitoringImportQuery = Static<typeof MonitoringImportQuery>;

export const MonitoringImportCounts = Type.Object({
  rows: Type.Integer(), accepted: Type.Integer(), duplicates: Type.Integer(), rejected: Type.Integer(),
  /** Rows about people not on the watch list (kept out; a list import adds people instead). */
  unmatched: Type.Integer(),
});
export const MonitoringImportView = Type.Object({
  id: Type.String(),
  source: MonitoringSourceCode,
  sourceName: Type.String(),
  fileName: Type.String(),
  format: literals(['csv', 'xlsx'] as const),
  encoding: Type.String(),
  regionCode: RegionCode,
  status: MonitoringJobStatus,
  counts: MonitoringImportCounts,
  /** The rule evaluation started when the import finished (null before, and for a list import that added nobody new). */
  evaluationId: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([JobError, Type.Null()]),
  createdAt: IsoDateTime,
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type MonitoringImportView = Static<typeof MonitoringImportView>;
export const MonitoringImportList = Type.Object({ imports: Type.Array(MonitoringImportView) });

export const MonitoringImportReportQuery = StrictObject({
  status: Type.Optional(literals(['rejected', 'unmatched', 'duplicate'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export const MonitoringImportReportRow = Type.Object({
  line: Type.Integer(),
  status: literals(['rejected', 'unmatched', 'duplicate'] as const),
  idNumberMasked: Type.String(),
  problems: Type.Array(Type.String()),
  reason: Type.String(),
});
export const MonitoringImportReport = Type.Object({ import: MonitoringImportView, rows: Type.Array(MonitoringImportReportRow), truncated: Type.Boolean() });
export type MonitoringImportReport = Static<typeof MonitoringImportReport>;

// ---------- population ----------
export const PopulationQuery = StrictObject({
  regionCode: Type.Optional(RegionCode),
  group: Type.Optional(MonitoredGroupCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const MonitoredPersonView = Type.Object({
  id: Type.String({ description: '监测对象编号（不是身份证号）' }),
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  group: MonitoredGroupCode,
  regionCode: RegionCode,
  householdSize: Type.Union([Type.Integer(), Type.Null()]),
  origins: Type.Array(Type.String({ description: 'entitlement（本系统救助对象）或 list（导入名单）' })),
});
export const PopulationSummary = Type.Object({
  regionCode: RegionCode,
  total: Type.Integer(),
  byGroup: Type.Array(Type.Object({ group: MonitoredGroupCode, label: Type.String(), count: Type.Integer() })),
  people: Type.Array(MonitoredPersonView),
});
export type PopulationSummary = Static<typeof PopulationSummary>;
export const PopulationSyncView = Type.Object({ regionCode: RegionCode, added: Type.Integer(), updated: Type.Integer(), total: Type.Integer() });

// ---------- rules ----------
export const AlertRuleBody = StrictObject({
  id: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  kind: literals(RULE_KINDS),
  enabled: Type.Boolean(),
  groups: Type.Array(MonitoredGroupCode, { maxItems: 5 }),
  level: AlertLevelCode,
  thresholds: StrictObject({
    amountFen: Type.Optional(Type.Integer()),
    redAmountFen: Type.Optional(Type.Integer()),
    incomeSharePercent: Type.Optional(Type.Number()),
    redIncomeSharePercent: Type.Optional(Type.Number()),
    windowMonths: Type.Optional(Type.Integer()),
    maxGrade: Type.Optional(Type.Integer()),
    recentMonths: Type.Optional(Type.Integer()),
    assetKinds: Type.Optional(Type.Array(literals(ASSET_KINDS), { maxItems: 3 })),
  }),
  source: StrictObject({ title: Type.String({ minLength: 1, maxLength: 200 }), url: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://' })) }),
});
export type AlertRuleBody = Static<typeof AlertRuleBody>;
export const RuleSetBody = StrictObject({
  regionCode: RegionCode,
  effectiveFrom: CalendarDate,
  rules: Type.Array(AlertRuleBody, { minItems: 1, maxItems: 30 }),
});
export type RuleSetBody = Static<typeof RuleSetBody>;
export const RuleSetView = Type.Object({
  regionCode: RegionCode,
  effectiveFrom: CalendarDate,
  /** True for the built-in defaults (no version saved for the region yet). */
  isDefault: Type.Boolean(),
  rules: Type.Array(Type.Composite([AlertRuleBody, Type.Object({ kindLabel: Type.String() })])),
  createdAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type RuleSetView = Static<typeof RuleSetView>;
export const RulesQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });
export const RuleSetList = Type.Object({ inForce: RuleSetView, versions: Type.Array(RuleSetView) });
export type RuleSetList = Static<typeof RuleSetList>;

// ---------- evaluations ----------
export const StartEvaluationBody = StrictObject({ regionCode: Type.Optional(RegionCode), asOf: Type.Optional(CalendarDate) });
export const EvaluationView = Type.Object({
  id: Type.String(),
  regionCode: RegionCode,
  asOf: CalendarDate,
  status: MonitoringJobStatus,
  counts: Type.Object({ people: Type.Integer(), records: Type.Integer(), alertsNew: Type.Integer(), alertsExisting: Type.Integer() }),
  error: Type.Union([JobError, Type.Null()]),
  createdAt: IsoDateTime,
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type EvaluationView = Static<typeof EvaluationView>;

// ---------- alerts ----------
export const EvidenceItemView = Type.Object({
  kind: literals(RECORD_KINDS), kindLabel: Type.String(), date: CalendarDate, amountFen: Type.Union([Fen, Type.Null()]), grade: Type.Union([Type.Integer(), Type.Null()]), text: Type.String(),
});
export const AlertEvidenceView = Type.Object({
  summary: Type.String(),
  items: Type.Array(EvidenceItemView),
  measuredFen: Type.Union([Fen, Type.Null()]),
  thresholdFen: Type.Union([Fen, Type.Null()]),
  sharePercent: Type.Union([Type.Number(), Type.Null()]),
  thresholdPercent: Type.Union([Type.Number(), Type.Null()]),
});
export const AssigneeView = Type.Object({ userId: Type.String(), role: literals(['staff', 'gridWorker'] as const), regionCode: RegionCode, name: Type.String({ description: '姓名（脱敏）或“网格员”' }) });
export type AssigneeView = Static<typeof AssigneeView>;

export const AlertSummaryView = Type.Object({
  id: Type.String(),
  origin: AlertOrigin,
  source: Type.String({ description: '数据来源代码；一键求助为 helpRequest，随手拍为 hardshipReport' }),
  sourceName: Type.String(),
  ruleId: Type.String(),
  ruleName: Type.String(),
  level: AlertLevelCode,
  status: AlertStatusCode,
  statusLabel: Type.String(),
  period: Type.String(),
  regionCode: RegionCode,
  subject: Type.Object({ nameMasked: Type.String(), idNumberMasked: Type.String() }),
  summary: Type.String(),
  assignee: Type.Union([AssigneeView, Type.Null()]),
  deadline: CalendarDate,
  overdue: Type.Boolean(),
  outcome: Type.Union([OutcomeKindCode, Type.Null()]),
  createdAt: IsoDateTime,
  closedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type AlertSummaryView = Static<typeof AlertSummaryView>;
export const AlertListQuery = StrictObject({
  status: Type.Optional(AlertStatusCode),
  level: Type.Optional(AlertLevelCode),
  source: Type.Optional(Type.String({ maxLength: 20, pattern: '^[A-Za-z0-9]+$' })),
  overdue: Type.Optional(Type.Boolean()),
  regionCode: Type.Optional(RegionCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export const AlertList = Type.Object({ alerts: Type.Array(AlertSummaryView) });
export type AlertList = Static<typeof AlertList>;

export const VisitOutcomeBody = StrictObject({
  kind: OutcomeKindCode,
  /** noAssistanceNeeded, notFound: why. */
  reason: Type.Optional(Type.String({ maxLength: 300 })),
  /** refer: to whom (a charity or a department). */
  referTo: Type.Optional(Type.String({ maxLength: 100 })),
  /** enrol: the programme applied for on the person's behalf. */
  programme: Type.Optional(literals(['dibao', 'tekun', 'dibaoEdge', 'expenditureHardship', 'temporary', 'disabilityLiving', 'disabilityCare'] as const)),
  /** enrol: the person's consent, given on the worker's phone. */
  consent: Type.Optional(StrictObject({ agreed: Type.Literal(true), signedName: Type.String({ minLength: 1, maxLength: 30 }), signatureFileId: Type.Optional(Type.String({ maxLength: 64 })) })),
});
export type VisitOutcomeBody = Static<typeof VisitOutcomeBody>;
export const VisitSituation = StrictObject({
  householdSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
  householdIncomeFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export const RecordVisitBody = StrictObject({
  visitKey: RequestKey,
  visitedAt: IsoDateTime,
  seen: Type.String({ minLength: 1, maxLength: 1000, description: '看到的情况' }),
  photoFileIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 6 }),
  situation: VisitSituation,
  outcome: VisitOutcomeBody,
});
export type RecordVisitBody = Static<typeof RecordVisitBody>;
export const VisitView = Type.Object({
  id: Type.String(),
  visitedAt: IsoDateTime,
  byUserId: Type.String(),
  seen: Type.String(),
  photoFileIds: Type.Array(Type.String()),
  situation: Type.Object({ householdSize: Type.Optional(Type.Integer()), householdIncomeFen: Type.Optional(Type.Integer()), note: Type.Optional(Type.String()) }),
  outcome: Type.Object({
    kind: OutcomeKindCode, label: Type.String(), reason: Type.String(), referTo: Type.String(), programme: Type.String(),
    consentGiven: Type.Boolean(), applicationId: Type.Union([Type.String(), Type.Null()]),
  }),
});
export const AlertTimelineEntry = Type.Object({ action: Type.String(), label: Type.String(), at: IsoDateTime, actorId: Type.String(), note: Type.String() });
export const AlertDetailView = Type.Intersect([
  AlertSummaryView,
  Type.Object({
    evidence: AlertEvidenceView,
    /** The household as the data shows it: prefilled into the visit form. */
    situation: Type.Object({
      group: Type.Union([MonitoredGroupCode, Type.Null()]),
      householdSize: Type.Union([Type.Integer(), Type.Null()]),
      householdIncomeFen: Type.Union([Fen, Type.Null()]),
    }),
    /** 随手拍 / 一键求助: what was reported (never the reporter's identity). */
    report: Type.Union([Type.Object({ text: Type.String(), address: Type.String(), photoFileIds: Type.Array(Type.String()) }), Type.Null()]),
    visits: Type.Array(VisitView),
    timeline: Type.Array(AlertTimelineEntry),
    allowedActions: Type.Array(AlertActionCode),
  }),
]);
export type AlertDetailView = Static<typeof AlertDetailView>;

export const AssignBody = StrictObject({ assigneeId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }), note: Type.Optional(Type.String({ maxLength: 300 })) });
export type AssignBody = Static<typeof AssignBody>;
export const AlertConfirmBody = StrictObject({ note: Type.Optional(Type.String({ maxLength: 300 })) });
export const ReasonBody = StrictObject({ reason: Type.String({ minLength: 1, maxLength: 300 }) });
export const AssigneeList = Type.Object({ assignees: Type.Array(AssigneeView) });
export type AssigneeList = Static<typeof AssigneeList>;
export const AssigneeQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });

export const TaskList = Type.Object({ tasks: Type.Array(AlertSummaryView) });
export type TaskList = Static<typeof TaskList>;

// ---------- 一键求助 / 随手拍 ----------
export const HelpRequestBody = StrictObject({
  requestKey: RequestKey,
  text: Type.String({ minLength: 2, maxLength: 300, description: '遇到了什么困难' }),
  category: Type.Optional(literals(['medical', 'living', 'disability', 'schooling', 'housing', 'other'] as const)),
});
export type HelpRequestBody = Static<typeof HelpRequestBody>;
export const HardshipReportBody = StrictObject({
  requestKey: RequestKey,
  text: Type.String({ minLength: 5, maxLength: 300, description: '看到的情况（不要填写电话号码或身份证号）' }),
  regionCode: RegionCode,
  address: Type.String({ minLength: 2, maxLength: 100, description: '大致位置，如“某小区3号楼附近”' }),
  photoFileId: Type.Optional(Type.String({ maxLength: 64 })),
});
export type HardshipReportBody = Static<typeof HardshipReportBody>;
export const MyReportView = Type.Object({
  id: Type.String(),
  kind: literals(['helpRequest', 'hardshipReport'] as const),
  status: literals(REPORT_STATUSES),
  statusLabel: Type.String(),
  text: Type.String({ description: '本人提交的描述' }),
  createdAt: IsoDateTime,
});
export type MyReportView = Static<typeof MyReportView>;
export const MyReportList = Type.Object({ reports: Type.Array(MyReportView) });

// ---------- dashboard and feedback ----------
export const DashboardQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });
const Count = Type.Integer({ minimum: 0 });
export const MonitoringDashboard = Type.Object({
  regionCode: RegionCode,
  asOf: CalendarDate,
  total: Count,
  open: Count,
  overdue: Count,
  closed: Count,
  byLevel: Type.Array(Type.Object({ level: AlertLevelCode, label: Type.String(), count: Count })),
  bySource: Type.Array(Type.Object({ source: Type.String(), label: Type.String(), count: Count })),
  byStatus: Type.Array(Type.Object({ status: AlertStatusCode, label: Type.String(), count: Count })),
  byTownship: Type.Array(Type.Object({ regionCode: RegionCode, open: Count, overdue: Count, total: Count })),
  medianDaysToClose: Type.Union([Type.Number(), Type.Null()]),
  /** People brought into assistance: through discovery (alerts closed as 纳入救助) vs. entitlements from applications. */
  enrolledThroughDiscovery: Count,
  enrolledThroughApplications: Count,
  discoverySharePercent: Type.Union([Type.Number(), Type.Null()]),
});
export type MonitoringDashboard = Static<typeof MonitoringDashboard>;
export const FeedbackQuery = StrictObject({ source: MonitoringSourceCode, regionCode: Type.Optional(RegionCode) });
