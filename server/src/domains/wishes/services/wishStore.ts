import { CLAIM_TRANSITIONS, type ClaimStatusName, type WishAction } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import { eventId, eventLog, type AppendOutcome } from '../../../core/db/eventLog';
import type { WishActorRole, WishClaimDoc, WishDoc, WishEventDoc, WishEventType } from '../models/wish';
import type { WishRepository } from '../repository';

/**
 * Every change of a wish is one event of the core event log (core/db/eventLog.ts): the change
 * computed from the wish at sequence n lands only if it is the first to insert event n + 1;
 * whoever computed from the same state and lost gets WISH_CHANGED. A pending event (its writer
 * stopped after the insert) is applied by the next `load`, at once.
 */

/** Who records a change: a request, or the scheduled job (actor `system`). */
export interface Recorder { requestId: string; actor: { _id: string } }

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
export type CommitOutcome = AppendOutcome;

/** The action behind each event that moves an existing claim on (`claimed` creates one). */
const CLAIM_ACTION_OF: Partial<Record<WishEventType, WishAction>> = { released: 'release', lapsed: 'lapse', delivered: 'deliver', fulfilled: 'confirm' };

function claimStartsFrom(type: WishEventType): readonly ClaimStatusName[] {
  const action = CLAIM_ACTION_OF[type];
  const from = action ? CLAIM_TRANSITIONS[action]?.from : null;
  if (!from) throw new Error(`wish event ${type} does not move a claim on`);
  return from;
}

/**
 * Applies one event. Idempotent, also when two readers apply the same event at once: the claim is
 * created insert-wins or moved on only from its starting statuses, the wish is set only while
 * its sequence is below the event's, and the lock and slot are deleted only while this claim holds them.
 */
export async function applyWishEvent(repo: WishRepository, e: WishEventDoc): Promise<void> {
  if (e.claimId && e.claimSet) {
    if (e.type === 'claimed') await repo.createClaim(e.claimSet as unknown as WishClaimDoc);
    else await repo.advanceClaim(e.claimId, claimStartsFrom(e.type), e.claimSet);
  }
  await repo.setWish(e.wishId, e.sequence, e.wishSet);
  if (e.freesClaim && e.claimId) {
    await repo.freeLock(e.wishId, e.claimId);
    const slotId = (e.claimSet as { slotId?: string } | null)?.slotId ?? (await repo.findClaim(e.claimId))?.slotId;
    if (slotId) await repo.freeSlot(slotId, e.claimId);
  }
}

export function wishStore(repo: WishRepository, opts: { warn?: (message: string, details: Record<string, unknown>) => void } = {}) {
  const log = eventLog<WishDoc, WishEventDoc>({
    readEntity: (id) => repo.findWish(id),
    sequenceOf: (wish) => wish.seq,
    findEvent: (id, sequence) => repo.findEvent(id, sequence),
    insertEvent: (event) => repo.insertEvent(event),
    async apply(wish, event) {
      await applyWishEvent(repo, event);
      return (await repo.findWish(event.wishId)) ?? wish;
    },
    conflict: () => new AppError('WISH_CHANGED'),
    warn: opts.warn,
  });

  function event(by: Recorder, wishId: string, sequence: number, change: Change): WishEventDoc {
    const claimSet = change.claimSet ? { ...change.claimSet, ...(change.slotId ? { slotId: change.slotId } : {}) } : null;
    return {
      _id: eventId(wishId, sequence),
      wishId,
      sequence,
      type: change.type,
      actorId: by.actor._id,
      actorRole: change.actorRole,
      at: new Date(),
      requestId: by.requestId,
      note: change.note ?? null,
      claimId: change.claimId ?? null,
      wishSet: change.wishSet,
      claimSet,
      freesClaim: change.freesClaim ?? false,
    };
  }

  return {
    /** The wish with every pending event applied first. */
    load: (wishId: string): Promise<WishDoc | null> => log.load(wishId),

    /** A new wish at sequence 1, with its `posted` event (history only: the document is the state). */
    async create(by: Recorder, wish: WishDoc, posted: { actorRole: WishActorRole; note: string | null }): Promise<void> {
      await repo.insertWish(wish);
      await repo.insertEvent(event(by, wish._id, 1, { type: 'posted', actorRole: posted.actorRole, note: posted.note, wishSet: {} }));
    },

    /**
     * Records the change as event seq + 1 and applies it; returns the wish after it. WISH_CHANGED
     * when another change got there first. Once `outcome.inserted` is true the change stands (the
     * next reader applies it) and whatever it holds must stay held.
     */
    commit: (by: Recorder, wish: WishDoc, change: Change, outcome?: CommitOutcome): Promise<WishDoc> =>
      log.append(wish, event(by, wish._id, wish.seq + 1, { ...change, wishSet: { ...change.wishSet, updatedAt: new Date() } }), outcome),
  };
}
export type WishStore = ReturnType<typeof wishStore>;
