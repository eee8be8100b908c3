import type { Models, UserDoc } from '../models';
import { insertWins } from '../db/insertWins';

export function userRepository(m: Models) {
  return {
    findById: (id: string) => m.User.findById(id).lean<UserDoc>().exec(),

    /** Identity → userId. Insert wins: two first sign-ins at once end with one account. */
    async findOrCreateIdentity(identityId: string, newUserId: string): Promise<{ userId: string; created: boolean }> {
      const existing = await m.Identity.findById(identityId).lean().exec();
      if (existing) return { userId: existing.userId, created: false };
      if (await insertWins(m.Identity, { _id: identityId, userId: newUserId, createdAt: new Date() })) return { userId: newUserId, created: true };
      const winner = await m.Identity.findById(identityId).lean().exec();
      return { userId: winner!.userId, created: false };
    },

    /** Creates the user document if absent (keyed by `_id`, so a retry or race creates one). */
    ensureUser: (id: string) => insertWins(m.User, { _id: id, roles: ['resident'], createdAt: new Date() }),

    async grant(id: string, change: { roles: string[]; staff?: UserDoc['staff']; donor?: UserDoc['donor'] }): Promise<UserDoc | null> {
      const set: Record<string, unknown> = {};
      if (change.staff) set.staff = change.staff;
      if (change.donor) set.donor = change.donor;
      return m.User.findByIdAndUpdate(id, { $addToSet: { roles: { $each: change.roles } }, ...(Object.keys(set).length ? { $set: set } : {}) }, { new: true })
        .lean<UserDoc>()
        .exec();
    },
  };
}
export type UserRepository = ReturnType<typeof userRepository>;
