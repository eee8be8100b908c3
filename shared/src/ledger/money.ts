/**
 * Money on the ledger is integer fen. These helpers turn what people type or what other
 * departments send ("1,234.5", "755", "75500") into fen exactly (string arithmetic, never a float
 * fraction) and fen back into yuan with two decimals.
 */

export type AmountUnit = 'yuan' | 'fen';

export type AmountProblem = 'amountMissing' | 'amountNotNumber' | 'amountNotPositive' | 'amountTooPrecise' | 'amountTooLarge';

/** Largest single disbursement accepted: 10 million yuan (keeps sums far below 2^53). */
export const MAX_DISBURSEMENT_FEN = 1_000_000_000;

/** Parses an amount in the declared unit into fen, or says what is wrong with it. */
export function parseAmountToFen(raw: string, unit: AmountUnit): { fen: number } | { problem: AmountProblem } {
  const text = raw.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  if (text === '') return { problem: 'amountMissing' };
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { problem: 'amountNotNumber' };
  const [, sign, whole, frac = ''] = m;
  let fen: number;
  if (unit === 'fen') {
    if (/[1-9]/.test(frac)) return { problem: 'amountTooPrecise' };
    fen = Number(whole);
  } else {
    if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) return { problem: 'amountTooPrecise' };
    fen = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  }
  if (whole.length > 12 || fen > MAX_DISBURSEMENT_FEN) return { problem: 'amountTooLarge' };
  if (sign === '-' || fen <= 0) return { problem: 'amountNotPositive' };
  return { fen };
}

/** Fen as yuan with two decimals: 75500 → "755.00", -5 → "-0.05". */
export function yuanFromFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 75500 → "755.00 元" */
export function yuanTextFromFen(fen: number): string {
  return `${yuanFromFen(fen)} 元`;
}
