import { ErrorEnvelope } from '@dajiuzhu/shared';

/**
 * The error responses a route declares, all with the one envelope. Every API route may also answer
 * 429 (rate limit) and 503 (the database is unavailable, core/http/databaseGuard.ts).
 */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([...new Set([400, ...statuses, 429, 500, 503])].map((s) => [s, ErrorEnvelope]));
}

export const bearer = [{ bearerAuth: [] as string[] }];
