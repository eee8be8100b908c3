import type { Models, RefreshTokenDoc, SessionDoc } from '../models';
import { insertWins } from '../db/insertWins';
import { numberAt, registerNumberedStore, takeNumber } from '../db/numbered';

export function sessionRepository(m: Models) {
  // An account's sessions are numbered 1, 2, 3, … (series = user id): the live-session cap.
  const numbers = registerNumberedStore(m.Session.db, 'session');
  return {
    createSession: (s: { id: string; userId: string }) => m.Session.create({ _id: s.id, userId: s.userId, createdAt: new Date(), revokedAt: null, revokedReason: null }),
    findSession: (id: string) => m.Session.findById(id).lean<SessionDoc>().exec(),
    async revokeSession(id: string, reason: string) {
      await m.Session.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date(), revokedReason: reason } }).exec();
    },
    saveRefreshToken: (t: RefreshTokenDoc) => m.RefreshToken.create(t),
    findRefreshToken: (hash: string) => m.RefreshToken.findById(hash).lean<RefreshTokenDoc>().exec(),
    /** Spends a refresh token. False when it was already spent: that is reuse. */
    spendRefreshToken: (hash: string, sessionId: string) => insertWins(m.RefreshSpend, { _id: hash, sessionId, at: new Date() }),
    /** Gives the session the account's next number (insert wins). */
    numberSession: async (userId: string, sessionId: string) => (await takeNumber(numbers, userId, sessionId))!,
    /** The id of the account's n-th session. */
    numberedSession: async (userId: string, n: number) => (await numberAt(numbers, userId, n))?.ref ?? null,
  };
}
export type SessionRepository = ReturnType<typeof sessionRepository>;
