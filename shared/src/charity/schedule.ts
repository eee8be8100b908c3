/**
 * When a project's next report is due (charity law art. 71 and 德州's practice: at least every
 * three months while it raises money, a final one within three months of the end). Pure date
 * maths on Shanghai calendar days (YYYY-MM-DD); the months are settings (config.charity).
 */
export interface ReportRule { progressEveryMonths: number; finalWithinMonths: number }

/** `day` plus `months` calendar months, clamped to the month's last day (2026-11-30 + 3 → 2027-02-28). */
export function addCalendarMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export type ReportKind = 'progress' | 'final';

/**
 * The due day after `event` on `day`:
 * - published or a progress report filed while raising → progress due `progressEveryMonths` later;
 * - closed (end date, or by the organisation) → final due `finalWithinMonths` after the end;
 * - a final report filed → nothing more due (null).
 * A progress report filed after the close keeps the final's due day.
 */
export function nextReportDue(rule: ReportRule, event: { type: 'published' | 'progressFiled' | 'closed' | 'finalFiled'; day: string; raising: boolean; currentDue: string | null }): string | null {
  switch (event.type) {
    case 'published':
      return addCalendarMonths(event.day, rule.progressEveryMonths);
    case 'progressFiled':
      return event.raising ? addCalendarMonths(event.day, rule.progressEveryMonths) : event.currentDue;
    case 'closed':
      return addCalendarMonths(event.day, rule.finalWithinMonths);
    case 'finalFiled':
      return null;
  }
}

/** Overdue once the due day has passed (a report filed on the due day is on time). */
export function isReportOverdue(due: string | null, today: string): boolean {
  return due !== null && today > due;
}
