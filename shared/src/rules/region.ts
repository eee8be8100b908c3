/**
 * GB/T 2260 region codes (行政区划代码): 6 digits for province/prefecture/county, 9 for
 * township/street, 12 for village/community. A staff member bound to a code sees that region
 * and every region under it.
 */

export const REGION_CODE_PATTERN = '^(\\d{6}|\\d{9}|\\d{12})$';

export function isRegionCode(code: string): boolean {
  return new RegExp(REGION_CODE_PATTERN).test(code) && !code.startsWith('0');
}

/** The prefix shared by a region and everything under it: 370000 → 37, 371400 → 3714, 371402 → 371402. */
export function regionPrefix(code: string): string {
  if (code.length === 6) {
    if (code.endsWith('0000')) return code.slice(0, 2);
    if (code.endsWith('00')) return code.slice(0, 4);
    return code;
  }
  if (code.length === 12 && code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** True when `subject` lies inside `scope` (or is the same region). */
export function regionCovers(scope: string, subject: string): boolean {
  if (!isRegionCode(scope) || !isRegionCode(subject)) return false;
  return subject.startsWith(regionPrefix(scope));
}
