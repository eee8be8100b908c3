import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { CalendarDate, IdNumberInput, IsoDateTime, RegionCode, StrictObject } from './common';
import { CHARITY_PROJECT_ACTIONS, CHARITY_PROJECT_STATUSES } from '../charity/machine';
import { CHARITY_GOAL_MAX_FEN, CHARITY_MAX_BUDGET_LINES, CHARITY_REPORT_KINDS, CHARITY_SPENDING_KINDS, CHARITY_STORY_MAX_CHARS, CHARITY_TARGET_GROUPS, CHARITY_TITLE_MAX_CHARS } from '../charity/targetGroups';
import { CREDIT_CODE_FORMAT, CREDIT_CODE_PATTERN } from '../charity/progress';

/** 慈善筹: organisations, projects, spending, reports and matching pledges (docs/charity.md). */

const literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {}) as unknown as TUnion<TLiteral<T[number]>[]>;
const Text = (min: number, max: number, description: string) => Type.String({ minLength: min, maxLength: max, description });

export const CharityProjectStatusSchema = literals(CHARITY_PROJECT_STATUSES, 'draft 草稿 / pendingReview 审核中 / returned 已退回 / published 募捐中 / closed 已结束 / cancelled 已取消');
export const CharityProjectActionSchema = literals(CHARITY_PROJECT_ACTIONS);
export const CharityTargetGroupSchema = literals(CHARITY_TARGET_GROUPS, 'children 困境儿童 / elderly 困难老人 / disabled 残疾人 / illness 大病救助 / students 助学 / disaster 灾害救助 / lowIncome 低收入家庭 / other 其他');
export const CharitySpendingKindSchema = literals(CHARITY_SPENDING_KINDS, 'general 项目支出 / cash 现金救助到人 / inKind 实物救助到人');
export const CharityReportKindSchema = literals(CHARITY_REPORT_KINDS, 'progress 进展报告 / final 结项报告');

export const CharityId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
/** A key the client makes once per submission (a UUID): the same key again is the same spending line or report. */
export const RequestKey = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '提交编号：客户端为每次提交生成一次（如 UUID），重试时不变，不会重复记录' });
export const CreditCode = Type.String({ minLength: 18, maxLength: 18, pattern: CREDIT_CODE_PATTERN, format: CREDIT_CODE_FORMAT, description: '18位统一社会信用代码（GB 32100）；校验位由服务器检查：400 CHARITY_CREDIT_CODE_INVALID' });
const Fen = (description: string, minimum = 1) => Type.Integer({ minimum, maximum: CHARITY_GOAL_MAX_FEN, description });

/** What a charity invitation carries: the organisation the account will act for. */
export const CharityOrganizationInput = StrictObject({
  name: Text(2, 60, '机构名称，如 德州市慈善总会'),
  creditCode: CreditCode,
  registrationNo: Text(1, 40, '慈善组织登记证书编号'),
});
export type CharityOrganizationInput = Static<typeof CharityOrganizationInput>;

export const CharityOrganizationView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  registrationNo: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
});
export type CharityOrganizationView = Static<typeof CharityOrganizationView>;

export const BudgetLineInput = StrictObject({ label: Text(1, 40, '预算用途'), amountFen: Fen('金额（分）') });
export const BudgetLineView = Type.Object({ id: Type.String(), label: Type.String(), amountFen: Type.Integer() });
export type BudgetLineView = Static<typeof BudgetLineView>;

export const ProjectBody = StrictObject({
  title: Text(2, CHARITY_TITLE_MAX_CHARS, '项目名称'),
  story: Text(10, CHARITY_STORY_MAX_CHARS, '项目介绍（不写受助人的姓名、身份证号、电话、住址）'),
  targetGroup: CharityTargetGroupSchema,
  regionCode: RegionCode,
  goalFen: Fen('目标金额（分）'),
  startDate: CalendarDate,
  endDate: CalendarDate,
  budgetLines: Type.Array(BudgetLineInput, { minItems: 1, maxItems: CHARITY_MAX_BUDGET_LINES, description: '预算明细，合计须等于目标金额：否则 400 CHARITY_BUDGET_MISMATCH' }),
});
export type ProjectBody = Static<typeof ProjectBody>;
/** Creating a draft: the same `requestKey` again answers the same draft (a retried request). */
export const CreateProjectBody = StrictObject({ requestKey: RequestKey, ...ProjectBody.properties });
export type CreateProjectBody = Static<typeof CreateProjectBody>;

export const ProjectIdParams = StrictObject({ id: CharityId });
export type ProjectIdParams = Static<typeof ProjectIdParams>;
export const ReturnProjectBody = StrictObject({ reason: Text(2, 200, '退回原因（机构可见）') });
export type ReturnProjectBody = Static<typeof ReturnProjectBody>;
export const ApproveProjectBody = StrictObject({ note: Type.Optional(Text(1, 200, '审核意见')) });
export type ApproveProjectBody = Static<typeof ApproveProjectBody>;
export const EndProjectBody = StrictObject({ reason: Text(2, 200, '原因（公开）') });
export type EndProjectBody = Static<typeof EndProjectBody>;

const Progress = {
  goalFen: Type.Integer(),
  raisedFen: Type.Integer({ description: '已确认的捐款合计（分）' }),
  matchedFen: Type.Integer({ description: '企业配捐合计（分）' }),
  spentFen: Type.Integer({ description: '已支出（分）' }),
  peopleHelped: Type.Integer({ description: '受助人数' }),
  percent: Type.Integer({ description: '已筹（含配捐）占目标的百分比' }),
};
/** A project's progress figures, as every view of a project carries them (the screens draw them). */
export const ProjectProgress = Type.Object(Progress);
export type ProjectProgress = Static<typeof ProjectProgress>;

/** The project as its organisation and the staff of its region see it. */
export const CharityProjectView = Type.Object({
  id: Type.String(),
  status: CharityProjectStatusSchema,
  organizationId: Type.String(),
  organizationName: Type.String(),
  title: Type.String(),
  story: Type.String(),
  targetGroup: CharityTargetGroupSchema,
  regionCode: RegionCode,
  regionName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  budgetLines: Type.Array(BudgetLineView),
  ...Progress,
  contentFlag: Type.String({ description: 'pass / review（内容检测建议人工复核）' }),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  returnReason: Type.Union([Type.String(), Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([IsoDateTime, Type.Null()]),
  publishedAt: Type.Union([IsoDateTime, Type.Null()]),
  nextReportDue: Type.Union([Type.String(), Type.Null()], { description: '下一份报告的截止日期' }),
  reportOverdue: Type.Boolean({ description: '报告逾期：项目暂停在广场展示，补交后恢复' }),
  allowedActions: Type.Array(CharityProjectActionSchema),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type CharityProjectView = Static<typeof CharityProjectView>;
export const CharityProjectList = Type.Object({ projects: Type.Array(CharityProjectView) });
export type CharityProjectList = Static<typeof CharityProjectList>;

export const StaffProjectQuery = StrictObject({
  status: Type.Optional(literals(['pendingReview', 'published', 'closed'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type StaffProjectQuery = Static<typeof StaffProjectQuery>;

/** A card on the project square (no personal data at all). */
export const PublicProjectSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  targetGroup: CharityTargetGroupSchema,
  regionCode: RegionCode,
  regionName: Type.String(),
  organizationName: Type.String(),
  status: CharityProjectStatusSchema,
  goalFen: Type.Integer(),
  startDate: Type.String(),
  endDate: Type.String(),
  publishedAt: IsoDateTime,
});
export type PublicProjectSummary = Static<typeof PublicProjectSummary>;

export const ProjectSquareQuery = StrictObject({
  regionCode: Type.Optional(RegionCode),
  targetGroup: Type.Optional(CharityTargetGroupSchema),
  status: Type.Optional(literals(['published', 'closed', 'all'] as const, 'published 募捐中（默认）/ closed 已结束 / all')),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 100, pattern: '^\\d{1,15}\\.[A-Za-z0-9_-]{1,64}$', description: '下一页：上一页回答中的 nextCursor（同样的筛选）' })),
});
export type ProjectSquareQuery = Static<typeof ProjectSquareQuery>;
export const ProjectSquare = Type.Object({
  projects: Type.Array(PublicProjectSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: '下一页的游标；null：没有更多' }),
});
export type ProjectSquare = Static<typeof ProjectSquare>;

export const PublicSpendingLine = Type.Object({
  id: Type.String(),
  spentOn: Type.String(),
  amountFen: Type.Integer(),
  purpose: Type.String(),
  budgetLineId: Type.String(),
  kind: CharitySpendingKindSchema,
  peopleHelped: Type.Integer(),
});
export type PublicSpendingLine = Static<typeof PublicSpendingLine>;

export const CharityReportView = Type.Object({
  id: Type.String(),
  kind: CharityReportKindSchema,
  title: Type.String(),
  body: Type.String(),
  raisedFen: Type.Integer(),
  spentFen: Type.Integer(),
  filedAt: IsoDateTime,
});
export type CharityReportView = Static<typeof CharityReportView>;

export const PledgePublicView = Type.Object({
  companyName: Type.String(),
  ratioPercent: Type.Integer(),
  capFen: Type.Integer(),
  matchedFen: Type.Integer({ description: '按已确认捐款计算的配捐额（不超过上限）' }),
});
export type PledgePublicView = Static<typeof PledgePublicView>;

/** The public project page: no ID numbers, phones, addresses or beneficiaries' names. */
export const PublicProject = Type.Object({
  ...PublicProjectSummary.properties,
  story: Type.String(),
  budgetLines: Type.Array(BudgetLineView),
  ...Progress,
  acceptsDonations: Type.Boolean(),
  endReason: Type.Union([Type.String(), Type.Null()]),
  reportOverdue: Type.Boolean(),
  pledges: Type.Array(PledgePublicView),
  reports: Type.Array(CharityReportView),
  spending: Type.Array(PublicSpendingLine, { description: '最近的支出（最多 50 笔）' }),
});
export type PublicProject = Static<typeof PublicProject>;

export const SpendingBody = StrictObject({
  requestKey: RequestKey,
  amountFen: Fen('金额（分）'),
  spentOn: CalendarDate,
  purpose: Text(2, 100, '用途'),
  budgetLineId: Type.String({ minLength: 1, maxLength: 8, description: '预算明细的 id' }),
  kind: CharitySpendingKindSchema,
  /** A person aided in cash or in kind: shown in their 幸福清单 under other help. */
  beneficiary: Type.Optional(StrictObject({ name: Text(2, 30, '受助人姓名'), idNumber: IdNumberInput(), regionCode: Type.String({ pattern: '^[0-9]{9}([0-9]{3})?$', description: '受助人所在的乡镇（街道）或村（社区）：须在项目地区之内，其幸福清单由该地工作人员发布' }) })),
  itemDescription: Type.Optional(Text(1, 100, '实物说明')),
  peopleHelped: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: '未写明受助人时：受助人数' })),
});
export type SpendingBody = Static<typeof SpendingBody>;

export const SpendingView = Type.Object({
  ...PublicSpendingLine.properties,
  sequence: Type.Integer(),
  cumulativeFen: Type.Integer(),
  beneficiaryNameMasked: Type.Union([Type.String(), Type.Null()]),
  itemDescription: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
});
export type SpendingView = Static<typeof SpendingView>;
export const SpendingList = Type.Object({ spending: Type.Array(SpendingView), spentFen: Type.Integer(), raisedFen: Type.Integer() });
export type SpendingList = Static<typeof SpendingList>;

export const ReportBody = StrictObject({
  requestKey: RequestKey,
  kind: CharityReportKindSchema,
  title: Text(2, 60, '报告标题'),
  body: Text(10, 5000, '报告正文：进展、支出、受助情况（不写受助人的身份证号、电话、住址）'),
});
export type ReportBody = Static<typeof ReportBody>;

export const PledgeBody = StrictObject({
  companyName: Text(2, 60, '企业名称'),
  taxNo: CreditCode,
  ratioPercent: Type.Integer({ minimum: 1, maximum: 500, description: '配捐比例（%）：100 = 每捐 1 元配 1 元' }),
  capFen: Fen('配捐上限（分）'),
});
export type PledgeBody = Static<typeof PledgeBody>;
export const PledgeView = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  companyName: Type.String(),
  taxNoMasked: Type.String(),
  ratioPercent: Type.Integer(),
  capFen: Type.Integer(),
  matchedFen: Type.Integer(),
  createdAt: IsoDateTime,
});
export type PledgeView = Static<typeof PledgeView>;

export const CharityNotice = Type.Object({
  id: Type.String(),
  projectId: Type.String(),
  reportId: Type.String(),
  title: Type.String(),
  at: IsoDateTime,
});
export type CharityNotice = Static<typeof CharityNotice>;
export const CharityNoticeList = Type.Object({ notices: Type.Array(CharityNotice) });
export type CharityNoticeList = Static<typeof CharityNoticeList>;
