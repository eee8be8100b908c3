import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, RegionCode, StrictObject } from './common';
import { PERIOD_PATTERN } from '../ledger/period';

/** Schemas of the benefits ledger, imports, payment runs and the 幸福清单 (see docs/ledger.md). */

export const LedgerPeriod = Type.String({ pattern: PERIOD_PATTERN, description: '发放月份 YYYY-MM（北京时间）' });
export const LedgerFen = Type.Integer({ description: '金额，单位：分' });
export const LedgerYear = Type.Integer({ minimum: 2000, maximum: 2100, description: '年度' });
/**
 * A ledger row's id in a path. The router refuses any path parameter over 100 characters (Fastify's
 * maxParamLength: 414 URI_TOO_LONG) before validation, so the schema stops below it: every id the
 * schema allows reaches the route, and the shortest one it refuses (100 characters) is still a 400.
 * Ids of original rows are at most 72 characters (docs/ledger.md, "Ids").
 */
export const LEDGER_ID_MAX_CHARS = 99;
const LedgerIdText = Type.String({ minLength: 1, maxLength: LEDGER_ID_MAX_CHARS, pattern: '^[A-Za-z0-9:_-]+$', description: '发放记录的 id' });

export const ImportAmountUnit = Type.Union([Type.Literal('yuan'), Type.Literal('fen')], { description: '文件中金额的单位：元或分' });
export const ImportEncoding = Type.Union([Type.Literal('auto'), Type.Literal('utf8'), Type.Literal('gbk')], { description: 'CSV 的文字编码；auto = 自动识别 UTF-8 / GBK' });
/**
 * A source code (medical, education …) as a route states it: one of the sources configured
 * (config.ledger.sources), built when the routes are registered, so a code the schema allows is
 * one the server knows and any other is refused by validation (400 LEDGER_SOURCE_UNKNOWN).
 */
export function importSourceCodeOf(codes: readonly string[]) {
  if (codes.length === 0) return Type.Never({ description: '未配置任何数据来源部门' });
  return Type.Union(codes.map((code) => Type.Literal(code)), { description: `数据来源部门代码（已配置的来源）：${codes.join('、')}` });
}
export const LedgerJobStatus = Type.Union(['queued', 'running', 'done', 'failed', 'interrupted'].map((s) => Type.Literal(s)));
export type LedgerJobStatus = Static<typeof LedgerJobStatus>;
const LedgerJobError = Type.Object({ code: Type.String(), message: Type.String() });

// ---------- imports ----------
/** The upload's query string, with the configured sources (`sources`: their codes). */
export const importQueryOf = (sources: readonly string[]) => StrictObject({
  source: importSourceCodeOf(sources),
  amountUnit: Type.Optional(ImportAmountUnit),
  encoding: Type.Optional(ImportEncoding),
});
export type ImportQuery = Static<ReturnType<typeof importQueryOf>>;

export const ImportCounts = Type.Object({
  /** Data rows read so far (header excluded). */
  rows: Type.Integer(),
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  unmatched: Type.Integer(),
  /** Rows whose name differs from the matched person's: not booked, held for staff to confirm or refuse (see held rows). */
  held: Type.Integer(),
});
export type ImportCounts = Static<typeof ImportCounts>;

export const ImportView = Type.Object({
  id: Type.String(),
  source: Type.String(),
  sourceName: Type.String(),
  fileName: Type.String(),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  encoding: Type.String({ description: 'utf8 / gbk（CSV），xlsx 为 n/a' }),
  amountUnit: ImportAmountUnit,
  regionCode: RegionCode,
  status: LedgerJobStatus,
  counts: ImportCounts,
  acceptedFen: LedgerFen,
  /** An earlier import of exactly the same file from the same source (its rows are reported as duplicates). */
  sameFileAs: Type.Union([Type.String(), Type.Null()]),
  /** The interrupted import this one takes over, if any. */
  resumes: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([LedgerJobError, Type.Null()]),
  createdAt: IsoDateTime,
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type ImportView = Static<typeof ImportView>;

export const ImportList = Type.Object({ imports: Type.Array(ImportView) });
export type ImportList = Static<typeof ImportList>;

export const ImportIdParams = StrictObject({ importId: Type.String({ pattern: '^imp_[A-Za-z0-9_-]{8,40}$' }) });
export const LedgerJobIdParams = StrictObject({ jobId: Type.String({ pattern: '^(pub|run)_[A-Za-z0-9_-]{8,40}$' }) });

export const ImportRowStatus = Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('rejected'), Type.Literal('held')], {
  description: 'held：姓名与身份证号对应的救助对象不一致，暂不入账，等待工作人员确认（确认后为 accepted）',
});
export const ImportReportRow = Type.Object({
  line: Type.Integer({ description: '文件中的行号（表头为第 1 行）' }),
  status: ImportRowStatus,
  idNumberMasked: Type.String(),
  programme: Type.String(),
  period: Type.String(),
  amountFen: Type.Union([LedgerFen, Type.Null()]),
  problems: Type.Array(Type.String()),
  reason: Type.String({ description: '给人看的原因' }),
});
export type ImportReportRow = Static<typeof ImportReportRow>;

export const ImportReportQuery = StrictObject({
  status: Type.Optional(ImportRowStatus),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export const ImportReport = Type.Object({ import: ImportView, rows: Type.Array(ImportReportRow), truncated: Type.Boolean() });
export type ImportReport = Static<typeof ImportReport>;

export const ImportColumns = Type.Object(
  {
    idNumber: Type.Optional(Type.String({ maxLength: 40 })),
    amount: Type.Optional(Type.String({ maxLength: 40 })),
    period: Type.Optional(Type.String({ maxLength: 40 })),
    programme: Type.Optional(Type.String({ maxLength: 40 })),
    name: Type.Optional(Type.String({ maxLength: 40 })),
    reference: Type.Optional(Type.String({ maxLength: 40 })),
    paidOn: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false, description: '每个字段在文件中的列名（表头文字）' },
);
export type ImportColumns = Static<typeof ImportColumns>;

/** `{source}` in a path, one of the configured sources (`sources`: their codes). */
export const importSourceParamsOf = (sources: readonly string[]) => StrictObject({ source: importSourceCodeOf(sources) });
export const ImportMappingBody = StrictObject({ columns: ImportColumns, amountUnit: ImportAmountUnit });
export type ImportMappingBody = Static<typeof ImportMappingBody>;
export const ImportMappingView = Type.Object({
  source: Type.String(),
  regionCode: RegionCode,
  columns: ImportColumns,
  amountUnit: ImportAmountUnit,
  /** Header names tried when the saved mapping names none. */
  defaults: Type.Record(Type.String(), Type.Array(Type.String())),
  saved: Type.Boolean(),
});
export type ImportMappingView = Static<typeof ImportMappingView>;

export const ImportSourceView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  defaultProgramme: Type.String(),
  programmes: Type.Array(Type.String()),
  amountUnit: ImportAmountUnit,
});
export const ImportSourceList = Type.Object({ sources: Type.Array(ImportSourceView) });
export type ImportSourceList = Static<typeof ImportSourceList>;

// ---------- held rows (name differs from the matched person) ----------
export const HeldRowStatus = Type.Union([Type.Literal('held'), Type.Literal('confirmed'), Type.Literal('refused')]);
export type HeldRowStatus = Static<typeof HeldRowStatus>;
export const HeldRowView = Type.Object({
  id: Type.String(),
  importId: Type.String(),
  line: Type.Integer(),
  status: HeldRowStatus,
  rowName: Type.String({ description: '文件中的姓名' }),
  personName: Type.String({ description: '该身份证号对应的救助对象的姓名' }),
  idNumberMasked: Type.String(),
  programme: Type.String(),
  period: LedgerPeriod,
  amountFen: LedgerFen,
  regionCode: Type.String(),
  /** After a confirm: true when the row was booked now, false when the same payment was already in the ledger. */
  booked: Type.Boolean(),
  decisionNote: Type.String(),
  decidedAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});
export type HeldRowView = Static<typeof HeldRowView>;
export const HeldRowQuery = StrictObject({
  status: Type.Optional(HeldRowStatus),
  importId: Type.Optional(Type.String({ pattern: '^imp_[A-Za-z0-9_-]{8,40}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
export type HeldRowQuery = Static<typeof HeldRowQuery>;
export const HeldRowList = Type.Object({ rows: Type.Array(HeldRowView), nextOffset: Type.Union([Type.Integer(), Type.Null()], { description: '下一页的 offset；没有更多时为 null' }) });
export type HeldRowList = Static<typeof HeldRowList>;
export const HeldRowIdParams = StrictObject({ heldRowId: Type.String({ pattern: '^imp_[A-Za-z0-9_-]{8,40}:[0-9]{1,9}$' }) });
export const HeldRowConfirmBody = StrictObject({ note: Type.Optional(Type.String({ maxLength: 200 })) });
export type HeldRowConfirmBody = Static<typeof HeldRowConfirmBody>;
export const HeldRowRefuseBody = StrictObject({ reason: Type.String({ minLength: 2, maxLength: 200 }) });
export type HeldRowRefuseBody = Static<typeof HeldRowRefuseBody>;

// ---------- ledger ----------
export const DisbursementSource = Type.Union([Type.Literal('paymentRun'), Type.Literal('import'), Type.Literal('adjustment'), Type.Literal('charity')]);
export const DisbursementView = Type.Object({
  id: Type.String(),
  beneficiaryId: Type.String(),
  programme: Type.String(),
  amountFen: LedgerFen,
  period: LedgerPeriod,
  paidOn: Type.String(),
  source: DisbursementSource,
  sourceRef: Type.String(),
  correctsId: Type.String({ description: '更正行指向被更正的行；原始行为空' }),
  reason: Type.String(),
  regionCode: Type.String(),
  createdAt: IsoDateTime,
});
export type DisbursementView = Static<typeof DisbursementView>;
export const DISBURSEMENT_PAGE_MAX = 500;
export const DisbursementListQuery = StrictObject({
  beneficiaryId: Type.String({ minLength: 1, maxLength: 64, description: '居民的账户 id（须已实名核验）' }),
  year: Type.Optional(LedgerYear),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: DISBURSEMENT_PAGE_MAX, default: 100, description: '每页条数' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0, description: '从第几条开始（上一页的 nextOffset）' })),
});
export type DisbursementListQuery = Static<typeof DisbursementListQuery>;
export const DisbursementList = Type.Object({
  disbursements: Type.Array(DisbursementView),
  nextOffset: Type.Union([Type.Integer(), Type.Null()], { description: '下一页的 offset；没有更多时为 null' }),
});
export type DisbursementList = Static<typeof DisbursementList>;
export const DisbursementIdParams = StrictObject({ disbursementId: LedgerIdText });
export const AdjustmentBody = StrictObject({
  amountFen: Type.Integer({ minimum: -1_000_000_000, maximum: 1_000_000_000, description: '更正金额（分），负数为扣回' }),
  reason: Type.String({ minLength: 2, maxLength: 200 }),
  requestKey: Type.String({ pattern: '^[A-Za-z0-9-]{8,64}$', description: '客户端生成的幂等键：重复提交只记一次' }),
});
export type AdjustmentBody = Static<typeof AdjustmentBody>;

// ---------- jobs: publishing and payment runs ----------
export const LedgerJobCounts = Type.Object({
  total: Type.Integer(),
  done: Type.Integer(),
  created: Type.Integer({ description: '新发布的清单版本数 / 新增的发放记录数' }),
  unchanged: Type.Integer({ description: '内容未变、无需新版本 / 已发放过' }),
  skipped: Type.Integer(),
});
export const LedgerJobView = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('publish'), Type.Literal('paymentRun')]),
  status: LedgerJobStatus,
  regionCode: RegionCode,
  year: Type.Union([LedgerYear, Type.Null()]),
  period: Type.Union([LedgerPeriod, Type.Null()]),
  counts: LedgerJobCounts,
  totalFen: LedgerFen,
  error: Type.Union([LedgerJobError, Type.Null()]),
  createdAt: IsoDateTime,
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type LedgerJobView = Static<typeof LedgerJobView>;
export const HappinessPublishBody = StrictObject({ year: LedgerYear, regionCode: Type.Optional(RegionCode) });
export type HappinessPublishBody = Static<typeof HappinessPublishBody>;
export const PaymentRunBody = StrictObject({ period: LedgerPeriod, regionCode: Type.Optional(RegionCode) });
export type PaymentRunBody = Static<typeof PaymentRunBody>;
export const LedgerJobList = Type.Object({ jobs: Type.Array(LedgerJobView) });

// ---------- the 幸福清单 ----------
export const HappinessYearParams = StrictObject({ year: LedgerYear });
export const HappinessPersonYearParams = StrictObject({ userId: Type.String({ minLength: 1, maxLength: 64 }), year: LedgerYear });

export const StatementProgrammeView = Type.Object({
  programme: Type.String(),
  name: Type.String(),
  plain: Type.String(),
  months: Type.Array(LedgerFen, { minItems: 12, maxItems: 12 }),
  totalFen: LedgerFen,
  payments: Type.Integer(),
});
export const StatementOtherHelpView = Type.Object({ programme: Type.String(), name: Type.String(), plain: Type.String(), times: Type.Integer(), valueFen: LedgerFen });
export const StatementChangeView = Type.Object({ programme: Type.String(), name: Type.String(), month: Type.Integer(), beforeFen: LedgerFen, afterFen: LedgerFen, text: Type.String() });
export const HappinessStandardApplied = Type.Object({ programme: Type.String(), label: Type.String(), text: Type.String() });

export const HappinessListView = Type.Object({
  year: LedgerYear,
  version: Type.Integer({ minimum: 1 }),
  publishedAt: IsoDateTime,
  beneficiary: Type.Object({ nameMasked: Type.String(), idNumberMasked: Type.String(), regionCode: Type.String() }),
  summary: Type.String(),
  programmes: Type.Array(StatementProgrammeView),
  otherHelp: Type.Array(StatementOtherHelpView),
  monthlyTotals: Type.Array(LedgerFen, { minItems: 12, maxItems: 12 }),
  grandTotalFen: LedgerFen,
  standards: Type.Array(HappinessStandardApplied),
  /** What changed from the previous version (empty for version 1). */
  changes: Type.Array(StatementChangeView),
  /** false for a staff preview of figures not yet published. */
  published: Type.Boolean(),
});
export type HappinessListView = Static<typeof HappinessListView>;

export const HappinessYears = Type.Object({ years: Type.Array(Type.Object({ year: LedgerYear, version: Type.Integer() })) });
export type HappinessYears = Static<typeof HappinessYears>;

export const HappinessNotice = Type.Object({ id: Type.String(), year: LedgerYear, version: Type.Integer(), text: Type.String(), createdAt: IsoDateTime });
export const HappinessNoticeList = Type.Object({ notices: Type.Array(HappinessNotice) });
export type HappinessNoticeList = Static<typeof HappinessNoticeList>;

// ---------- feedback ----------
export const HappinessQuestionStatus = Type.Union([Type.Literal('open'), Type.Literal('answered'), Type.Literal('closed')]);
export type HappinessQuestionStatus = Static<typeof HappinessQuestionStatus>;
export const HappinessAnswerView = Type.Object({ text: Type.String(), at: IsoDateTime });
export const HappinessQuestionView = Type.Object({
  id: Type.String(),
  year: LedgerYear,
  version: Type.Integer(),
  programme: Type.String(),
  month: Type.Integer(),
  text: Type.String(),
  status: HappinessQuestionStatus,
  answers: Type.Array(HappinessAnswerView),
  createdAt: IsoDateTime,
});
export type HappinessQuestionView = Static<typeof HappinessQuestionView>;
export const StaffHappinessQuestionView = Type.Intersect([HappinessQuestionView, Type.Object({ beneficiaryId: Type.String(), nameMasked: Type.String(), regionCode: Type.String() })]);
export type StaffHappinessQuestionView = Static<typeof StaffHappinessQuestionView>;

export const HappinessConfirmBody = StrictObject({ version: Type.Integer({ minimum: 1 }) });
export const HappinessRatingBody = StrictObject({ score: Type.Integer({ minimum: 1, maximum: 5, description: '满意度 1–5' }), comment: Type.Optional(Type.String({ maxLength: 200 })) });
export type HappinessRatingBody = Static<typeof HappinessRatingBody>;
export const HappinessQuestionBody = StrictObject({
  text: Type.String({ minLength: 2, maxLength: 500 }),
  programme: Type.Optional(Type.String({ maxLength: 40 })),
  month: Type.Optional(Type.Integer({ minimum: 0, maximum: 12 })),
});
export type HappinessQuestionBody = Static<typeof HappinessQuestionBody>;
export const HappinessFeedbackView = Type.Object({
  year: LedgerYear,
  confirmedVersion: Type.Union([Type.Integer(), Type.Null()]),
  rating: Type.Union([Type.Object({ score: Type.Integer(), comment: Type.String() }), Type.Null()]),
  questions: Type.Array(HappinessQuestionView),
});
export type HappinessFeedbackView = Static<typeof HappinessFeedbackView>;

export const HappinessQuestionIdParams = StrictObject({ questionId: Type.String({ pattern: '^q_[A-Za-z0-9_-]{8,40}$' }) });
export const HappinessAnswerBody = StrictObject({ text: Type.String({ minLength: 2, maxLength: 1000 }), close: Type.Optional(Type.Boolean()) });
export type HappinessAnswerBody = Static<typeof HappinessAnswerBody>;
export const StaffHappinessQuestionQuery = StrictObject({ status: Type.Optional(HappinessQuestionStatus), year: Type.Optional(LedgerYear) });
export const StaffHappinessQuestionList = Type.Object({ questions: Type.Array(StaffHappinessQuestionView) });
export type StaffHappinessQuestionList = Static<typeof StaffHappinessQuestionList>;

export const HappinessStatsQuery = StrictObject({ year: LedgerYear, regionCode: Type.Optional(RegionCode) });
export const HappinessStats = Type.Object({
  regionCode: RegionCode,
  year: LedgerYear,
  published: Type.Integer(),
  confirmations: Type.Integer(),
  ratings: Type.Integer(),
  ratingSum: Type.Integer(),
  openQuestions: Type.Integer(),
  answeredQuestions: Type.Integer(),
});
export type HappinessStats = Static<typeof HappinessStats>;
