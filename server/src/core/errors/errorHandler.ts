import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CODES, type ErrorCode } from '@dajiuzhu/shared';
import { AppError } from './AppError';

/** Fastify's own client errors, by code, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_PARTS_LIMIT: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'FILE_MISSING',
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
  if (err.name === 'SyntaxError' && err.statusCode === 400) return new AppError('INVALID_JSON');
  if (err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (err.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (err.statusCode === 429) return new AppError('RATE_LIMITED');
  if (err.statusCode === 404) return new AppError('NOT_FOUND');
  if (err.statusCode === 405) return new AppError('METHOD_NOT_ALLOWED');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('VALIDATION_FAILED');
  return new AppError('INTERNAL');
}

export function sendEnvelope(reply: FastifyReply, request: FastifyRequest, e: AppError) {
  return reply.code(e.statusCode).type('application/json; charset=utf-8').send({
    error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}), requestId: String(request.id) },
  });
}

/** One handler for every error: the envelope, never internals. A 5xx is logged as a bug. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const e = toAppError(err);
    if (e.statusCode >= 500 && e.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
    else request.log.info({ code: e.code, status: e.statusCode }, 'request refused');
    return sendEnvelope(reply, request, e);
  });
  app.setNotFoundHandler((request, reply) => sendEnvelope(reply, request, new AppError('ROUTE_NOT_FOUND')));
}

export { ERROR_CODES };
