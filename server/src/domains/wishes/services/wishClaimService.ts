import { randomUUID } from 'node:crypto';
import {
  nextClaimStatus,
  shanghaiDate,
  districtNameOf,
  HOLDING_CLAIM_STATUSES,
  maskPhone,
  type DeliverBody,
  type LapsingClaims,
  type WishCertificate,
  type WishClaim,
  type WishViewer,
  communityNameOf,
  regionCovers,
  regionPrefix,
} from '@dajiuzhu/shared';
import type { WishConfig } from '@dajiuzhu/config/src/wishes';
import { AppError } from '../../../core/errors/AppError';
import type { WishClaimDoc, WishDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { ActionContext } from '../../../core/context';
import type { CommitOutcome, WishStore } from './wishStore';
import { assertAllowed, toPublic, viewerOf, type WishService } from './wishService';

const DAY_MS = 24 * 3600 * 1000;
/** A lock or slot older than this whose claim never landed was left by a stopped process. */
const ORPHAN_AFTER_MS = 10 * 60_000;
const SYSTEM: WishViewer = { userId: 'system', roles: [], system: true };

function certificateNo(claim: WishClaimDoc, at: Date): string {
  return `AX${shanghaiDate(at).replace(/-/g, '')}${claim._id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

function maskContact(contact: string): string {
  return /^1\d{10}$/.test(contact) ? maskPhone(contact) : `${Array.from(contact).slice(0, 2).join('')}****`;
}

/**
 * Claims (认领). One claim holds a wish: the lock `wish_active_claims._id = wishId` is inserted
 * (insert wins) before anything else changes; a donor's N slots `wish_donor_slots._id =
 * "<donorId>:<0..N-1>"` bound how many they hold. Both are freed on release, lapse and fulfilment.
 */
export function wishClaimService(deps: { repo: WishRepository; store: WishStore; config: WishConfig; wishes: WishService; pii: PiiCipher }) {
  const { repo, store, config } = deps;

  async function ownClaim(ctx: ActionContext, claimId: string): Promise<{ claim: WishClaimDoc; wish: WishDoc }> {
    const claim = await repo.findClaim(claimId);
    if (!claim || claim.donorId !== ctx.actor._id) throw new AppError('NOT_FOUND');
    const wish = await store.load(claim.wishId);
    if (!wish) throw new AppError('NOT_FOUND');
    return { claim, wish };
  }

  function holds(wish: WishDoc, claim: WishClaimDoc) {
    return wish.activeClaimId === claim._id;
  }

  function toClaim(c: WishClaimDoc, w: WishDoc): WishClaim {
    return {
      id: c._id,
      wishId: c.wishId,
      status: c.status,
      wish: toPublic(w),
      claimedAt: c.claimedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      deliveredAt: c.deliveredAt ? c.deliveredAt.toISOString() : null,
      deliverNote: c.deliverNote,
      endedAt: c.endedAt ? c.endedAt.toISOString() : null,
      thanks: c.status === 'fulfilled' ? w.thanks : null,
      certificateNo: c.certificateNo,
    };
  }

  async function lapseOne(claim: WishClaimDoc, requestId: string): Promise<boolean> {
    const wish = await store.load(claim.wishId);
    if (!wish || !holds(wish, claim) || nextClaimStatus(claim.status, 'lapse') === null) return false;
    try {
      assertAllowed(wish, 'lapse', SYSTEM);
      await store.commit({ requestId, actor: { _id: 'system' } }, wish, {
        type: 'lapsed', actorRole: 'system', claimId: claim._id, freesClaim: true, slotId: claim.slotId,
        note: `认领后${config.lapseDays}天内未送达，心愿重新开放认领`,
        wishSet: { status: 'open', activeClaimId: null, claimDonorId: null, donorName: null },
        claimSet: { status: 'lapsed', endedAt: new Date() },
      });
      return true;
    } catch (err) {
      if (err instanceof AppError) return false; // changed meanwhile (delivered, released): the next run looks again
      throw err;
    }
  }

  return {
    async claim(ctx: ActionContext, wishId: string): Promise<WishClaim> {
      const viewer = viewerOf(ctx);
      const before = await store.load(wishId);
      if (!before) throw new AppError('NOT_FOUND');
      assertAllowed(before, 'claim', viewer);

      const claimId = randomUUID();
      const slotId = await repo.takeSlot(ctx.actor._id, config.maxActiveClaims, claimId, wishId);
      if (!slotId) throw new AppError('WISH_CLAIM_LIMIT', { message: `您同时认领的心愿已达上限（${config.maxActiveClaims}个），请先送达或释放已认领的心愿` });
      let locked = false;
      const outcome: CommitOutcome = { inserted: false };
      try {
        locked = await repo.takeLock(wishId, claimId, ctx.actor._id);
        if (!locked) throw new AppError('WISH_ALREADY_CLAIMED');
        // Holding the lock, look again: the wish may have changed since the first read.
        const wish = await store.load(wishId);
        if (!wish) throw new AppError('NOT_FOUND');
        assertAllowed(wish, 'claim', viewer);
        const now = new Date();
        const donor = ctx.actor.donor ?? { kind: 'person' as const, displayName: '爱心人士' };
        const claim: WishClaimDoc = {
          _id: claimId, wishId, regionCode: wish.regionCode, category: wish.category, donorId: ctx.actor._id, donorName: donor.displayName, donorKind: donor.kind,
          slotId, status: 'active', claimedAt: now, dueAt: new Date(now.getTime() + config.lapseDays * DAY_MS),
          deliveredAt: null, deliverNote: null, deliverPhotoFileIds: [], endedAt: null, certificateNo: null,
        };
        await store.commit(ctx, wish, {
          type: 'claimed', actorRole: 'donor', claimId,
          wishSet: { status: 'claimed', activeClaimId: claimId, claimDonorId: ctx.actor._id, donorName: donor.displayName },
          claimSet: claim,
        }, outcome);
        return toClaim(claim, (await repo.findWish(wishId))!);
      } catch (err) {
        // Once the `claimed` event has landed the claim stands (a reader applies it later): the lock
        // and the slot are the claim's now and stay. Only a claim that never landed gives them back.
        if (!outcome.inserted) {
          if (locked) await repo.freeLock(wishId, claimId);
          await repo.freeSlot(slotId, claimId);
        }
        throw err;
      }
    },

    async release(ctx: ActionContext, claimId: string): Promise<WishClaim> {
      const { claim, wish } = await ownClaim(ctx, claimId);
      if (!holds(wish, claim) || nextClaimStatus(claim.status, 'release') === null) throw new AppError('WISH_STATE_INVALID');
      assertAllowed(wish, 'release', viewerOf(ctx));
      await store.commit(ctx, wish, {
        type: 'released', actorRole: 'donor', claimId, freesClaim: true, slotId: claim.slotId, note: '爱心人士放弃认领',
        wishSet: { status: 'open', activeClaimId: null, claimDonorId: null, donorName: null },
        claimSet: { status: 'released', endedAt: new Date() },
      });
      return toClaim((await repo.findClaim(claimId))!, (await repo.findWish(wish._id))!);
    },

    async deliver(ctx: ActionContext, claimId: string, body: DeliverBody): Promise<WishClaim> {
      const { claim, wish } = await ownClaim(ctx, claimId);
      if (!holds(wish, claim) || nextClaimStatus(claim.status, 'deliver') === null) throw new AppError('WISH_STATE_INVALID');
      assertAllowed(wish, 'deliver', viewerOf(ctx));
      const note = body.note.trim();
      if (!note) throw new AppError('VALIDATION_FAILED', { message: '请填写送达说明', details: { fields: [{ path: '/note', rule: 'empty' }] } });
      await deps.wishes.checkText(ctx, { note }, 2);
      const photos = body.photoFileIds ?? [];
      await deps.wishes.checkPhotos(ctx, photos, 'deliveryPhoto');
      const now = new Date();
      await store.commit(ctx, wish, {
        type: 'delivered', actorRole: 'donor', claimId, note,
        wishSet: { status: 'delivered', deliverNote: note },
        claimSet: { status: 'delivered', deliveredAt: now, deliverNote: note, deliverPhotoFileIds: photos },
      });
      return toClaim((await repo.findClaim(claimId))!, (await repo.findWish(wish._id))!);
    },

    /** The person (or staff of the region) confirms the wish came true. */
    async confirm(ctx: ActionContext, wishId: string, note?: string) {
      const wish = await store.load(wishId);
      if (!wish) throw new AppError('NOT_FOUND');
      const viewer = viewerOf(ctx);
      assertAllowed(wish, 'confirm', viewer);
      const claim = wish.activeClaimId ? await repo.findClaim(wish.activeClaimId) : null;
      if (!claim || nextClaimStatus(claim.status, 'confirm') === null) throw new AppError('WISH_STATE_INVALID');
      const now = new Date();
      await store.commit(ctx, wish, {
        type: 'fulfilled', actorRole: ctx.actor._id === wish.beneficiaryId ? 'beneficiary' : 'staff', claimId: claim._id, freesClaim: true, slotId: claim.slotId,
        note: note?.trim() || null,
        wishSet: { status: 'fulfilled', fulfilledAt: now, activeClaimId: null },
        claimSet: { status: 'fulfilled', endedAt: now, certificateNo: certificateNo(claim, now) },
      });
      return (await repo.findWish(wishId))!;
    },

    async thank(ctx: ActionContext, wishId: string, message: string) {
      const wish = await store.load(wishId);
      if (!wish) throw new AppError('NOT_FOUND');
      assertAllowed(wish, 'thank', viewerOf(ctx));
      const text = message.trim();
      if (!text) throw new AppError('VALIDATION_FAILED', { message: '请填写感谢的话', details: { fields: [{ path: '/message', rule: 'empty' }] } });
      await deps.wishes.checkText(ctx, { message: text }, 2);
      await store.commit(ctx, wish, { type: 'thanked', actorRole: 'beneficiary', note: text, wishSet: { thanks: text } });
      return (await repo.findWish(wishId))!;
    },

    async mine(ctx: ActionContext): Promise<WishClaim[]> {
      const claims = await repo.claimsByDonor(ctx.actor._id);
      const wishes = new Map((await repo.findWishes([...new Set(claims.map((c) => c.wishId))])).map((w) => [w._id, w]));
      return claims.filter((c) => wishes.has(c.wishId)).map((c) => toClaim(c, wishes.get(c.wishId)!));
    },

    async certificate(ctx: ActionContext, claimId: string): Promise<WishCertificate> {
      const { claim, wish } = await ownClaim(ctx, claimId);
      if (claim.status !== 'fulfilled' || !claim.certificateNo || !wish.fulfilledAt) throw new AppError('WISH_CERTIFICATE_NOT_READY');
      return {
        certificateNo: claim.certificateNo,
        donorName: claim.donorName,
        donorKind: claim.donorKind,
        wishTitle: toPublic(wish).title,
        category: wish.category,
        budgetFen: wish.budgetFen,
        district: districtNameOf(wish.regionCode),
        fulfilledAt: wish.fulfilledAt.toISOString(),
        fulfilledDate: shanghaiDate(wish.fulfilledAt),
        thanks: wish.thanks,
      };
    },

    async setContact(ctx: ActionContext, contact: string) {
      const text = contact.trim();
      // The schema counts characters before trimming: "     " would pass it and store nothing usable.
      if (Array.from(text).length < 5) {
        throw new AppError('VALIDATION_FAILED', { message: '请填写联系方式（手机号或其他联系方式，至少5个字）', details: { fields: [{ path: '/contact', rule: 'empty' }] } });
      }
      await repo.saveContact(ctx.actor._id, deps.pii.encrypt(text), maskContact(text));
      return { contactMasked: maskContact(text) };
    },
    async contact(ctx: ActionContext) {
      return { contactMasked: (await repo.findContact(ctx.actor._id))?.contactMasked ?? null };
    },

    /** Staff: active claims of the region due within `withinHours` (or overdue). */
    async lapsing(ctx: ActionContext, withinHours: number): Promise<LapsingClaims> {
      const scope = ctx.actor.staff?.regionCode;
      if (!scope) throw new AppError('FORBIDDEN');
      const claims = (await repo.activeClaimsInRegionDueBefore(regionPrefix(scope), new Date(Date.now() + withinHours * 3600_000))).filter((c) => regionCovers(scope, c.regionCode));
      const wishes = new Map((await repo.findWishes(claims.map((c) => c.wishId))).map((w) => [w._id, w]));
      const out: LapsingClaims['claims'] = [];
      for (const c of claims) {
        const w = wishes.get(c.wishId);
        if (!w) continue;
        out.push({
          id: c._id, wishId: c.wishId, wishTitle: w.title, community: communityNameOf(w.regionCode), donorName: c.donorName,
          donorContact: await deps.wishes.donorContact(ctx, c.donorId, w._id), claimedAt: c.claimedAt.toISOString(), dueAt: c.dueAt.toISOString(),
        });
      }
      return { claims: out };
    },

    /**
     * The scheduled job: claims not delivered by their due time lapse and their wishes reopen.
     * Also frees locks and slots a stopped process left behind. Returns what it did.
     */
    async runLapseJob(now: Date = new Date()): Promise<{ lapsed: number; lapsedClaimIds: string[]; orphansFreed: number }> {
      const requestId = `lapse-job-${randomUUID()}`;
      const lapsedClaimIds: string[] = [];
      for (const claim of await repo.activeClaimsDueBefore(now)) if (await lapseOne(claim, requestId)) lapsedClaimIds.push(claim._id);
      const lapsed = lapsedClaimIds.length;

      let orphansFreed = 0;
      const stale = (at: Date) => Date.now() - at.getTime() > ORPHAN_AFTER_MS;
      for (const lock of await repo.allLocks()) {
        if (!stale(lock.at)) continue;
        const wish = await store.load(lock._id);
        if (!wish || wish.activeClaimId !== lock.claimId) { await repo.freeLock(lock._id, lock.claimId); orphansFreed += 1; }
      }
      for (const slot of await repo.allSlots()) {
        if (!stale(slot.at)) continue;
        const claim = await repo.findClaim(slot.claimId);
        if (!claim || !HOLDING_CLAIM_STATUSES.includes(claim.status)) { await repo.freeSlot(slot._id, slot.claimId); orphansFreed += 1; }
      }
      return { lapsed, lapsedClaimIds, orphansFreed };
    },
  };
}
export type WishClaimService = ReturnType<typeof wishClaimService>;
