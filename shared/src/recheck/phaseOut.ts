import { addMonths } from '../applications/workingDays';

/**
 * 渐退期 (57号): a household whose income rose through work keeps its aid for up to N months after
 * the decision, then it ends. Aid ends from the month after the decision when there is none.
 */
export const MAX_PHASE_OUT_MONTHS = 6;

/** The first month nothing is paid, for a stop decided in `decidedMonth` (YYYY-MM) with `phaseOutMonths` of 渐退. */
export function endFromMonthFor(decidedMonth: string, phaseOutMonths: number): string {
  const months = Math.max(0, Math.min(MAX_PHASE_OUT_MONTHS, Math.floor(phaseOutMonths)));
  return addMonths(decidedMonth, 1 + months);
}

/** The months still paid during a 渐退期 ending before `endFromMonth`, from `decidedMonth`'s next month. */
export function phaseOutMonthsBetween(decidedMonth: string, endFromMonth: string): string[] {
  const out: string[] = [];
  for (let m = addMonths(decidedMonth, 1); m < endFromMonth && out.length < 24; m = addMonths(m, 1)) out.push(m);
  return out;
}
