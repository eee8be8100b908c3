import type { ClaimStatusName } from '@dajiuzhu/shared';
import { insertWins, replaceById } from '../../core/db/insertWins';
import { eventId } from '../../core/db/eventLog';
import { regionWithin } from '../../core/scope/staffScope';
import type { WishClaimDoc, WishDoc, WishEventDoc, WishModels } from './models/wish';

export interface PublicListQuery {
  statuses: string[];
  regionCode?: string;
  category?: string;
  minBudgetFen?: number;
  maxBudgetFen?: number;
  sort: 'newest' | 'budgetAsc' | 'budgetDesc';
  limit: number;
  /** The page starts after this wish's key (keyset pagination). */
  after?: SquareKey;
  /** The count stops there: it reads every wish it counts. */
  countCap: number;
}

/** The fields the square sorts on; `_id` last, so that the order is total and a cursor stable. */
export interface SquareKey { publishedAt: Date; budgetFen: number; _id: string }

const SORTS: Record<PublicListQuery['sort'], [keyof SquareKey, 1 | -1][]> = {
  newest: [['publishedAt', -1], ['_id', 1]],
  budgetAsc: [['budgetFen', 1], ['publishedAt', -1], ['_id', 1]],
  budgetDesc: [['budgetFen', -1], ['publishedAt', -1], ['_id', 1]],
};

/**
 * The wishes after `key` in the order `keys`: key₁ beyond, or equal and key₂ beyond, and so on
 * ($or), plus a range on the first key alone that the database serves from an index.
 */
function afterKey(keys: [keyof SquareKey, 1 | -1][], key: SquareKey): Record<string, unknown> {
  const beyond = (f: keyof SquareKey, dir: 1 | -1) => ({ [dir === 1 ? '$gt' : '$lt']: key[f] });
  const or = keys.map(([f, dir], i) => ({ ...Object.fromEntries(keys.slice(0, i).map(([g]) => [g, key[g]])), [f]: beyond(f, dir) }));
  const [first, dir] = keys[0];
  return { $and: [{ [first]: { [dir === 1 ? '$gte' : '$lte']: key[first] } }, { $or: or }] };
}

/** The wishes domain's only door to the database (its own collections only). */
export function wishRepository(m: WishModels) {
  return {
    findWish: (id: string) => m.Wish.findById(id).lean<WishDoc>().exec(),
    insertWish: (doc: WishDoc) => m.Wish.create(doc),
    /** Applies an event's change unless that or a later event already landed (idempotent roll-forward). */
    setWish: (id: string, sequence: number, set: Record<string, unknown>) =>
      m.Wish.updateOne({ _id: id, seq: { $lt: sequence } }, { $set: { ...set, seq: sequence } }).exec(),

    findClaim: (id: string) => m.WishClaim.findById(id).lean<WishClaimDoc>().exec(),
    /** Creates a claim once (a roll-forward of the same event finds it there). */
    createClaim: (doc: WishClaimDoc) => insertWins(m.WishClaim, doc),
    /**
     * Moves a claim on only from the statuses the change starts from: applying the same event
     * twice is a no-op, and a late replay can never undo a later change of the claim.
     */
    advanceClaim: (id: string, from: readonly ClaimStatusName[], set: Record<string, unknown>) =>
      m.WishClaim.updateOne({ _id: id, status: { $in: from } }, { $set: set }).exec(),

    /** The one-claim-per-wish lock: insert wins. */
    takeLock: (wishId: string, claimId: string, donorId: string) => insertWins(m.WishActiveClaim, { _id: wishId, claimId, donorId, at: new Date() }),
    freeLock: (wishId: string, claimId: string) => m.WishActiveClaim.deleteOne({ _id: wishId, claimId }).exec(),
    allLocks: () => m.WishActiveClaim.find().lean().exec(),

    /** One of the donor's N slots, or null when all N are taken. Each slot is an insert-wins key. */
    async takeSlot(donorId: string, slots: number, claimId: string, wishId: string): Promise<string | null> {
      for (let i = 0; i < slots; i += 1) {
        const _id = `${donorId}:${i}`;
        if (await insertWins(m.WishDonorSlot, { _id, donorId, claimId, wishId, at: new Date() })) return _id;
      }
      return null;
    },
    freeSlot: (slotId: string, claimId: string) => m.WishDonorSlot.deleteOne({ _id: slotId, claimId }).exec(),
    allSlots: () => m.WishDonorSlot.find().lean().exec(),

    insertEvent: (e: WishEventDoc) => insertWins(m.WishEvent, e),
    findEvent: (wishId: string, sequence: number) => m.WishEvent.findById(eventId(wishId, sequence)).lean<WishEventDoc>().exec(),
    events: (wishId: string) => m.WishEvent.find({ wishId }).sort({ sequence: 1 }).lean<WishEventDoc[]>().exec(),

    async listPublic(q: PublicListQuery) {
      const filter: Record<string, unknown> = { status: { $in: q.statuses } };
      if (q.regionCode) filter.regionCode = regionWithin(q.regionCode);
      if (q.category) filter.category = q.category;
      if (q.minBudgetFen !== undefined || q.maxBudgetFen !== undefined) {
        filter.budgetFen = { ...(q.minBudgetFen !== undefined ? { $gte: q.minBudgetFen } : {}), ...(q.maxBudgetFen !== undefined ? { $lte: q.maxBudgetFen } : {}) };
      }
      const keys = SORTS[q.sort];
      // One wish more than the page says whether there is a next page. The count reads ids up to
      // the cap: FerretDB stops reading there (its countDocuments reads every match first).
      const [found, counted] = await Promise.all([
        m.Wish.find(q.after ? { ...filter, ...afterKey(keys, q.after) } : filter).sort(Object.fromEntries(keys)).limit(q.limit + 1).lean<WishDoc[]>().exec(),
        m.Wish.find(filter, { _id: 1 }).limit(q.countCap + 1).lean<{ _id: string }[]>().exec().then((ids) => ids.length),
      ]);
      return { wishes: found.slice(0, q.limit), hasMore: found.length > q.limit, counted };
    },
    byBeneficiary: (userId: string) => m.Wish.find({ beneficiaryId: userId }).sort({ createdAt: -1 }).limit(100).lean<WishDoc[]>().exec(),
    inRegion: (scope: string, status: string | undefined, limit: number) =>
      m.Wish.find({ regionCode: regionWithin(scope), ...(status ? { status } : {}) }).sort({ createdAt: 1 }).limit(limit).lean<WishDoc[]>().exec(),
    findWishes: (ids: string[]) => m.Wish.find({ _id: { $in: ids } }).lean<WishDoc[]>().exec(),

    claimsByDonor: (donorId: string) => m.WishClaim.find({ donorId }).sort({ claimedAt: -1 }).limit(200).lean<WishClaimDoc[]>().exec(),
    activeClaimsDueBefore: (at: Date) => m.WishClaim.find({ status: 'active', dueAt: { $lt: at } }).sort({ dueAt: 1 }).limit(1000).lean<WishClaimDoc[]>().exec(),
    activeClaimsInRegionDueBefore: (scope: string, at: Date) =>
      m.WishClaim.find({ status: 'active', regionCode: regionWithin(scope), dueAt: { $lt: at } }).sort({ dueAt: 1 }).limit(200).lean<WishClaimDoc[]>().exec(),

    /** Counts by (status, regionCode, category): $match + $group with $sum only (docs/database.md). */
    wishCounts: (scope: string) =>
      m.Wish.aggregate<{ _id: { status: string; regionCode: string; category: string }; n: number }>([
        { $match: { regionCode: regionWithin(scope) } },
        { $group: { _id: { status: '$status', regionCode: '$regionCode', category: '$category' }, n: { $sum: 1 } } },
      ]).exec(),
    lapsedCounts: (scope: string) =>
      m.WishClaim.aggregate<{ _id: { regionCode: string; category: string }; n: number }>([
        { $match: { status: 'lapsed', regionCode: regionWithin(scope) } },
        { $group: { _id: { regionCode: '$regionCode', category: '$category' }, n: { $sum: 1 } } },
      ]).exec(),

    findContact: (userId: string) => m.WishDonorContact.findById(userId).lean().exec(),
    /**
     * Replaced whole under the donor's id. Two saves at once for a new donor both try the insert;
     * the loser's duplicate-key error means the row exists now, so it replaces it as an update.
     */
    saveContact: (userId: string, contactCipher: string, contactMasked: string) =>
      replaceById(m.WishDonorContact, { _id: userId, contactCipher, contactMasked, updatedAt: new Date() }),

  };
}
export type WishRepository = ReturnType<typeof wishRepository>;
