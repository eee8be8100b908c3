import type { Models, ProfileDoc } from '../models';
import { insertWins } from '../db/insertWins';
import { regionWithin } from '../scope/staffScope';

/** A real-name profile as other domains may see it in bulk: no ciphertext, no phone. */
export interface ProfileInRegion { userId: string; idNumberBlindIndex: string; regionCode: string; name: string }

/** Above this many keys one scan beats `$in` lookups: FerretDB serves only `_id` equality from an index. */
const IN_QUERY_MAX = 1000;

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

    /** Everyone with a profile inside a region (itself and all below), streamed: memory stays flat however many there are. */
    async *streamInRegion(scope: string): AsyncIterable<ProfileInRegion> {
      const cursor = m.Profile.find({ regionCode: regionWithin(scope) }, { idNumberBlindIndex: 1, regionCode: 1, name: 1 })
        .lean<Pick<ProfileDoc, '_id' | 'idNumberBlindIndex' | 'regionCode' | 'name'>[]>().cursor();
      for await (const p of cursor) yield { userId: p._id, idNumberBlindIndex: p.idNumberBlindIndex, regionCode: p.regionCode, name: p.name };
    },

    /**
     * blind index → the user holding that ID number, for those that have an account. Read from the
     * claims (`_id` = blind index), the one record that says who holds a number.
     */
    async userIdsByBlindIndex(keys: readonly string[]): Promise<Map<string, string>> {
      const wanted = new Set(keys);
      const owners = new Map<string, string>();
      if (!wanted.size) return owners;
      const filter = wanted.size <= IN_QUERY_MAX ? { _id: { $in: [...wanted] } } : {};
      for await (const c of m.IdNumberClaim.find(filter).lean<{ _id: string; userId: string }[]>().cursor()) if (wanted.has(c._id)) owners.set(c._id, c.userId);
      return owners;
    },
  };
}
export type ProfileRepository = ReturnType<typeof profileRepository>;
