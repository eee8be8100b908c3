import type { RouteOptions } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';
import { ErrorEnvelope, UploadBody } from '@dajiuzhu/shared';

/**
 * The error responses a route declares, all with the one envelope. Every API route may also answer
 * 429 (rate limit) and 503 (the database is unavailable, core/http/databaseGuard.ts); a route with
 * path parameters also 414 (`declareUriTooLong`, added to every such route when it is registered).
 */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([...new Set([400, ...statuses, 429, 500, 503])].map((s) => [s, ErrorEnvelope]));
}

export const bearer = [{ bearerAuth: [] as string[] }];

/** Whether a route URL (find-my-way syntax, `::` a literal colon) has a path parameter. */
export const hasPathParameters = (url: string) => url.replace(/::/g, '').includes(':');

/**
 * A path parameter longer than Fastify's `maxParamLength` (100) is refused before routing with 414
 * `URI_TOO_LONG` (core/errors/errorHandler.ts, `frameworkErrors`): every route with path parameters
 * and declared responses lists it. An `onRoute` hook (app.ts), so no route can forget it; the
 * response map is copied, never changed in place (a schema object may be shared between routes).
 */
export function declareUriTooLong(route: RouteOptions): void {
  const response = route.schema?.response as Record<string, unknown> | undefined;
  if (!response || !hasPathParameters(route.url) || 414 in response) return;
  route.schema = { ...route.schema, response: { ...response, 414: ErrorEnvelope } };
}

/**
 * The API document of an upload route (`consumes: ['multipart/form-data']`): its body is one
 * required, non-empty binary part `file` and no other part (shared UploadBody). Given as the
 * route's `config.swaggerTransform`, so only the document states it: a `schema.body` would make
 * Fastify validate a body that @fastify/multipart never parses. The route itself must answer as the
 * document says: 400 FILE_MISSING without the file, 400 VALIDATION_FAILED for any other part
 * (core/files/routes.ts).
 */
export const uploadBodyDocument: SwaggerTransform = ({ schema, url }) => ({ schema: { ...schema, body: UploadBody }, url });
