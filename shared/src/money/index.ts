/**
 * Money is integer fen everywhere (GLOSSARY.md). This is the one place that turns text into fen
 * and fen into text: string arithmetic, never a float fraction, the same on the server and the phone.
 * Kept free of schema imports so the mini-program can import it by path without TypeBox.
 */

/** Largest amount accepted anywhere: 10 million yuan (sums stay far below 2^53). */
export const MAX_AMOUNT_FEN = 1_000_000_000;

/** Fen as yuan with two decimals: 75500 → "755.00", -5 → "-0.05". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 75500 → "755.00 元"; a missing amount → the placeholder (default "—"). */
export function formatYuanText(fen: number | null | undefined, missing = '—'): string {
  return fen === null || fen === undefined ? missing : `${formatYuan(fen)} 元`;
}

/** Fen as a price tag without needless decimals: 1200 → "¥12", 1250 → "¥12.50". */
export function formatPrice(fen: number): string {
  return fen % 100 === 0 ? `¥${fen / 100}` : `¥${formatYuan(fen)}`;
}

/** Full-width digits, Chinese full stops, thousands separators, ¥ and 元 → plain ASCII decimal text. */
function normalizeAmountText(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[。．]/g, '.')
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
}

export type AmountUnit = 'yuan' | 'fen';
export type AmountProblem = 'amountMissing' | 'amountNotNumber' | 'amountNotPositive' | 'amountTooPrecise' | 'amountTooLarge';

/** An amount in the declared unit (as other departments send it: "1,234.5", "755", "75500") → fen, or what is wrong. */
export function parseAmountToFen(raw: string, unit: AmountUnit): { fen: number } | { problem: AmountProblem } {
  const text = normalizeAmountText(raw);
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
  if (whole.length > 12 || fen > MAX_AMOUNT_FEN) return { problem: 'amountTooLarge' };
  if (sign === '-' || fen <= 0) return { problem: 'amountNotPositive' };
  return { fen };
}

const INPUT_PROBLEMS: Record<'amountNotNumber' | 'amountTooPrecise' | 'amountTooLarge', string> = {
  amountNotNumber: '请输入数字金额，如 500 或 500.50',
  amountTooPrecise: '金额最多精确到分（小数点后两位）',
  amountTooLarge: '金额过大，请核对',
};

/**
 * Yuan typed by a person (older people's keyboards: full-width digits, "。") → fen. Empty text is
 * `{ fen: null }` so a form can tell "not filled in" from zero; a problem comes as a Chinese sentence.
 */
export function parseYuanInput(text: string): { fen: number | null } | { problem: string } {
  const t = normalizeAmountText(text);
  if (t === '') return { fen: null };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === '' && !m[2])) return { problem: INPUT_PROBLEMS.amountNotNumber };
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  if (frac.length > 2) return { problem: INPUT_PROBLEMS.amountTooPrecise };
  if (whole.length > 8) return { problem: INPUT_PROBLEMS.amountTooLarge };
  const fen = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2));
  if (fen > MAX_AMOUNT_FEN) return { problem: INPUT_PROBLEMS.amountTooLarge };
  return { fen };
}

/**
 * a ÷ b rounded half up to a whole fen, for non-negative integers: 42283.33 → 42283, 0.5 → 1.
 * Pure integer arithmetic, exact below 2^53.
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
