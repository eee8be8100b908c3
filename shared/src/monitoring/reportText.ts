/**
 * 随手拍 and 一键求助 texts must not carry a phone number or an ID number (someone else's, typed
 * into a free text the staff queue shows): such a text is refused, with the reason, before it is
 * stored. Digits may be separated by spaces or dashes; full-width digits count.
 */
export type ContactProblem = 'phoneNumber' | 'idNumber';

const toAscii = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[Ｘｘ]/g, 'X').replace(/[－‐]/g, '-').replace(/\u3000/g, ' ');

export function findContactNumbers(text: string): ContactProblem[] {
  // Runs of digits with optional separators between them, e.g. "138 0013 8000" or "3714-0219..."
  const runs = toAscii(text).match(/\d[\d\s\-–—]{9,24}[\dXx]/g) ?? [];
  const found = new Set<ContactProblem>();
  for (const run of runs) {
    const digits = run.replace(/[\s\-–—]/g, '');
    if (/\d{17}[\dXx]/.test(digits) || /\d{15}/.test(digits)) found.add('idNumber');
    else if (/1[3-9]\d{9}/.test(digits)) found.add('phoneNumber');
    else if (/0\d{2,3}\d{7,8}/.test(digits)) found.add('phoneNumber');
  }
  return [...found];
}
