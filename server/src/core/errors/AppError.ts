import { ERROR_CODES, type ErrorCode } from '@dajiuzhu/shared';

/**
 * The only error services throw on purpose. Its code is stable; the handler turns it into the
 * envelope. `message` overrides the default Chinese text when the situation needs more words.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, opts: { message?: string; details?: unknown } = {}) {
    super(opts.message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERROR_CODES[code].status;
    this.details = opts.details;
  }
}

/** MongoDB's duplicate-key error: the loser of an insert-wins race. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}
