import type { Models, ProfileDoc } from '../models';
import { insertWins } from '../db/insertWins';

export function profileRepository(m: Models) {
  return {
    findById: (userId: string) => m.Profile.findById(userId).lean<ProfileDoc>().exec(),
    save: (p: ProfileDoc) => m.Profile.replaceOne({ _id: p._id }, p, { upsert: true }).exec(),

    /** Claims an ID number for a user. Returns the owner: the caller, or whoever claimed it first. */
    async claimIdNumber(blindIndex: string, userId: string): Promise<string> {
      if (await insertWins(m.IdNumberClaim, { _id: blindIndex, userId, at: new Date() })) return userId;
      const owner = await m.IdNumberClaim.findById(blindIndex).lean().exec();
      return owner?.userId ?? userId;
    },
    releaseIdNumber: (blindIndex: string, userId: string) => m.IdNumberClaim.deleteOne({ _id: blindIndex, userId }).exec(),
  };
}
export type ProfileRepository = ReturnType<typeof profileRepository>;
