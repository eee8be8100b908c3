import type { FastifyRequest } from 'fastify';

/**
 * Whose budget a request spends: a signed-in person's own (`user:<id>`, from an access token whose
 * signature and expiry check out — a forged or expired token cannot spend someone else's budget or
 * mint fresh ones), otherwise the address's (`ip:<address>`; behind a reverse proxy the client's,
 * when `trustProxy` names the proxy). No database read: the limit runs before authentication.
 */
export function rateLimitKey(verify: (token: string) => { sub?: unknown }) {
  return (request: FastifyRequest): string => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      try {
        const { sub } = verify(header.slice(7));
        if (typeof sub === 'string' && sub) return `user:${sub}`;
      } catch {
        // not a valid token: counted against the address
      }
    }
    return `ip:${request.ip}`;
  };
}
