/** Dates are Asia/Shanghai (UTC+8, no daylight saving). The one place that computes them. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** YYYY-MM-DDTHH:mm:ss of the given instant on a Shanghai wall clock. */
function shanghaiIso(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
}

/** YYYY-MM-DD of the given instant in Asia/Shanghai. */
export function shanghaiDate(at: Date = new Date()): string {
  return shanghaiIso(at).slice(0, 10);
}

/** YYYY-MM (a period) of the given instant in Asia/Shanghai. */
export function shanghaiMonth(at: Date = new Date()): string {
  return shanghaiIso(at).slice(0, 7);
}

/** The calendar year of the given instant in Asia/Shanghai. */
export function shanghaiYear(at: Date = new Date()): number {
  return Number(shanghaiIso(at).slice(0, 4));
}

/** "YYYY-MM-DD HH:mm" on a Shanghai wall clock, for times shown to people. */
export function shanghaiDateTime(at: Date | string): string {
  return shanghaiIso(typeof at === 'string' ? new Date(at) : at).slice(0, 16).replace('T', ' ');
}

export const ISO_DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** True for a real calendar day written YYYY-MM-DD ("2021-02-30" is not one). */
export function isCalendarDate(text: string): boolean {
  if (!new RegExp(ISO_DATE_PATTERN).test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
