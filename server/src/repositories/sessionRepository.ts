import type { Models, RefreshTokenDoc, SessionDoc } from '../models';
import { isDuplicateKey } from '../errors/AppError';

export function sessionRepository(m: Models) {
  return {
    createSession: (s: { id: string; userId: string }) => m.Session.create({ _id: s.id, userId: s.userId, createdAt: new Date(), revokedAt: null, revokedReason: null }),
    findSession: (id: string) => m.Session.findById(id).lean<SessionDoc>().exec(),
    async revokeSession(id: string, reason: string) {
      await m.Session.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: new Date(), revokedReason: reason } }).exec();
    },
    saveRefreshToken: (t: RefreshTokenDoc) => m.RefreshToken.create(t),
    findRefreshToken: (hash: string) => m.RefreshToken.findById(hash).lean<RefreshTokenDoc>().exec(),
    /** Spends a refresh token. False when it was already spent: that is reuse. */
    async spendRefreshToken(hash: string, sessionId: string): Promise<boolean> {
      try {
        await m.RefreshSpend.create({ _id: hash, sessionId, at: new Date() });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
  };
}
export type SessionRepository = ReturnType<typeof sessionRepository>;
