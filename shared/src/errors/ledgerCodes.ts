/** Error codes of the benefits ledger and 幸福清单 domain (same shape as ERROR_CODES in codes.ts). */
export const LEDGER_ERROR_CODES = {} as const;
