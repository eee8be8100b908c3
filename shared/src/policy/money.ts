/**
 * Money in the estimate: integer fen only, so every amount is exact and the same on the server and
 * the phone. Division happens in one place (divideRoundHalfUp) under one written rule.
 */

/**
 * a ÷ b rounded half up to a whole fen, for non-negative integers: 42283.33 → 42283,
 * 0.5 → 1. Pure integer arithmetic (no floating-point fractions), exact below 2^53.
 */
export function divideRoundHalfUp(a: number, b: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b <= 0) throw new RangeError(`divideRoundHalfUp(${a}, ${b}) needs non-negative integers`);
  return Math.floor((2 * a + b) / (2 * b));
}

/**
 * THE rounding rule for a rate published per year where a monthly amount is paid:
 * monthly fen = yearly fen ÷ 12, rounded half up to the fen (docs/policy.md).
 * Loudi rural dibao 5074 元/年 = 507400 fen → 42283 fen (422.83 元) per month.
 */
export function monthlyFromYearlyFen(yearFen: number): number {
  return divideRoundHalfUp(yearFen, 12);
}

/** Fen as yuan with two decimals, for reasons shown to people: 75500 → "755.00". */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
