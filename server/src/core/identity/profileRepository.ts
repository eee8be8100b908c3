import type { Models, ProfileDoc } from '../models';
import { insertWins } from '../db/insertWins';

export function profileRepository(m: Models) {
  return {
    findById: (userId: string) => m.Profile.findById(userId).lean<ProfileDoc>().exec(),
    save: (p: ProfileDoc) => m.Profile.replaceOne({ _id: p._id }, p, { upsert: true }).exec(),

    /**
     * Claims an ID number for a user. Returns the owner: the caller, or whoever holds the claim.
     * Ownership is only ever reported from a stored claim: if the holder's claim vanishes between
     * our lost insert and the read (a concurrent release), the insert is tried again.
     */
    async claimIdNumber(blindIndex: string, userId: string): Promise<string> {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (await insertWins(m.IdNumberClaim, { _id: blindIndex, userId, at: new Date() })) return userId;
        const owner = await m.IdNumberClaim.findById(blindIndex).lean().exec();
        if (owner) return owner.userId;
      }
      throw new Error('ID number claim kept vanishing');
    },

    /** One save at a time per user. A lock older than `staleMs` (a crashed save) is taken over. */
    async lockSave(userId: string, staleMs = 30_000): Promise<boolean> {
      if (await insertWins(m.ProfileSaveLock, { _id: userId, at: new Date() })) return true;
      const held = await m.ProfileSaveLock.findById(userId).lean().exec();
      if (held && Date.now() - held.at.getTime() > staleMs) {
        await m.ProfileSaveLock.deleteOne({ _id: userId, at: held.at }).exec();
        return insertWins(m.ProfileSaveLock, { _id: userId, at: new Date() });
      }
      return false;
    },
    unlockSave: (userId: string) => m.ProfileSaveLock.deleteOne({ _id: userId }).exec(),
    releaseIdNumber: (blindIndex: string, userId: string) => m.IdNumberClaim.deleteOne({ _id: blindIndex, userId }).exec(),
  };
}
export type ProfileRepository = ReturnType<typeof profileRepository>;
