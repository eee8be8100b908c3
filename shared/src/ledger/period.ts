/**
 * Periods are calendar months written YYYY-MM (Asia/Shanghai), in the years the ledger keeps
 * (2000–2100, the same bounds as a statement's year): a period outside them is refused by the
 * schema, never started as a job whose view then cannot be serialised.
 */
export const PERIOD_PATTERN = '^(20\\d{2}|2100)-(0[1-9]|1[0-2])$';

export function isPeriod(text: string): boolean {
  return new RegExp(PERIOD_PATTERN).test(text);
}

/** Accepts "2025-03", "2025-3", "2025/03", "202503", "2025年3月", "2025-03-31" (a spreadsheet date) and returns "2025-03", or null. */
export function normalizePeriod(raw: string): string | null {
  let t = raw.trim();
  const day = /^(\d{4}-\d{1,2})-\d{1,2}(?:[ T].*)?$/.exec(t);
  if (day) t = day[1];
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(t);
  if (!m) return null;
  const month = Number(m[2] ?? m[3]);
  if (month < 1 || month > 12) return null;
  const p = `${m[1]}-${String(month).padStart(2, '0')}`;
  return isPeriod(p) ? p : null;
}

/** The month of a YYYY-MM-DD day. */
export function periodOfDate(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** 1..12 */
export function periodMonth(period: string): number {
  return Number(period.slice(5, 7));
}
