/** Same bound as the shared EstimateRequest schema's `monthlyFen` (10^9 fen = 1000 万元); kept here so TypeBox stays out. */
export const MAX_MONTHLY_FEN = 1_000_000_000;

/**
 * Yuan typed by a person → integer fen, read from the decimal string (never through a float):
 * "12.3" → 1230, "0.07" → 7, "" → 0. Full-width digits and a Chinese full stop are accepted
 * (older people's keyboards). Returns a Chinese problem instead of a number when it cannot be read.
 */
export function parseYuanToFen(text: string): { fen: number } | { problem: string } {
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[。．]/g, '.')
    .replace(/元$/, '')
    .trim();
  if (normalized === '') return { fen: 0 };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(normalized);
  if (!m || (m[1] === '' && !m[2])) return { problem: '请输入数字金额，如 500 或 500.50' };
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  if (frac.length > 2) return { problem: '金额最多精确到分（小数点后两位）' };
  if (whole.length > 8) return { problem: '金额过大，请核对' };
  const fen = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2));
  if (fen > MAX_MONTHLY_FEN) return { problem: '金额过大，请核对' };
  return { fen };
}

/** Integer fen → "755.00". */
export function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
