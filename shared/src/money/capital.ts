/**
 * An amount in Chinese capital words (大写金额), as a donation receipt (捐赠票据) and every bill
 * write it, following 《正确填写票据和结算凭证的基本规定》: 壹贰叁…, 拾佰仟 inside each group of four
 * digits, 万 and 亿 between groups; one 零 for any run of zeros between written digits; 元 then
 * 整 when there are no 角 and 分; 零 before the 分 when the 角 is zero. 10 is 壹拾 (never a bare 拾,
 * so nothing can be written in front of it). Pure: used by the server's PDF and by the phone.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['仟', '佰', '拾', ''];
const GROUPS = ['', '万', '亿', '万亿'];

/** Whole yuan in words without 元 ('' for 0). */
function yuanWords(yuan: number): string {
  const groups: number[] = [];
  for (let n = yuan; n > 0; n = Math.floor(n / 10_000)) groups.push(n % 10_000);
  let out = '';
  let zero = false;
  for (let g = groups.length - 1; g >= 0; g -= 1) {
    const group = groups[g];
    if (group === 0) { if (out) zero = true; continue; }
    const digits = [Math.floor(group / 1000), Math.floor(group / 100) % 10, Math.floor(group / 10) % 10, group % 10];
    for (let i = 0; i < 4; i += 1) {
      if (digits[i] === 0) { if (out) zero = true; continue; }
      if (zero) { out += '零'; zero = false; }
      out += DIGITS[digits[i]] + IN_GROUP[i];
    }
    // Zeros at the end of a group are said by its unit (壹拾万柒仟, not 壹拾万零柒仟); a zero at the start of the next is not.
    out += GROUPS[g];
    zero = false;
  }
  return out;
}

/** 123456 fen → "壹仟贰佰叁拾肆元伍角陆分"; 10000 → "壹佰元整"; 0 → "零元整". Whole, non-negative fen below 10^16. */
export function amountInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${yuanWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  return out;
}
