import type { IdentityConflictDoc, Models, ProfileDoc, VerifiedIdentityDoc } from '../models';
import { insertManyWins, insertWins } from '../db/insertWins';
import { regionWithin } from '../scope/staffScope';

/** Above this many keys one scan beats `$in` lookups: FerretDB serves only `_id` equality from an index. */
const IN_QUERY_MAX = 1000;

/** Verified identities (one account per ID number), the conflicts they refuse, and the claims they supersede. */
export function verifiedIdentityRepository(m: Models) {
  return {
    /** Insert wins: true when this account now holds the number, false when a row already exists. */
    insert: (row: VerifiedIdentityDoc) => insertWins(m.VerifiedIdentity, row),
    findById: (blindIndex: string) => m.VerifiedIdentity.findById(blindIndex).lean<VerifiedIdentityDoc>().exec(),

    /**
     * blind index → the account that verified that number. A row whose profile does not say
     * verified (a verification cut short between its two writes) links nothing.
     */
    async verifiedOwners(keys: readonly string[]): Promise<Map<string, string>> {
      const wanted = new Set(keys);
      const owners = new Map<string, string>();
      if (!wanted.size) return owners;
      const rows = m.VerifiedIdentity.find(wanted.size <= IN_QUERY_MAX ? { _id: { $in: [...wanted] } } : {}, { userId: 1 }).lean<{ _id: string; userId: string }[]>().cursor();
      for await (const r of rows) if (wanted.has(r._id)) owners.set(r._id, r.userId);
      if (!owners.size) return owners;
      const users = new Set(owners.values());
      const finished = new Set<string>();
      const filter = users.size <= IN_QUERY_MAX ? { _id: { $in: [...users] } } : { verification: { $ne: null } };
      const profiles = m.Profile.find(filter, { idNumberBlindIndex: 1, verification: 1 }).lean<Pick<ProfileDoc, '_id' | 'idNumberBlindIndex' | 'verification'>[]>().cursor();
      for await (const p of profiles) if (p.verification && owners.get(p.idNumberBlindIndex) === p._id) finished.add(p.idNumberBlindIndex);
      for (const key of [...owners.keys()]) if (!finished.has(key)) owners.delete(key);
      return owners;
    },

    /** Marks claims superseded (insert wins: marking twice is harmless). */
    async supersede(blindIndex: string, userIds: readonly string[]): Promise<void> {
      const at = new Date();
      await insertManyWins(m.SupersededClaim, userIds.map((userId) => ({ _id: `${userId}:${blindIndex}`, userId, blindIndex, at })));
    },
    isSuperseded: async (userId: string, blindIndex: string) => !!(await m.SupersededClaim.findById(`${userId}:${blindIndex}`).lean().exec()),

    /**
     * Records a refused second verification: one row per account and number (insert wins); a
     * repeat counts an attempt. (`$inc` is read-then-write on FerretDB, so two repeats at the same
     * instant may count once: the row, not the count, is what staff act on.)
     */
    async recordConflict(doc: IdentityConflictDoc): Promise<void> {
      if (await insertWins(m.IdentityConflict, doc)) return;
      await m.IdentityConflict.updateOne({ _id: doc._id }, { $set: { lastAt: doc.lastAt, method: doc.method, by: doc.by, holderUserId: doc.holderUserId }, $inc: { attempts: 1 } }).exec();
    },
    listConflicts: (scope: string, limit: number, offset: number) =>
      m.IdentityConflict.find({ regionCode: regionWithin(scope) }).sort({ lastAt: -1, _id: 1 }).skip(offset).limit(limit).lean<IdentityConflictDoc[]>().exec(),
  };
}
export type VerifiedIdentityRepository = ReturnType<typeof verifiedIdentityRepository>;
