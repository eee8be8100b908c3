/** How a case's progress reads to the applicant (pure, so the words are tested without a page). */

/** "乡镇（街道）受理", not "乡镇（街道）受理（乡镇（街道））": who acts is named only when the step's label does not say it. */
export function nextStepText(next: { label: string; who: string }): string {
  return next.who && !next.label.includes(next.who) ? `${next.label}（${next.who}）` : next.label;
}

/**
 * 公示 is in progress from its first day through its last (the seven days are for objections); it
 * is done only once its end date has passed or the case moved on. Its start is not its completion.
 */
export function publicNoticeState(status: string, notice: { startsOn: string; endsOn: string } | null | undefined, today: string): 'running' | 'ended' | null {
  if (!notice) return null;
  if ((status === 'publicNotice' || status === 'objection') && today <= notice.endsOn) return 'running';
  return 'ended';
}
