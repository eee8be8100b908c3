/** Error codes of the applications domain (same shape as ERROR_CODES in codes.ts). */
export const APPLICATION_ERROR_CODES = {} as const;
