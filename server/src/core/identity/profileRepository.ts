import type { Models, ProfileDoc } from '../models';
import { insertWins } from '../db/insertWins';
import { regionWithin } from '../scope/staffScope';

/** A verified person as other domains may see them in bulk: no ciphertext, no phone. */
export interface ProfileInRegion { userId: string; idNumberBlindIndex: string; regionCode: string; name: string }

/** Profiles (claims): saved whole, one save at a time per person. */
export function profileRepository(m: Models) {
  return {
    findById: (userId: string) => m.Profile.findById(userId).lean<ProfileDoc>().exec(),
    save: (p: ProfileDoc) => m.Profile.replaceOne({ _id: p._id }, p, { upsert: true }).exec(),
    /** Only under the person's save lock (nothing else writes their profile meanwhile). */
    setVerification: (userId: string, verification: NonNullable<ProfileDoc['verification']>) =>
      m.Profile.updateOne({ _id: userId }, { $set: { verification } }).exec(),

    /** One save (or verification) at a time per user. A lock older than `staleMs` (a crashed save) is taken over. */
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

    /** Accounts other than `exceptUserId` whose unverified claim names this number (a scan on FerretDB; only at verification). */
    async unverifiedClaimantsOf(blindIndex: string, exceptUserId: string): Promise<string[]> {
      const found = await m.Profile.find({ idNumberBlindIndex: blindIndex }, { verification: 1 }).lean<Pick<ProfileDoc, '_id' | 'verification'>[]>().exec();
      return found.filter((p) => p._id !== exceptUserId && !p.verification).map((p) => p._id);
    },

    /** Verified people inside a region (itself and all below), streamed: memory stays flat however many there are. Claims are left out. */
    async *streamInRegion(scope: string): AsyncIterable<ProfileInRegion> {
      const cursor = m.Profile.find({ regionCode: regionWithin(scope), verification: { $ne: null } }, { idNumberBlindIndex: 1, regionCode: 1, name: 1 })
        .lean<Pick<ProfileDoc, '_id' | 'idNumberBlindIndex' | 'regionCode' | 'name'>[]>().cursor();
      for await (const p of cursor) yield { userId: p._id, idNumberBlindIndex: p.idNumberBlindIndex, regionCode: p.regionCode, name: p.name };
    },
  };
}
export type ProfileRepository = ReturnType<typeof profileRepository>;
