import { Type, type Static } from '@sinclair/typebox';
import { Hukou, IdNumberInput, IsoDateTime, RegionCode, StrictObject } from './common';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, CHAIN_STEPS } from '../applications/stateMachine';
import { CHECK_AUTHORIZATION } from '../applications/programmes';
import { APPLICATION_PROGRAMMES, MEMBER_RELATIONS } from '../applications/programmes';

/** Requests and responses of applications (申请), the staff chain, entitlements and messages. */

/** A union of string literals with its precise static type. */
const lit = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {}));

export const ApplicationProgrammeSchema = lit(APPLICATION_PROGRAMMES, '救助项目');
export const ApplicationStatusSchema = lit(APPLICATION_STATUSES, '办理状态');
export const ApplicationActionSchema = lit(APPLICATION_ACTIONS);
export const ChainStepSchema = lit(CHAIN_STEPS);
export const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000, description: '金额（分）' });
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD（北京时间）' });
export const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' });
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const FileId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '文件编号（POST /api/v1/files）' });
const Note = Type.String({ maxLength: 1000 });

export const ApplicationIncome = StrictObject({
  kind: Type.Union([Type.Literal('wage'), Type.Literal('business'), Type.Literal('property'), Type.Literal('transfer'), Type.Literal('pension'), Type.Literal('assistance')]),
  monthlyFen: Fen,
});

/**
 * One household member. `idNumber` is accepted on input only; responses carry `idNumberMasked`.
 * A saved member keeps its stored number when a later save leaves `idNumber` out (same `key`).
 */
export const ApplicationMember = StrictObject({
  key: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Type.String({ maxLength: 30 }),
  relation: lit(MEMBER_RELATIONS),
  idNumber: Type.Optional(Type.String({ maxLength: 18 })),
  idNumberMasked: Type.Optional(Type.String({ maxLength: 18 })),
  age: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  canWork: Type.Optional(Type.Boolean()),
  hasSupporter: Type.Optional(Type.Boolean()),
  disabilityGrade: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)])),
  seriousIllness: Type.Optional(Type.Boolean()),
  childStatus: Type.Optional(Type.Union([Type.Literal('orphanInstitutional'), Type.Literal('orphanCommunity'), Type.Literal('childInHardship'), Type.Literal('unsupportedChild')])),
  incomes: Type.Optional(Type.Array(ApplicationIncome, { maxItems: 10 })),
});
export type ApplicationMember = Static<typeof ApplicationMember>;

export const ApplicationAssets = StrictObject({
  savingsFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000_000 })),
  houses: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
  vehicles: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
  note: Type.Optional(Type.String({ maxLength: 300 })),
});

/** The form, possibly incomplete while it is a draft. */
export const ApplicationForm = StrictObject({
  hukou: Type.Optional(Hukou),
  members: Type.Optional(Type.Array(ApplicationMember, { maxItems: 20 })),
  assets: Type.Optional(ApplicationAssets),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  temporaryKind: Type.Optional(Type.Union([Type.Literal('emergency'), Type.Literal('expenditure')])),
  requestedAmountFen: Type.Optional(Fen),
});
export type ApplicationForm = Static<typeof ApplicationForm>;

export const ApplicationDocument = StrictObject({
  item: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$', description: '材料清单中的项目 key' }),
  fileId: FileId,
});
export type ApplicationDocument = Static<typeof ApplicationDocument>;

/**
 * Helper filing (帮办代办): the person the application is for. Only a helper whose own identity is
 * verified may file (403 APPLICATION_HELPER_UNVERIFIED), a limited number per day (429
 * APPLICATION_FILING_LIMIT). `idNumber`: its pattern states the form and a real birth date; its
 * format (`gb11643`) the check character and a birth date not in the future, which the server
 * checks (400 INVALID_ID_NUMBER naming `/onBehalfOf/idNumber`).
 */
export const OnBehalfOf = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 30 }),
  idNumber: IdNumberInput(),
  phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$' })),
  regionCode: RegionCode,
  relation: Type.String({ minLength: 1, maxLength: 20, description: '代办人与申请人的关系，如 社区工作人员、子女' }),
});
export type OnBehalfOf = Static<typeof OnBehalfOf>;

export const OnBehalfOfView = Type.Object({
  name: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.Optional(Type.String()),
  regionCode: Type.String(),
  relation: Type.String(),
});

export const CreateDraftBody = StrictObject({
  programme: ApplicationProgrammeSchema,
  onBehalfOf: Type.Optional(OnBehalfOf),
});
export type CreateDraftBody = Static<typeof CreateDraftBody>;

export const SaveDraftBody = StrictObject({
  form: ApplicationForm,
  documents: Type.Optional(Type.Array(ApplicationDocument, { maxItems: 30 })),
  currentStep: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
});
export type SaveDraftBody = Static<typeof SaveDraftBody>;

/**
 * The person's explicit consent to the economic check (家庭经济状况核对授权书): sent only when they
 * tick the box under the text shown. The server stores consent from this request alone — no other
 * request sets it — and refuses a submit without a stored consent of the current version.
 */
export const ConsentBody = StrictObject({
  textVersion: Type.String({
    minLength: 1,
    maxLength: 20,
    description: `展示给申请人的授权书版本，须等于 GET /applications/programmes 的 checkAuthorization.version（当前 ${CHECK_AUTHORIZATION.version}）；旧版本 409 CHECK_AUTHORIZATION_OUTDATED`,
  }),
  agreed: Type.Literal(true, { description: '申请人本人勾选“已阅读并同意”；只接受 true' }),
}, { description: '《家庭经济状况核对授权书》：申请人勾选同意时发送，服务器只从此请求记录同意' });
export type ConsentBody = Static<typeof ConsentBody>;

export const ConsentView = Type.Object({ textVersion: Type.String(), at: IsoDateTime });

/** The person concerned confirms a filing made in their name, giving their own consent to the check. */
export const ConfirmApplicantBody = StrictObject({
  expectedSequence: Type.Optional(Type.Integer({ minimum: 1, description: '看到的 sequence；已被他人处理时返回 409' })),
  checkAuthorization: ConsentBody,
});
export type ConfirmApplicantBody = Static<typeof ConfirmApplicantBody>;

export const DraftView = Type.Object({
  id: Type.String(),
  programme: ApplicationProgrammeSchema,
  form: ApplicationForm,
  documents: Type.Array(ApplicationDocument),
  currentStep: Type.Integer(),
  consent: Type.Union([ConsentView, Type.Null()]),
  onBehalfOf: Type.Union([OnBehalfOfView, Type.Null()]),
  applicantName: Type.String(),
  /** What is still missing for submission (empty when ready). */
  problems: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
  submittedApplicationId: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type DraftView = Static<typeof DraftView>;
export const DraftList = Type.Object({ drafts: Type.Array(DraftView) });
export type DraftList = Static<typeof DraftList>;

export const DraftIdParams = StrictObject({ draftId: Id });
export const ApplicationIdParams = StrictObject({ applicationId: Id });
export const MessageIdParams = StrictObject({ messageId: Id });

/**
 * Submit a draft. Refused without a stored consent of the current version (409
 * CHECK_AUTHORIZATION_REQUIRED, 409 CHECK_AUTHORIZATION_OUTDATED): consent is given only through
 * POST /applications/drafts/{draftId}/consent. An incomplete draft: 409 APPLICATION_INCOMPLETE.
 */
export const SubmitBody = StrictObject({
  draftId: Id,
  idempotencyKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '客户端生成；重试提交时保持不变' }),
});
export type SubmitBody = Static<typeof SubmitBody>;

export const TimelineEntry = Type.Object({
  sequence: Type.Integer(),
  action: Type.Union([ApplicationActionSchema, Type.Literal('submit'), Type.Literal('confirmApplicant')]),
  label: Type.String(),
  fromStatus: Type.Union([ApplicationStatusSchema, Type.Null()]),
  toStatus: ApplicationStatusSchema,
  at: IsoDateTime,
  actorRole: Type.String({ description: 'applicant / township / county' }),
  note: Type.String(),
  attachments: Type.Array(Type.String()),
  /** Non-sensitive details: missing documents, investigators, amounts, reasons (amounts, start month and recheck date only for the person and staff). */
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

export const Deadline = Type.Object({
  step: Type.String(),
  label: Type.String(),
  dueOn: LocalDate,
  overdue: Type.Boolean(),
});
export type Deadline = Static<typeof Deadline>;

export const EntitlementView = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  programme: ApplicationProgrammeSchema,
  programmeName: Type.String(),
  beneficiaryName: Type.String(),
  beneficiaryIdNumberMasked: Type.String(),
  regionCode: Type.String(),
  payment: Type.Union([Type.Literal('monthly'), Type.Literal('oneOff')]),
  monthlyAmountFen: Type.Union([Fen, Type.Null()]),
  oneOffAmountFen: Type.Union([Fen, Type.Null()]),
  startMonth: Month,
  nextRecheckOn: Type.Union([LocalDate, Type.Null()]),
  status: Type.String(),
  approvedAt: IsoDateTime,
});
export type EntitlementView = Static<typeof EntitlementView>;
export const EntitlementList = Type.Object({ entitlements: Type.Array(EntitlementView) });
export type EntitlementList = Static<typeof EntitlementList>;

/** A case as its applicant (filer or person concerned) or staff see it. */
export const ApplicationView = Type.Object({
  id: Type.String(),
  programme: ApplicationProgrammeSchema,
  programmeName: Type.String(),
  status: ApplicationStatusSchema,
  statusLabel: Type.String(),
  sequence: Type.Integer({ description: '最后一个事件的序号；办理时作为 expectedSequence 传回' }),
  chain: Type.Array(ChainStepSchema),
  regionCode: Type.String(),
  applicantName: Type.String(),
  applicantIdNumberMasked: Type.String(),
  filedByHelper: Type.Boolean(),
  helperRelation: Type.Union([Type.String(), Type.Null()]),
  applicantConfirmed: Type.Boolean({ description: '申请由本人（已实名核验）提交、本人确认或工作人员受理时为 true；代办申请在此之前不占用“同类申请办理中”的名额' }),
  canConfirm: Type.Boolean({ description: '当前用户是申请人本人（已实名核验）且尚未确认：可 POST /applications/{id}/confirm' }),
  householdSize: Type.Integer(),
  hukou: Type.Union([Hukou, Type.Null()]),
  form: ApplicationForm,
  documents: Type.Array(ApplicationDocument),
  consent: ConsentView,
  submittedAt: IsoDateTime,
  nextStep: Type.Union([Type.Object({ step: Type.String(), label: Type.String(), who: Type.String() }), Type.Null()]),
  deadlines: Type.Array(Deadline),
  overdue: Type.Boolean(),
  emergency: Type.Boolean(),
  grantedFirst: Type.Union([
    Type.Object({ at: IsoDateTime, amountFen: Type.Union([Fen, Type.Null()], { description: '先行救助金额；只给申请人本人（已实名核验）和工作人员，代办人看到 null' }), paperworkPending: Type.Boolean() }),
    Type.Null(),
  ]),
  extended: Type.Union([Type.Object({ at: IsoDateTime, reason: Type.String() }), Type.Null()]),
  missingDocuments: Type.Array(Type.String()),
  notice: Type.Union([Type.Object({ round: Type.Integer(), startsOn: LocalDate, endsOn: LocalDate, ended: Type.Boolean() }), Type.Null()]),
  proposedMonthlyAmountFen: Type.Union([Fen, Type.Null()], { description: '审核拟定金额；代办人（非本人）看到 null' }),
  decisionReasons: Type.Union([Type.String(), Type.Null()]),
  timeline: Type.Array(TimelineEntry),
  entitlement: Type.Union([EntitlementView, Type.Null()], { description: '批准后的待遇；只给申请人本人（已实名核验）和工作人员，代办人看不到' }),
  allowedActions: Type.Array(ApplicationActionSchema, { description: '当前用户此刻可以执行的操作' }),
});
export type ApplicationView = Static<typeof ApplicationView>;

export const ApplicationSummary = Type.Object({
  id: Type.String(),
  programme: ApplicationProgrammeSchema,
  programmeName: Type.String(),
  status: ApplicationStatusSchema,
  statusLabel: Type.String(),
  regionCode: Type.String(),
  applicantNameMasked: Type.String(),
  filedByHelper: Type.Boolean(),
  submittedAt: IsoDateTime,
  nextStep: Type.Union([Type.String(), Type.Null()]),
  dueOn: Type.Union([LocalDate, Type.Null()]),
  overdue: Type.Boolean(),
  emergency: Type.Boolean(),
  paperworkPending: Type.Boolean(),
});
export type ApplicationSummary = Static<typeof ApplicationSummary>;
export const ApplicationList = Type.Object({ applications: Type.Array(ApplicationSummary) });
export type ApplicationList = Static<typeof ApplicationList>;

/** What staff see about a possible duplicate: never shown to residents (a helper learns nothing). */
const StaffFlags = {
  applicantConfirmed: Type.Boolean({ description: '本人提交、本人确认或已受理' }),
  duplicateOf: Type.Union([Type.String(), Type.Null()], { description: '同一申请人同一项目另有办理中的申请（编号）：请合并或不予批准' }),
};
export const StaffApplicationSummary = Type.Object({ ...ApplicationSummary.properties, ...StaffFlags });
export type StaffApplicationSummary = Static<typeof StaffApplicationSummary>;
export const StaffApplicationList = Type.Object({ applications: Type.Array(StaffApplicationSummary) });
export type StaffApplicationList = Static<typeof StaffApplicationList>;

export const StaffQueueQuery = StrictObject({
  status: Type.Optional(ApplicationStatusSchema),
  programme: Type.Optional(ApplicationProgrammeSchema),
  regionCode: Type.Optional(RegionCode),
  overdue: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type StaffQueueQuery = Static<typeof StaffQueueQuery>;

const Act = { expectedSequence: Type.Optional(Type.Integer({ minimum: 1, description: '看到的 sequence；已被他人处理时返回 409' })), note: Type.Optional(Note) };

export const ActBody = StrictObject({ ...Act });
export type ActBody = Static<typeof ActBody>;
export const RequestSupplementBody = StrictObject({
  ...Act,
  missingDocuments: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 30, description: '一次性列出全部需要补正的材料' }),
});
export type RequestSupplementBody = Static<typeof RequestSupplementBody>;
export const SupplementBody = StrictObject({
  ...Act,
  documents: Type.Array(ApplicationDocument, { minItems: 1, maxItems: 30 }),
});
export type SupplementBody = Static<typeof SupplementBody>;
export const HomeVisitBody = StrictObject({
  ...Act,
  visitedOn: LocalDate,
  investigators: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 2, maxItems: 10, description: '调查人员（至少两人）' }),
  findings: Type.String({ minLength: 1, maxLength: 4000 }),
  photos: Type.Optional(Type.Array(FileId, { maxItems: 20 })),
});
export type HomeVisitBody = Static<typeof HomeVisitBody>;
export const ReviewBody = StrictObject({
  ...Act,
  recommendation: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  proposedMonthlyAmountFen: Type.Optional(Fen),
});
export type ReviewBody = Static<typeof ReviewBody>;
export const ObjectionBody = StrictObject({ ...Act, note: Type.String({ minLength: 1, maxLength: 1000 }) });
export type ObjectionBody = Static<typeof ObjectionBody>;
export const ApproveBody = StrictObject({ ...Act, amountFen: Type.Optional(Fen) });
export type ApproveBody = Static<typeof ApproveBody>;
export const RejectBody = StrictObject({ ...Act, reasons: Type.String({ minLength: 2, maxLength: 2000, description: '书面理由，送达申请人' }) });
export type RejectBody = Static<typeof RejectBody>;
export const GrantFirstBody = StrictObject({ ...Act, amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }) });
export type GrantFirstBody = Static<typeof GrantFirstBody>;
export const ExtendBody = StrictObject({ ...Act, reason: Type.String({ minLength: 2, maxLength: 500 }) });
export type ExtendBody = Static<typeof ExtendBody>;

export const ProgrammeList = Type.Object({
  programmes: Type.Array(Type.Object({
    programme: ApplicationProgrammeSchema,
    name: Type.String(),
    summary: Type.String(),
    whoMayApply: Type.String(),
    forChildren: Type.Boolean(),
    household: Type.Boolean(),
    payment: Type.String(),
    steps: Type.Array(Type.String()),
    memberFields: Type.Array(Type.String()),
    documents: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), required: Type.Boolean(), hint: Type.String() })),
    chain: Type.Array(ChainStepSchema),
  })),
  checkAuthorization: Type.Object({ version: Type.String(), title: Type.String(), text: Type.String() }),
});
export type ProgrammeList = Static<typeof ProgrammeList>;

export const PublicNoticeQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });
/** What the public page shows: never ID numbers, phones or addresses. */
export const PublicNoticeEntry = Type.Object({
  id: Type.String(),
  programmeName: Type.String(),
  nameMasked: Type.String(),
  householdSize: Type.Integer(),
  amountFen: Type.Union([Fen, Type.Null()]),
  regionCode: Type.String(),
  startsOn: LocalDate,
  endsOn: LocalDate,
});
export type PublicNoticeEntry = Static<typeof PublicNoticeEntry>;
export const PublicNoticeList = Type.Object({ notices: Type.Array(PublicNoticeEntry) });
export type PublicNoticeList = Static<typeof PublicNoticeList>;

export const MessageView = Type.Object({
  id: Type.String(),
  applicationId: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  body: Type.String(),
  createdAt: IsoDateTime,
  read: Type.Boolean(),
});
export type MessageView = Static<typeof MessageView>;
export const MessageList = Type.Object({ messages: Type.Array(MessageView), unread: Type.Integer() });
export type MessageList = Static<typeof MessageList>;


/** Staff see the same case plus the policy estimate (政策测算) of the household as a suggested amount. */
export const StaffApplicationView = Type.Object({
  ...ApplicationView.properties,
  duplicateOf: StaffFlags.duplicateOf,
  estimate: Type.Union([Type.Object({ monthlyAmountFen: Fen, reasons: Type.Array(Type.String()) }), Type.Null()]),
});
export type StaffApplicationView = Static<typeof StaffApplicationView>;

export const SupervisionView = Type.Object({ overdue: Type.Array(StaffApplicationSummary), paperworkPending: Type.Array(StaffApplicationSummary) });
export type SupervisionView = Static<typeof SupervisionView>;
