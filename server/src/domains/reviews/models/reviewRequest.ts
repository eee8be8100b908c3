import { Schema, type Connection, type Model } from 'mongoose';
import type { DecisionLine, ReviewOutcome, ReviewStatus, ReviewSubjectKind } from '@dajiuzhu/shared';
import { ensureIndexes } from '../../../core/db/ensureIndexes';

/**
 * 复查/异议 (docs/supervision.md). Guarantees are unique `_id`s:
 * - review_requests `_id` = "rv_<hash of subject kind and id>": one request per decision, so a
 *   retried request is the same request;
 * - review_steps `_id` = "<reviewId>:<n>": each step once, in order — step 1 is the office's answer
 *   or the escalation (whichever comes first wins), step 2 the county's answer after an escalation.
 */
const base = { versionKey: false as const, minimize: false };
const Mixed = Schema.Types.Mixed;

export interface ReviewAnswerDoc { outcome: ReviewOutcome; text: string; byId: string; level: 'township' | 'county'; at: Date }
export interface ReviewRequestDoc {
  _id: string;
  subjectKind: ReviewSubjectKind;
  subjectId: string;
  programme: string;
  regionCode: string;
  /** The blind index of the person the decision is about. */
  personKey: string;
  subjectName: string;
  idNumberMasked: string;
  requesterId: string;
  reason: string;
  /** The decision as the person saw it when asking (its lines and rule), kept with the request. */
  decision: { kind: string; decidedOn: string; lines: DecisionLine[]; rule: string };
  status: ReviewStatus;
  level: 'township' | 'county';
  step: number;
  dueOn: string;
  requestedAt: Date;
  escalatedAt: Date | null;
  answer: ReviewAnswerDoc | null;
  updatedAt: Date;
}
const ReviewSchema = new Schema<ReviewRequestDoc>({
  _id: { type: String, required: true }, subjectKind: { type: String, required: true }, subjectId: { type: String, required: true }, programme: { type: String, required: true },
  regionCode: { type: String, required: true }, personKey: { type: String, required: true }, subjectName: { type: String, default: '' }, idNumberMasked: { type: String, default: '' },
  requesterId: { type: String, required: true }, reason: { type: String, required: true }, decision: { type: Mixed, required: true }, status: { type: String, required: true },
  level: { type: String, required: true }, step: { type: Number, required: true }, dueOn: { type: String, required: true }, requestedAt: { type: Date, required: true },
  escalatedAt: { type: Date, default: null }, answer: { type: Mixed, default: null }, updatedAt: { type: Date, required: true },
}, { ...base, collection: 'review_requests' });
ReviewSchema.index({ regionCode: 1, status: 1 });
ReviewSchema.index({ requesterId: 1, requestedAt: -1 });
ReviewSchema.index({ status: 1, dueOn: 1 });

export interface ReviewStepDoc { _id: string; reviewId: string; step: number; action: 'answer' | 'escalate'; set: Partial<ReviewRequestDoc>; actorId: string; at: Date }
const StepSchema = new Schema<ReviewStepDoc>({
  _id: { type: String, required: true }, reviewId: { type: String, required: true }, step: { type: Number, required: true }, action: { type: String, required: true },
  set: { type: Mixed, required: true }, actorId: { type: String, required: true }, at: { type: Date, required: true },
}, { ...base, collection: 'review_steps' });

export interface ReviewModels { Review: Model<ReviewRequestDoc>; Step: Model<ReviewStepDoc> }

export async function registerReviewModels(conn: Connection): Promise<ReviewModels> {
  const models = { Review: conn.model('ReviewRequest', ReviewSchema), Step: conn.model('ReviewStep', StepSchema) };
  await ensureIndexes(models);
  return models;
}
