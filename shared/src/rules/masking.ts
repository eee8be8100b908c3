/**
 * The one set of masks used everywhere personal data is shown (API responses, staff screens,
 * logs that must mention a person). Public pages show none of these fields at all.
 */

/** 371402199001011234 → 3***************34: keeps only what a person needs to recognise their own number. */
export function maskIdNumber(id: string): string {
  if (id.length < 4) return '*'.repeat(id.length);
  return id[0] + '*'.repeat(id.length - 3) + id.slice(-2);
}

/** 13800138000 → 138****8000 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 王小明 → 王**; 欧阳 → 欧*. Masks every character after the first. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
