/**
 * The one state machine of a recheck (复核): opened (by the schedule or a trigger) → the data
 * check recorded → an optional home visit → a decision. A 特困 stop waits out its 7-day public
 * notice (`noticing`) before it takes effect; everything else closes with the decision. Anything
 * out of this order is refused (409), and views list what is allowed now.
 */
export const RECHECK_STATUSES = ['open', 'checked', 'noticing', 'closed'] as const;
export type RecheckStatus = (typeof RECHECK_STATUSES)[number];
export const RECHECK_STATUS_LABELS: Record<RecheckStatus, string> = { open: '待核对', checked: '待决定', noticing: '退出公示中', closed: '已办结' };

export const RECHECK_ACTIONS = ['recordDataCheck', 'recordVisit', 'decide'] as const;
export type RecheckAction = (typeof RECHECK_ACTIONS)[number];

export const RECHECK_OUTCOMES = ['continue', 'adjust', 'stop'] as const;
export type RecheckOutcome = (typeof RECHECK_OUTCOMES)[number];
export const RECHECK_OUTCOME_LABELS: Record<RecheckOutcome, string> = { continue: '继续保障', adjust: '调整金额', stop: '停止保障' };

/** What staff may do to a recheck in this state. */
export function allowedRecheckActions(status: RecheckStatus): RecheckAction[] {
  switch (status) {
    case 'open': return ['recordDataCheck'];
    case 'checked': return ['recordDataCheck', 'recordVisit', 'decide'];
    default: return [];
  }
}

/** The state after `action` (for a decision, its outcome and whether a public notice must run first), or null when not allowed. */
export function nextRecheckStatus(status: RecheckStatus, action: RecheckAction, decision?: { outcome: RecheckOutcome; needsNotice: boolean }): RecheckStatus | null {
  if (!allowedRecheckActions(status).includes(action)) return null;
  if (action !== 'decide') return 'checked';
  return decision?.outcome === 'stop' && decision.needsNotice ? 'noticing' : 'closed';
}

/** A stop of 特困 support takes effect only after a public notice (43号). */
export function stopNeedsNotice(programme: string): boolean {
  return programme === 'tekun';
}
