/**
 * Working-day arithmetic (工作日). Pure: the holiday calendar is data (config/src/holidays.ts
 * holds the State Council's published schedule). A day is a working day when it is a make-up
 * working day (调休上班), or else when it is Monday–Friday and not a public holiday.
 * Dates are YYYY-MM-DD in Asia/Shanghai; arithmetic is done on the calendar date only.
 */

export interface HolidayCalendar {
  /** Days off (放假), including weekend days inside a holiday block. */
  holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export interface CalendarIndex {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function indexCalendar(cal: HolidayCalendar): CalendarIndex {
  return { holidays: new Set(cal.holidays), workdays: new Set(cal.workdays) };
}

function asIndex(cal: HolidayCalendar | CalendarIndex): CalendarIndex {
  return cal.holidays instanceof Set ? (cal as CalendarIndex) : indexCalendar(cal as HolidayCalendar);
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: HolidayCalendar | CalendarIndex): boolean {
  const cal = asIndex(calendar);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const wd = weekday(date);
  return wd !== 0 && wd !== 6;
}

/**
 * The n-th working day after `date` (the day itself does not count): "within 3 working days of
 * acceptance on a Friday" is the following Wednesday in an ordinary week. n = 0 returns `date`.
 */
export function addWorkingDays(date: string, n: number, calendar: HolidayCalendar | CalendarIndex): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const cal = asIndex(calendar);
  let d = date;
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return d;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar | CalendarIndex): number {
  const cal = asIndex(calendar);
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) count += 1;
  return count;
}

/** "YYYY-MM" of the month after the given date's month (or a later one). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The same day `n` months later, clamped to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonthsToDate(date: string, n: number): string {
  const month = addMonths(date.slice(0, 7), n);
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${month}-${String(day).padStart(2, '0')}`;
}
