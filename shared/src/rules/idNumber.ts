/**
 * GB 11643-1999 resident ID numbers (身份证号): 17 digits and a check character.
 * Pure functions shared by the server and the mini-program, so a wrong check digit
 * is caught on the phone before anything is sent.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

export interface IdNumberFacts {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'male' | 'female';
  /** First six digits: the GB/T 2260 region where the number was issued. */
  issuingRegion: string;
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function checkCharFor(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Returns null when valid, otherwise what is wrong. `today` is YYYY-MM-DD (Asia/Shanghai). */
export function findIdNumberProblem(raw: string, today?: string): IdNumberProblem | null {
  const id = normalizeIdNumber(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isRealDate(y, m, d) || y < 1900) return 'birthDate';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (today && birth > today) return 'birthDate';
  if (checkCharFor(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

export function isValidIdNumber(raw: string, today?: string): boolean {
  return findIdNumberProblem(raw, today) === null;
}

/** Facts derived from a valid number. Call only after validation. */
export function idNumberFacts(raw: string): IdNumberFacts {
  const id = normalizeIdNumber(raw);
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    issuingRegion: id.slice(0, 6),
  };
}

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号应为18位，前17位是数字，最后一位是数字或X',
  birthDate: '身份证号中的出生日期不正确',
  checkDigit: '身份证号最后一位校验码不对，请核对后重新输入',
};

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
