/**
 * 复查/异议 (`reviewRequest`): the person asks the office to look again at a decision (a refusal, a
 * cut or a stop, or a grant made from data without an application). The office answers within its
 * time limit; otherwise the request escalates to the county, which answers it.
 */
export const REVIEW_SUBJECT_KINDS = ['application', 'recheck', 'autoGrant'] as const;
export type ReviewSubjectKind = (typeof REVIEW_SUBJECT_KINDS)[number];

export const REVIEW_STATUSES = ['submitted', 'escalated', 'answered'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { submitted: '办理中', escalated: '已逾期，转县级民政部门办理', answered: '已答复' };

export const REVIEW_OUTCOMES = ['upheld', 'changed'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = { upheld: '维持原决定', changed: '改变原决定' };

export type ReviewAction = 'answer' | 'escalate';

/**
 * The next status, or null when the action is not allowed now: a submitted request is answered by
 * the office (township or county) or escalated (by the job, when overdue); an escalated one is
 * answered by the county only; an answered one is final.
 */
export function reviewTransition(from: ReviewStatus, action: ReviewAction, actorLevel: 'township' | 'county' | 'system'): ReviewStatus | null {
  if (action === 'escalate') return from === 'submitted' && actorLevel === 'system' ? 'escalated' : null;
  if (from === 'submitted') return actorLevel === 'system' ? null : 'answered';
  if (from === 'escalated') return actorLevel === 'county' ? 'answered' : null;
  return null;
}
