/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const MOBILE_PHONE_PATTERN = '^1[3-9]\\d{9}$';

export function isMobilePhone(phone: string): boolean {
  return new RegExp(MOBILE_PHONE_PATTERN).test(phone);
}
