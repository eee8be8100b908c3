/**
 * Progress and matching maths (pure, integer fen). A matching pledge (配捐) promises `ratioPercent`
 * of every confirmed donation to the project, up to `capFen`: matched = min(cap, ⌊raised × ratio / 100⌋).
 * Each pledge applies to the whole raised total (donations before the pledge count too: the
 * company promises to match the project, not a window of it); several pledges each match in full.
 */
export interface PledgeTerms { ratioPercent: number; capFen: number }

export function matchedFen(pledge: PledgeTerms, raisedFen: number): number {
  return Math.min(pledge.capFen, Math.floor((raisedFen * pledge.ratioPercent) / 100));
}

/** Whole percent of the goal reached (may pass 100; never negative). */
export function percentOfGoal(fen: number, goalFen: number): number {
  return goalFen > 0 ? Math.max(0, Math.floor((fen * 100) / goalFen)) : 0;
}

/** Budget lines must add up to the goal exactly. */
export function budgetMatchesGoal(lines: readonly { amountFen: number }[], goalFen: number): boolean {
  return lines.reduce((sum, l) => sum + l.amountFen, 0) === goalFen;
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters and its check character. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';
/** The OpenAPI `format` naming the check character no pattern can state (the contract test generates such codes: test/contract/hooks.py). */
export const CREDIT_CODE_FORMAT = 'gb32100';

export function isCreditCode(code: string): boolean {
  if (!new RegExp(CREDIT_CODE_PATTERN).test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CHARS.indexOf(code[i]) * CREDIT_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17];
}

/** A credit code with its check character computed (for demo data and tests). */
export function withCreditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** Shown as 1234**********5678 where a screen lists a company's tax number. */
export function maskCreditCode(code: string): string {
  return code.length > 8 ? `${code.slice(0, 4)}${'*'.repeat(code.length - 8)}${code.slice(-4)}` : code;
}
