import { maskName, programmeName, REVIEW_OUTCOME_LABELS, REVIEW_STATUS_LABELS, type ReviewView } from '@dajiuzhu/shared';
import type { ReviewRequestDoc } from '../models/reviewRequest';

export function toReviewView(r: ReviewRequestDoc, today: string): ReviewView {
  return {
    id: r._id, subjectKind: r.subjectKind, subjectId: r.subjectId, programme: r.programme, programmeName: programmeName(r.programme),
    subjectNameMasked: maskName(r.subjectName), idNumberMasked: r.idNumberMasked, regionCode: r.regionCode,
    status: r.status, statusName: REVIEW_STATUS_LABELS[r.status], level: r.level, reason: r.reason, requestedAt: r.requestedAt.toISOString(), dueOn: r.dueOn,
    overdue: r.status !== 'answered' && r.dueOn < today, escalatedAt: r.escalatedAt ? r.escalatedAt.toISOString() : null,
    answer: r.answer ? { outcome: r.answer.outcome, outcomeName: REVIEW_OUTCOME_LABELS[r.answer.outcome], text: r.answer.text, level: r.answer.level, answeredAt: new Date(r.answer.at).toISOString() } : null,
  };
}
