import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '@dajiuzhu/shared';
import { AppError } from './AppError';
import { isDatabaseUnavailable } from '../db/unavailable';
import { allowedMethodsTable } from '../http/allowedMethods';

/** Fastify's own client errors, by code, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_PARTS_LIMIT: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'FILE_MISSING',
  FST_MP_PREMATURE_CLOSE: 'MULTIPART_INVALID',
};

/**
 * The multipart parser (busboy) reports a body that is not the multipart it claims to be — no
 * boundary, a boundary that never appears, a body cut short — as plain Errors with these messages.
 * Matched here once, so every upload route (files, ledger imports, …) answers 400, not 500.
 */
const MULTIPART_BROKEN = /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Malformed part header|Unsupported Content-Type\.|Missing Content-Type-header\.)$/;

/** Node's HTTP parser's refusals (before Fastify sees a request), by code. */
const CLIENT_ERRORS: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (err.validation) {
    return new AppError('VALIDATION_FAILED', {
      details: {
        where: err.validationContext,
        fields: err.validation.map((v) => ({
          path: v.instancePath || '/',
          rule: v.keyword,
          ...(v.keyword === 'additionalProperties' ? { field: (v.params as { additionalProperty?: string }).additionalProperty } : {}),
          ...(v.keyword === 'required' ? { field: (v.params as { missingProperty?: string }).missingProperty } : {}),
        })),
      },
    });
  }
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (isDatabaseUnavailable(err)) return new AppError('DATABASE_UNAVAILABLE');
  if (!err.statusCode && MULTIPART_BROKEN.test(err.message)) return new AppError('MULTIPART_INVALID');
  if (err.name === 'SyntaxError' && err.statusCode === 400) return new AppError('INVALID_JSON');
  if (err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (err.statusCode === 414) return new AppError('URI_TOO_LONG');
  if (err.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  if (err.statusCode === 431) return new AppError('HEADERS_TOO_LARGE');
  if (err.statusCode === 404) return new AppError('NOT_FOUND');
  if (err.statusCode === 405) return new AppError('METHOD_NOT_ALLOWED');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('VALIDATION_FAILED');
  return new AppError('INTERNAL');
}

function envelope(e: AppError, requestId: string) {
  return { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}), requestId } };
}

export function sendEnvelope(reply: FastifyReply, request: FastifyRequest, e: AppError) {
  return reply.code(e.statusCode).header('x-request-id', String(request.id)).type('application/json; charset=utf-8').send(envelope(e, String(request.id)));
}

function logRefusal(request: FastifyRequest, e: AppError, err: unknown) {
  if (e.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
  else if (e.code === 'DATABASE_UNAVAILABLE') request.log.warn({ code: e.code, ...(err instanceof AppError ? {} : { err }) }, 'database unavailable');
  else request.log.info({ code: e.code, status: e.statusCode }, 'request refused');
}

/**
 * Errors Fastify meets before a route is chosen (a malformed percent-encoding, a path parameter
 * longer than `maxParamLength`): the envelope too. Passed as Fastify's `frameworkErrors` option.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const e = toAppError(err);
  logRefusal(request, e, err);
  return sendEnvelope(reply, request, e);
}

/**
 * Requests Node's HTTP parser refuses (headers too large, malformed request line, header timeout)
 * never reach Fastify: the envelope is written on the socket, then it is closed. Fastify's
 * `clientErrorHandler` option.
 */
export function clientErrorHandler(newRequestId: () => string) {
  return function handle(this: FastifyInstance, err: Error & { code?: string }, socket: import('node:net').Socket) {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const e = new AppError(CLIENT_ERRORS[err.code ?? ''] ?? 'BAD_REQUEST');
    const requestId = newRequestId();
    this.log.info({ code: e.code, parserError: err.code, requestId }, 'request refused by the HTTP parser');
    if (socket.writable) {
      const body = JSON.stringify(envelope(e, requestId));
      const reason = e.statusCode === 431 ? 'Request Header Fields Too Large' : e.statusCode === 408 ? 'Request Timeout' : 'Bad Request';
      socket.write(
        `HTTP/1.1 ${e.statusCode} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `x-request-id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(err);
  };
}

/** One handler for every error: the envelope, never internals. A 5xx is logged as a bug. */
export function installErrorHandler(app: FastifyInstance, routeList: readonly string[]) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const e = toAppError(err);
    logRefusal(request, e, err);
    return sendEnvelope(reply, request, e);
  });
  // A known path with a method it does not have is 405 with `Allow`, not 404 (routes are all
  // registered before the first request, so the table is built once, on first use).
  let allowed: ((path: string) => string[]) | undefined;
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    allowed ??= allowedMethodsTable(routeList);
    const methods = allowed(request.url.split('?')[0]);
    if (methods.length) return sendEnvelope(reply.header('allow', methods.join(', ')), request, new AppError('METHOD_NOT_ALLOWED'));
    return sendEnvelope(reply, request, new AppError('ROUTE_NOT_FOUND'));
  };
  // Answered before the body is parsed: a request no route takes is refused for its method or path,
  // never for its body (Fastify would refuse a QUERY without Content-Type, or an unparsable media
  // type, before the not-found handler runs). `preParsing`, so every `onRequest` hook (headers,
  // the database guard) has run. The handler itself stays for `reply.callNotFound()`.
  app.addHook('preParsing', async (request, reply, payload) => {
    if (!request.is404) return payload;
    await notFound(request, reply);
    return undefined;
  });
  app.setNotFoundHandler(notFound);
}

export { ERROR_CODES };
