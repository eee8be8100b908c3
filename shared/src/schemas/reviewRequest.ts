import { Type, type Static } from '@sinclair/typebox';
import { CalendarDate, IsoDateTime, RegionCode, StrictObject } from './common';

/** 复查/异议: a decision's reasons line by line, the person's request, the office's answer, the counts. */
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
export const ReviewSubjectKindSchema = lit(['application', 'recheck', 'autoGrant'] as const);
export const ReviewStatusSchema = lit(['submitted', 'escalated', 'answered'] as const);
export const ReviewOutcomeSchema = lit(['upheld', 'changed'] as const);
/** At most 95: with its colons sent as `%3A` it stays within the router's 100 (one over gets the schema's 400, not a 414). */
const SubjectId = Type.String({ minLength: 1, maxLength: 95, pattern: '^[A-Za-z0-9_:.-]+$' });

export const DecisionLine = Type.Object({ label: Type.String(), text: Type.String() });
export type DecisionLine = Static<typeof DecisionLine>;

export const ReviewAnswerView = Type.Object({
  outcome: ReviewOutcomeSchema,
  outcomeName: Type.String(),
  text: Type.String(),
  level: lit(['township', 'county'] as const),
  answeredAt: IsoDateTime,
});

export const ReviewView = Type.Object({
  id: Type.String(),
  subjectKind: ReviewSubjectKindSchema,
  subjectId: Type.String(),
  programme: Type.String(),
  programmeName: Type.String(),
  subjectNameMasked: Type.String(),
  idNumberMasked: Type.String(),
  regionCode: RegionCode,
  status: ReviewStatusSchema,
  statusName: Type.String(),
  /** Who answers now: the office (township or the deciding county) until it escalates, then the county. */
  level: lit(['township', 'county'] as const),
  reason: Type.String(),
  requestedAt: IsoDateTime,
  dueOn: CalendarDate,
  overdue: Type.Boolean(),
  escalatedAt: Type.Union([IsoDateTime, Type.Null()]),
  answer: Type.Union([ReviewAnswerView, Type.Null()]),
});
export type ReviewView = Static<typeof ReviewView>;

/** A decision as the person reads it: every reason on its own line, the rule, until when a review may be asked. */
export const DecisionReasonsView = Type.Object({
  subjectKind: ReviewSubjectKindSchema,
  subjectId: Type.String(),
  programme: Type.String(),
  programmeName: Type.String(),
  decision: lit(['rejected', 'reduced', 'stopped', 'autoGranted'] as const),
  decisionName: Type.String(),
  decidedOn: CalendarDate,
  lines: Type.Array(DecisionLine),
  rule: Type.String(),
  reviewBy: CalendarDate,
  canRequestReview: Type.Boolean(),
  review: Type.Union([ReviewView, Type.Null()]),
});
export type DecisionReasonsView = Static<typeof DecisionReasonsView>;

export const DecisionParams = StrictObject({ subjectKind: ReviewSubjectKindSchema, subjectId: SubjectId });
export type DecisionParams = Static<typeof DecisionParams>;

export const ReviewRequestBody = StrictObject({
  subjectKind: ReviewSubjectKindSchema,
  subjectId: SubjectId,
  reason: Type.String({ minLength: 2, maxLength: 1000, description: '您认为决定不对的地方' }),
});
export type ReviewRequestBody = Static<typeof ReviewRequestBody>;

export const ReviewList = Type.Object({ reviews: Type.Array(ReviewView) });
export type ReviewList = Static<typeof ReviewList>;

export const ReviewIdParams = StrictObject({ reviewId: Type.String({ pattern: '^rv_[A-Za-z0-9_-]{8,60}$' }) });
export type ReviewIdParams = Static<typeof ReviewIdParams>;

export const StaffReviewQuery = StrictObject({
  regionCode: Type.Optional(RegionCode),
  status: Type.Optional(ReviewStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type StaffReviewQuery = Static<typeof StaffReviewQuery>;

export const ReviewAnswerBody = StrictObject({ outcome: ReviewOutcomeSchema, text: Type.String({ minLength: 2, maxLength: 2000, description: '书面答复，送达申请人' }) });
export type ReviewAnswerBody = Static<typeof ReviewAnswerBody>;

const CountRow = Type.Object({ regionCode: Type.String(), regionName: Type.String(), submitted: Type.Integer(), escalated: Type.Integer(), answered: Type.Integer(), overdue: Type.Integer() });
export const ReviewCounts = Type.Object({ regionCode: RegionCode, total: CountRow, byRegion: Type.Array(CountRow), capped: Type.Boolean() });
export type ReviewCounts = Static<typeof ReviewCounts>;
export const ReviewCountsQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });
