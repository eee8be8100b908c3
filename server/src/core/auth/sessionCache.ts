import type { UserDoc } from '../models';

/**
 * Who a session is, remembered for a few seconds so a signed-in request does not read the session
 * and the user from the database each time (two `_id` reads per request before the route's own).
 *
 * Revocation still holds: every revocation on this process (sign-out, the session cap, refresh-token
 * reuse, a role change) forgets the session here at once; another API process stops accepting it
 * when its entry expires, at most `ttlMs` later (docs/security.md). 0 turns the cache off.
 * The user document is shared by the requests of those seconds: routes read it, never change it.
 */
export function sessionCache(ttlMs: number, maxEntries = 50_000) {
  const entries = new Map<string, { user: UserDoc; until: number }>();
  // Sessions revoked here lately: a request that read the session just before the revocation must
  // not put it back (a revoked session never becomes live again, so a minute is plenty).
  const revoked = new Map<string, number>();
  const TOMBSTONE_MS = Math.max(ttlMs, 60_000);

  return {
    get(sid: string): UserDoc | null {
      if (ttlMs <= 0) return null;
      const e = entries.get(sid);
      if (!e) return null;
      if (e.until > Date.now()) return e.user;
      entries.delete(sid);
      return null;
    },
    set(sid: string, user: UserDoc) {
      if (ttlMs <= 0) return;
      const tomb = revoked.get(sid);
      if (tomb !== undefined && tomb > Date.now()) return;
      if (entries.size >= maxEntries) {
        const now = Date.now();
        for (const [k, e] of entries) if (e.until <= now) entries.delete(k);
        // Still full of live entries: start over rather than grow without bound.
        if (entries.size >= maxEntries) entries.clear();
      }
      entries.set(sid, { user, until: Date.now() + ttlMs });
    },
    forget(sid: string) {
      entries.delete(sid);
      if (ttlMs <= 0) return;
      const now = Date.now();
      if (revoked.size >= maxEntries) for (const [k, until] of revoked) if (until <= now) revoked.delete(k);
      revoked.set(sid, now + TOMBSTONE_MS);
    },
    /** A change to the account (roles): its sessions are read afresh on their next request. */
    forgetUser(userId: string) { for (const [k, e] of entries) if (e.user._id === userId) entries.delete(k); },
  };
}
export type SessionCache = ReturnType<typeof sessionCache>;
