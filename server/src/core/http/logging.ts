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

/**
 * Query parameters that carry a credential or a one-time proof: a WeChat code, a face-check
 * `verify_result`, a ticket, a signature, any "...token". Their values never reach a log line.
 */
const SECRET_QUERY_PARAM = /(^|_)(token|code|ticket|signature|sig|secret|password|key)$|token$|^verify_?result$|^session_?key$/i;

/** The URL as logged: the path, and the query with secret-looking values replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    let name = rawName;
    try { name = decodeURIComponent(rawName.replace(/\+/g, ' ')); } catch { /* keep it as sent */ }
    return eq >= 0 && SECRET_QUERY_PARAM.test(name) ? `${rawName}=[REDACTED]` : pair;
  });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

interface LoggedRequest { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }

export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: {
      // Fastify's request serializer, with the URL's secrets removed.
      req: (req: LoggedRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
    },
    ...(stream ? { stream } : {}),
  };
}
