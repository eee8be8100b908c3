import { insertWins } from '../../core/db/insertWins';
import { regionWithin } from '../../core/scope/staffScope';
import type { ReviewModels, ReviewRequestDoc, ReviewStepDoc } from './models/reviewRequest';

/** Every database access of the reviews domain (each query names the index it uses). */
export function reviewRepository(m: ReviewModels) {
  return {
    insertReview: (doc: ReviewRequestDoc) => insertWins(m.Review, doc),
    findReview: (id: string) => m.Review.findById(id).lean<ReviewRequestDoc>().exec(),
    /** Applies step `step`'s fields (only from the step before: applying twice is harmless). */
    applyStep: (id: string, step: number, set: Partial<ReviewRequestDoc>) => m.Review.updateOne({ _id: id, step: step - 1 }, { $set: { ...set, step } }).exec(),
    insertStep: (doc: ReviewStepDoc) => insertWins(m.Step, doc),
    findStep: (id: string) => m.Step.findById(id).lean<ReviewStepDoc>().exec(),
    /** Index requesterId_1_requestedAt_-1. */
    listMine: (userId: string) => m.Review.find({ requesterId: userId }).sort({ requestedAt: -1 }).limit(100).lean<ReviewRequestDoc[]>().exec(),
    /** Index regionCode_1_status_1. */
    listInRegion: (scope: string, status: string | undefined, limit: number) =>
      m.Review.find({ regionCode: regionWithin(scope), ...(status ? { status } : {}) }).sort({ dueOn: 1, _id: 1 }).limit(limit).lean<ReviewRequestDoc[]>().exec(),
    /** What the counts read, streamed. Index regionCode_1_status_1. */
    factsInRegion: (scope: string) => m.Review.find({ regionCode: regionWithin(scope) }, { _id: 0, regionCode: 1, status: 1, dueOn: 1 })
      .lean<Pick<ReviewRequestDoc, 'regionCode' | 'status' | 'dueOn'>>().cursor({ batchSize: 2000 }),
    /** Submitted requests whose answer is overdue (the escalation job). Index status_1_dueOn_1. */
    overdueSubmitted: (before: string, limit: number) => m.Review.find({ status: 'submitted', dueOn: { $lt: before } }).limit(limit).lean<ReviewRequestDoc[]>().exec(),
  };
}
export type ReviewRepository = ReturnType<typeof reviewRepository>;
