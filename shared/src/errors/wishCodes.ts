/** Error codes of the 微心愿 domain (same shape as ERROR_CODES in codes.ts). */
export const WISH_ERROR_CODES = {} as const;
