import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/AppError';
import { randomToken, sha256 } from '../crypto/pii';
import type { SessionRepository } from './sessionRepository';
import type { AuditService } from '../audit/auditService';
import { sessionCache } from './sessionCache';

export interface AccessClaims {
  sub: string;
  /** Session (refresh-token family) id: logout and reuse detection revoke it. */
  sid: string;
}

/** Why a session ended when the account started one more than `maxSessionsPerAccount`. */
const SESSION_LIMIT = 'session limit';

export interface TokenPairOut {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/**
 * Short access tokens (≤ 15 min, HS256) and rotating opaque refresh tokens stored hashed. Each
 * refresh spends the presented token by an insert (insert wins); presenting a spent token again is
 * treated as theft and revokes the whole family.
 */
export function tokenService(deps: {
  sessions: SessionRepository;
  audit: AuditService;
  sign: (claims: AccessClaims) => string;
  accessTtlSeconds: number;
  refreshTtlDays: number;
  /** Live sessions one account may hold: the n-th session ends the (n − max)-th. Absent: no cap. */
  maxSessionsPerAccount?: number;
  /** How long this process may accept a session without reading it again (sessionCache.ts); absent: 0. */
  sessionCacheMs?: number;
}) {
  const cache = sessionCache(deps.sessionCacheMs ?? 0);
  /** Every revocation goes through here: this process forgets the session at once. */
  async function revokeSession(sid: string, reason: string) {
    cache.forget(sid);
    await deps.sessions.revokeSession(sid, reason);
    cache.forget(sid);
  }

  async function mintRefresh(sessionId: string, userId: string): Promise<string> {
    const token = randomToken();
    const now = new Date();
    await deps.sessions.saveRefreshToken({ _id: sha256(token), sessionId, userId, createdAt: now, expiresAt: new Date(now.getTime() + deps.refreshTtlDays * 86_400_000) });
    return token;
  }

  /**
   * The cap on live sessions: the n-th session of an account ends the (n − max)-th, and walks on to
   * older ones still live (left over when the cap was lowered) until it meets one the cap already
   * ended. Numbers are taken by insert (insert wins), so two sign-ins at once never take the same
   * one and each session ends exactly its own predecessor: the cap holds under any race.
   */
  async function endSessionsBeyondCap(userId: string, n: number, max: number) {
    for (let k = n - max; k >= 1 && k > n - max - 100; k -= 1) {
      const sessionId = await deps.sessions.numberedSession(userId, k);
      const session = sessionId && (await deps.sessions.findSession(sessionId));
      if (!session || session.revokedReason === SESSION_LIMIT) return;
      if (!session.revokedAt) await revokeSession(session._id, SESSION_LIMIT);
    }
  }

  return {
    async startSession(userId: string): Promise<TokenPairOut> {
      const sid = randomUUID();
      await deps.sessions.createSession({ id: sid, userId });
      if (deps.maxSessionsPerAccount) await endSessionsBeyondCap(userId, await deps.sessions.numberSession(userId, sid), deps.maxSessionsPerAccount);
      return { accessToken: deps.sign({ sub: userId, sid }), refreshToken: await mintRefresh(sid, userId), expiresIn: deps.accessTtlSeconds };
    },

    async refresh(refreshToken: string, requestId: string): Promise<TokenPairOut> {
      const hash = sha256(refreshToken);
      const stored = await deps.sessions.findRefreshToken(hash);
      if (!stored || stored.expiresAt.getTime() < Date.now()) throw new AppError('REFRESH_TOKEN_INVALID');
      const session = await deps.sessions.findSession(stored.sessionId);
      if (!session || session.revokedAt) throw new AppError('REFRESH_TOKEN_INVALID');
      if (!(await deps.sessions.spendRefreshToken(hash, session._id))) {
        await revokeSession(session._id, 'refresh token reused');
        await deps.audit.record({ actorId: session.userId, action: 'auth.refreshReuse', subjectId: session.userId, requestId, details: { sessionId: session._id } });
        throw new AppError('REFRESH_TOKEN_REUSED');
      }
      return { accessToken: deps.sign({ sub: session.userId, sid: session._id }), refreshToken: await mintRefresh(session._id, session.userId), expiresIn: deps.accessTtlSeconds };
    },

    /** The session behind an access token, if it is still live. */
    async liveSession(sid: string) {
      const s = await deps.sessions.findSession(sid);
      return s && !s.revokedAt ? s : null;
    },

    revoke: revokeSession,

    /** The short-lived memory of live sessions and their users (authPlugin). */
    cache,
  };
}
export type TokenService = ReturnType<typeof tokenService>;
