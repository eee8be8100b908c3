import { Type, type Static } from '@sinclair/typebox';
import { CalendarDate, Hukou, IsoDateTime, StrictObject } from './common';
import { RECHECK_ACTIONS, RECHECK_OUTCOMES, RECHECK_STATUSES } from '../recheck/machine';
import { RECHECK_TRIGGERS } from '../recheck/schedule';

/** Requests and responses of 动态管理 (docs/recheck.md): rechecks, exits, change reports, yearly confirmations. */

const lit = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {}));

const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000, description: '金额（分）' });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const RequestKey = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '客户端生成的幂等键：重试同一请求不会重复创建' });
const Line = Type.String({ minLength: 1, maxLength: 200 });

export const RecheckStatusSchema = lit(RECHECK_STATUSES, '复核状态：open 待核对 / checked 待决定 / noticing 退出公示中 / closed 已办结');
export const RecheckActionSchema = lit(RECHECK_ACTIONS);
export const RecheckOutcomeSchema = lit(RECHECK_OUTCOMES, '复核结论：continue 继续 / adjust 调整金额 / stop 停止');
export const RecheckTriggerSchema = lit(RECHECK_TRIGGERS, '复核来由');
export const ChangeReportKindSchema = lit(['memberAdded', 'memberDied', 'beneficiaryDied', 'income', 'address', 'other'] as const, '变化：家庭成员增加 / 家庭成员去世 / 本人去世 / 收入 / 住址 / 其他');
export type ChangeReportKind = Static<typeof ChangeReportKindSchema>;
export const StopCauseSchema = lit(['incomeFromWork', 'incomeAboveStandard', 'death', 'movedAway', 'assets', 'other'] as const, '停止原因：务工收入增加（可渐退）/ 收入超标 / 死亡 / 迁出 / 资产超标 / 其他');
export type StopCause = Static<typeof StopCauseSchema>;

export const RecheckIdParams = StrictObject({ id: Type.String({ pattern: '^rc_[A-Za-z0-9_-]{8,40}$' }) });
export type RecheckIdParams = Static<typeof RecheckIdParams>;
export const LetterIdParams = StrictObject({ id: Type.String({ pattern: '^lt_[A-Za-z0-9_-]{8,40}$' }) });

export const RecheckListQuery = StrictObject({
  status: Type.Optional(RecheckStatusSchema),
  overdue: Type.Optional(Type.Boolean({ description: '只看已超期未办结的' })),
});
export type RecheckListQuery = Static<typeof RecheckListQuery>;

export const DataCheckBody = StrictObject({
  hukou: Hukou,
  householdSize: Type.Integer({ minimum: 1, maximum: 30 }),
  monthlyIncomeFen: Fen,
  householdStable: Type.Boolean({ description: '家庭情况稳定（成员均无劳动能力、收入固定）：下次复核一年后，否则半年' }),
  findings: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type DataCheckBody = Static<typeof DataCheckBody>;

export const RecheckVisitBody = StrictObject({
  visitedOn: CalendarDate,
  investigators: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 2, maxItems: 5, description: '入户调查至少两人' }),
  findings: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type RecheckVisitBody = Static<typeof RecheckVisitBody>;

export const RecheckDecisionBody = StrictObject({
  outcome: RecheckOutcomeSchema,
  /** adjust: the first month of the new amount (not before this month). */
  fromMonth: Type.Optional(Month),
  monthlyAmountFen: Type.Optional(Fen),
  /** stop / adjust: the reasons, line by line (required for both). */
  reasons: Type.Array(Line, { maxItems: 20 }),
  stopCause: Type.Optional(StopCauseSchema),
});
export type RecheckDecisionBody = Static<typeof RecheckDecisionBody>;

const DataCheckView = Type.Object({ householdSize: Type.Integer(), monthlyIncomeFen: Type.Integer(), householdStable: Type.Boolean(), findings: Type.String(), standardFen: Type.Union([Type.Integer(), Type.Null()]), checkedAt: IsoDateTime });
const VisitView = Type.Object({ visitedOn: Type.String(), investigators: Type.Array(Type.String()), findings: Type.String() });
const DecisionView = Type.Object({
  outcome: RecheckOutcomeSchema,
  fromMonth: Type.Union([Type.String(), Type.Null()]),
  monthlyAmountFen: Type.Union([Type.Integer(), Type.Null()]),
  endFromMonth: Type.Union([Type.String(), Type.Null()]),
  phaseOutMonths: Type.Integer(),
  stopCause: Type.Union([Type.String(), Type.Null()]),
  reasons: Type.Array(Type.String()),
  decidedAt: IsoDateTime,
});

export const RecheckView = Type.Object({
  id: Type.String(),
  entitlementId: Type.String(),
  programme: Type.String(),
  programmeName: Type.String(),
  beneficiaryName: Type.String({ description: '姓名（工作人员可见全名）' }),
  beneficiaryIdNumberMasked: Type.String(),
  regionCode: Type.String(),
  trigger: RecheckTriggerSchema,
  triggerLabel: Type.String(),
  reason: Type.String(),
  status: RecheckStatusSchema,
  statusLabel: Type.String(),
  sequence: Type.Integer(),
  openedOn: Type.String(),
  deadline: Type.String(),
  overdue: Type.Boolean(),
  currentMonthlyAmountFen: Type.Union([Type.Integer(), Type.Null()]),
  dataCheck: Type.Union([DataCheckView, Type.Null()]),
  visits: Type.Array(VisitView),
  decision: Type.Union([DecisionView, Type.Null()]),
  notice: Type.Union([Type.Object({ startsOn: Type.String(), endsOn: Type.String() }), Type.Null()]),
  letterId: Type.Union([Type.String(), Type.Null()]),
  allowedActions: Type.Array(RecheckActionSchema),
});
export type RecheckView = Static<typeof RecheckView>;
export const RecheckList = Type.Object({ rechecks: Type.Array(RecheckView), counts: Type.Object({ open: Type.Integer(), overdue: Type.Integer() }) });
export type RecheckList = Static<typeof RecheckList>;

/** A household the caller may report a change for or confirm: their own entitlement, or one they filed for as a helper. */
export const HouseholdView = Type.Object({
  entitlementId: Type.String(),
  programme: Type.String(),
  programmeName: Type.String(),
  beneficiaryNameMasked: Type.String(),
  relation: lit(['person', 'helper'] as const),
  monthlyAmountFen: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.String(),
  endFromMonth: Type.Union([Type.String(), Type.Null()]),
  confirmationYear: Type.Integer(),
  confirmationOpen: Type.Boolean({ description: '本年度确认已开放且该待遇需要确认' }),
  confirmedThisYear: Type.Boolean(),
  confirmationDueOn: Type.String(),
});
export type HouseholdView = Static<typeof HouseholdView>;
export const HouseholdList = Type.Object({ households: Type.Array(HouseholdView) });
export type HouseholdList = Static<typeof HouseholdList>;

export const ChangeReportBody = StrictObject({
  entitlementId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  kind: ChangeReportKindSchema,
  text: Type.String({ minLength: 1, maxLength: 500 }),
  happenedOn: CalendarDate,
  requestKey: RequestKey,
});
export type ChangeReportBody = Static<typeof ChangeReportBody>;
export const ChangeReportView = Type.Object({
  id: Type.String(),
  entitlementId: Type.String(),
  programmeName: Type.String(),
  kind: ChangeReportKindSchema,
  text: Type.String(),
  happenedOn: Type.String(),
  reportedAt: IsoDateTime,
  byHelper: Type.Boolean(),
  recheckId: Type.Union([Type.String(), Type.Null()]),
  recheckDeadline: Type.Union([Type.String(), Type.Null()]),
});
export type ChangeReportView = Static<typeof ChangeReportView>;
export const ChangeReportList = Type.Object({ reports: Type.Array(ChangeReportView) });

export const ConfirmationBody = StrictObject({
  entitlementId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  /** "Still here, still the same": the one statement confirmed. */
  unchanged: Type.Literal(true),
});
export type ConfirmationBody = Static<typeof ConfirmationBody>;
export const ConfirmationView = Type.Object({ entitlementId: Type.String(), year: Type.Integer(), confirmedAt: IsoDateTime, byHelper: Type.Boolean() });
export type ConfirmationView = Static<typeof ConfirmationView>;

export const ExitLetterView = Type.Object({
  id: Type.String(),
  recheckId: Type.String(),
  programmeName: Type.String(),
  kind: lit(['stop', 'adjust'] as const),
  title: Type.String(),
  beneficiaryNameMasked: Type.String(),
  reasons: Type.Array(Type.String()),
  computedReasons: Type.Array(Type.String()),
  fromMonth: Type.Union([Type.String(), Type.Null()]),
  endFromMonth: Type.Union([Type.String(), Type.Null()]),
  phaseOutMonths: Type.Integer(),
  monthlyAmountFen: Type.Union([Type.Integer(), Type.Null()]),
  issuedOn: Type.String(),
  issuingOffice: Type.String(),
});
export type ExitLetterView = Static<typeof ExitLetterView>;
export const ExitLetterList = Type.Object({ letters: Type.Array(ExitLetterView) });

/** An exit notice (特困 终止公示): masked name, region, programme, dates — nothing else (57号 art. 24). */
export const ExitNoticeView = Type.Object({ nameMasked: Type.String(), regionName: Type.String(), programmeName: Type.String(), startsOn: Type.String(), endsOn: Type.String() });
export const ExitNoticeList = Type.Object({ notices: Type.Array(ExitNoticeView) });
export const ExitNoticeQuery = StrictObject({ regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })) });
