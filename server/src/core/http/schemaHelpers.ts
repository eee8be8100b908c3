import { ErrorEnvelope } from '@dajiuzhu/shared';

/** The error responses a route declares, all with the one envelope. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([...new Set([400, ...statuses, 429, 500])].map((s) => [s, ErrorEnvelope]));
}

export const bearer = [{ bearerAuth: [] as string[] }];
