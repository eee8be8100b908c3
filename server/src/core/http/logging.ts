import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

/**
 * Paths pino censors wherever they appear in a log line: ID numbers, phones, tokens, WeChat
 * session keys and secrets. Request bodies are never logged; these catch anything that slips in.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.idNumber',
  '*.phone',
  '*.accessToken',
  '*.refreshToken',
  '*.sessionKey',
  '*.session_key',
  '*.secret',
  '*.appSecret',
  '*.code',
  'idNumber',
  'phone',
  'accessToken',
  'refreshToken',
  'sessionKey',
];

export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    ...(stream ? { stream } : {}),
  };
}
