import { randomUUID } from 'node:crypto';
import { HOLDING_CLAIM_STATUSES, nextClaimStatus, type LapsingClaims } from '@dajiuzhu/shared';
import type { WishConfig } from '@dajiuzhu/config';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff } from '../../../core/scope/staffScope';
import type { ActionContext } from '../../../core/context';
import type { WishClaimDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import type { LapseJobResult } from '../api';
import { toLapsingClaim } from '../views/claimViews';
import type { DonorContactService } from './donorContacts';
import type { WishStore } from './wishStore';
import { REOPEN } from './claimService';
import { assertAllowed, SYSTEM_VIEWER } from './wishAccess';

const HOUR_MS = 60 * 60 * 1000;
/** A lock or slot older than this whose claim never landed was left by a stopped process. */
const ORPHAN_AFTER_MS = 10 * 60 * 1000;

/** Lapse (超时): claims not delivered in time end and their wishes reopen; staff see what is about to lapse. */
export function lapseService(deps: { repo: WishRepository; store: WishStore; config: WishConfig; contacts: DonorContactService }) {
  const { repo, store, config } = deps;

  async function lapseOne(claim: WishClaimDoc, requestId: string): Promise<boolean> {
    const wish = await store.load(claim.wishId);
    if (!wish || wish.activeClaimId !== claim._id || nextClaimStatus(claim.status, 'lapse') === null) return false;
    try {
      assertAllowed(wish, 'lapse', SYSTEM_VIEWER);
      await store.commit({ requestId, actor: { _id: 'system' } }, wish, {
        type: 'lapsed', actorRole: 'system', claimId: claim._id, freesClaim: true, slotId: claim.slotId,
        note: `认领后${config.lapseDays}天内未送达，心愿重新开放认领`,
        wishSet: REOPEN,
        claimSet: { status: 'lapsed', endedAt: new Date() },
      });
      return true;
    } catch (err) {
      if (err instanceof AppError) return false; // changed meanwhile (delivered, released): the next run looks again
      throw err;
    }
  }

  /** Locks and slots a stopped process left behind: no claim (or no holding claim) stands behind them. */
  async function freeOrphans(): Promise<number> {
    let freed = 0;
    const stale = (at: Date) => Date.now() - at.getTime() > ORPHAN_AFTER_MS;
    for (const lock of await repo.allLocks()) {
      if (!stale(lock.at)) continue;
      const wish = await store.load(lock._id);
      if (!wish || wish.activeClaimId !== lock.claimId) { await repo.freeLock(lock._id, lock.claimId); freed += 1; }
    }
    for (const slot of await repo.allSlots()) {
      if (!stale(slot.at)) continue;
      const claim = await repo.findClaim(slot.claimId);
      if (!claim || !HOLDING_CLAIM_STATUSES.includes(claim.status)) { await repo.freeSlot(slot._id, slot.claimId); freed += 1; }
    }
    return freed;
  }

  return {
    /** The scheduled job (index.ts runs it every `lapseJobIntervalMs`). Returns what it did. */
    async runLapseJob(now: Date = new Date()): Promise<LapseJobResult> {
      const requestId = `lapse-job-${randomUUID()}`;
      const lapsedClaimIds: string[] = [];
      for (const claim of await repo.activeClaimsDueBefore(now)) if (await lapseOne(claim, requestId)) lapsedClaimIds.push(claim._id);
      return { lapsed: lapsedClaimIds.length, lapsedClaimIds, orphansFreed: await freeOrphans() };
    },

    /** Staff: active claims of the region due within `withinHours` (or overdue), with the donor's contact (audited). */
    async lapsing(ctx: ActionContext, withinHours: number): Promise<LapsingClaims> {
      const scope = requireStaff(ctx.actor);
      const claims = await repo.activeClaimsInRegionDueBefore(scope.regionCode, new Date(Date.now() + withinHours * HOUR_MS));
      const wishes = new Map((await repo.findWishes(claims.map((c) => c.wishId))).map((w) => [w._id, w]));
      const out: LapsingClaims['claims'] = [];
      for (const c of claims) {
        const w = wishes.get(c.wishId);
        if (w) out.push(toLapsingClaim(c, w, await deps.contacts.readForStaff(ctx, c.donorId, w._id)));
      }
      return { claims: out };
    },
  };
}
export type LapseService = ReturnType<typeof lapseService>;
