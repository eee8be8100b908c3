import { AppError } from '../../../core/errors/AppError';
import type { WishActorRole, WishClaimDoc, WishDoc, WishEventDoc, WishEventType } from '../models/wish';
import { eventId, type WishRepository } from '../repository';
import type { ActionContext } from '../../../core/context';

/**
 * Every change of a wish is one event under the unique key (wishId, sequence): the change computed
 * from the wish at sequence n lands only if it is the first to insert event n+1 (insert wins);
 * whoever computed from the same state and lost gets WISH_CHANGED. Then the change is applied to
 * the wish and claim documents. Those writes are idempotent, so an event whose writer stopped
 * before applying it is applied by the next reader once it is clearly abandoned.
 */
const ABANDONED_AFTER_MS = 30_000;

export interface Change {
  type: WishEventType;
  actorRole: WishActorRole;
  note?: string | null;
  claimId?: string | null;
  wishSet: Partial<WishDoc>;
  /** For `claimed`: the whole new claim; otherwise the fields that change. */
  claimSet?: Partial<WishClaimDoc> | null;
  freesClaim?: boolean;
  /** Slot of the claim being ended (to free it). */
  slotId?: string;
}

/** Filled in by `commit`: whether its event insert won (true even when applying it then threw). */
export interface CommitOutcome { inserted: boolean }

export function wishStore(repo: WishRepository) {
  async function apply(e: WishEventDoc) {
    if (e.claimId && e.claimSet) {
      if (e.type === 'claimed') await repo.createClaim(e.claimSet as unknown as WishClaimDoc);
      else await repo.setClaim(e.claimId, e.claimSet);
    }
    await repo.setWish(e.wishId, e.sequence, e.wishSet);
    if (e.freesClaim && e.claimId) {
      await repo.freeLock(e.wishId, e.claimId);
      const slotId = (e.claimSet as { slotId?: string } | null)?.slotId ?? (await repo.findClaim(e.claimId))?.slotId;
      if (slotId) await repo.freeSlot(slotId, e.claimId);
    }
  }

  return {
    /** The wish, with any abandoned event applied first. */
    async load(wishId: string): Promise<WishDoc | null> {
      let wish = await repo.findWish(wishId);
      for (let i = 0; wish && i < 10; i += 1) {
        const next = await repo.findEvent(wishId, wish.seq + 1);
        if (!next || Date.now() - next.at.getTime() < ABANDONED_AFTER_MS) break;
        await apply(next);
        wish = await repo.findWish(wishId);
      }
      return wish;
    },

    /**
     * Records the change as event seq+1 and applies it; WISH_CHANGED when another change got there
     * first. `outcome.inserted` tells a caller whose commit threw whether the event had landed: once
     * it has, the change stands (the next reader applies it) and whatever it holds must stay held.
     */
    async commit(ctx: ActionContext | { requestId: string; actor: { _id: string } }, wish: WishDoc, change: Change, outcome: CommitOutcome = { inserted: false }): Promise<WishEventDoc> {
      const sequence = wish.seq + 1;
      const claimSet = change.claimSet ? { ...change.claimSet, ...(change.slotId ? { slotId: change.slotId } : {}) } : null;
      const event: WishEventDoc = {
        _id: eventId(wish._id, sequence),
        wishId: wish._id,
        sequence,
        type: change.type,
        actorId: ctx.actor._id,
        actorRole: change.actorRole,
        at: new Date(),
        requestId: ctx.requestId,
        note: change.note ?? null,
        claimId: change.claimId ?? null,
        wishSet: { ...change.wishSet, updatedAt: new Date() },
        claimSet,
        freesClaim: change.freesClaim ?? false,
      };
      if (!(await repo.insertEvent(event))) throw new AppError('WISH_CHANGED');
      outcome.inserted = true;
      await apply(event);
      return event;
    },
  };
}
export type WishStore = ReturnType<typeof wishStore>;
