import type { StatementInputRow } from '@dajiuzhu/shared';

const MONTHS = 12;
const SEEN = MONTHS; // slot of the bitmask of months that had a row

/**
 * One person's year as publishing sums it: fen per programme and month. Compact on purpose — a
 * region's 100,000 people are all held at once while the year's rows stream by (publishing reads
 * them in one pass: docs/ledger.md) — so each programme is 12 amounts and a mask of the months
 * that had a row, in one typed array, instead of a map entry per month. Rows whose period is not a
 * month of the year (none are written today) keep their own entries, so nothing is dropped.
 */
export class PersonYearSums {
  private readonly byProgramme = new Map<string, Float64Array>();
  private other: Map<string, number> | null = null;

  constructor(private readonly year: number) {}

  add(programme: string, period: string, amountFen: number): void {
    const month = Number(period.slice(5, 7));
    if (period.length !== 7 || period.slice(0, 4) !== String(this.year) || !(month >= 1 && month <= MONTHS)) {
      this.other ??= new Map();
      const k = `${programme}|${period}`;
      this.other.set(k, (this.other.get(k) ?? 0) + amountFen);
      return;
    }
    let sums = this.byProgramme.get(programme);
    if (!sums) { sums = new Float64Array(MONTHS + 1); this.byProgramme.set(programme, sums); }
    sums[month - 1] += amountFen;
    sums[SEEN] = sums[SEEN] | (1 << (month - 1));
  }

  /** One row per programme and month that had rows (their sum), as assembleStatement takes them. */
  rows(): StatementInputRow[] {
    const rows: StatementInputRow[] = [];
    for (const [programme, sums] of this.byProgramme) {
      for (let m = 0; m < MONTHS; m += 1) {
        if (sums[SEEN] & (1 << m)) rows.push({ programme, period: `${this.year}-${String(m + 1).padStart(2, '0')}`, amountFen: sums[m] });
      }
    }
    for (const [k, amountFen] of this.other ?? []) { const [programme, period] = k.split('|'); rows.push({ programme, period, amountFen }); }
    return rows;
  }
}
