import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '@dajiuzhu/shared';
import { AppError } from '../errors/AppError';
import type { UserDoc } from '../models';
import type { Services } from '../services';
import type { AccessClaims } from './tokenService';
import type { ActionContext } from '../context';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: UserDoc;
    sessionId: string;
  }
  interface FastifyInstance {
    /**
     * A valid access token of a live session. Use it as the route's `preParsing` hook: it reads only
     * the Authorization header, so an anonymous caller is refused (401) before the body is read or
     * validated and learns nothing about what the route expects — and after the rate limiter's
     * `onRequest` hook, so refusals are counted too.
     */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** `preParsing`, like authenticate: authenticated and holding one of the roles. */
    requireRole: (...roles: Role[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

const JWT_ERRORS: Record<string, 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'UNAUTHENTICATED'> = {
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: 'UNAUTHENTICATED',
  FST_JWT_BAD_REQUEST: 'UNAUTHENTICATED',
};

export function actionContext(request: FastifyRequest): ActionContext {
  return { requestId: String(request.id), actor: request.actor };
}

export default fp(async function authPlugin(app: FastifyInstance, opts: { services: Services }) {
  app.decorateRequest('actor', null as unknown as UserDoc);
  app.decorateRequest('sessionId', '');

  async function authenticate(request: FastifyRequest) {
    try {
      await request.jwtVerify();
    } catch (err) {
      throw new AppError(JWT_ERRORS[(err as { code?: string }).code ?? ''] ?? 'TOKEN_INVALID');
    }
    const { sub, sid } = request.user;
    const { tokens } = opts.services;
    // Remembered for a few seconds (core/auth/sessionCache.ts): no database read per request.
    const cached = tokens.cache.get(sid);
    if (cached && cached._id === sub) {
      request.actor = cached;
      request.sessionId = sid;
      return;
    }
    // The session and the user are independent `_id` reads: both at once.
    const [session, user] = await Promise.all([tokens.liveSession(sid), opts.services.users.findById(sub)]);
    if (!session || session.userId !== sub || !user) throw new AppError('TOKEN_INVALID');
    tokens.cache.set(sid, user);
    request.actor = user;
    request.sessionId = sid;
  }

  app.decorate('authenticate', authenticate);
  app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
    await authenticate(request);
    if (!roles.some((r) => request.actor.roles.includes(r))) throw new AppError('FORBIDDEN');
  });
});
