import { randomUUID } from 'node:crypto';
import { ANONYMOUS_DONOR_NAME, nextClaimStatus, type ClaimWishBody, type DeliverBody, type MyWish, type WishClaim } from '@dajiuzhu/shared';
import type { WishConfig } from '@dajiuzhu/config';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import type { WishClaimDoc, WishDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import { toWishClaim } from '../views/claimViews';
import { toMyWish } from '../views/wishViews';
import { certificateNo } from './certificateService';
import type { ContentChecks } from './contentChecks';
import type { CommitOutcome, WishStore } from './wishStore';
import { assertAllowed, loadOwnClaim, personViewerOf, viewerOf, type IdentityLinks } from './wishAccess';

/** A claim's due time is an instant (claimed + lapseDays × 24 h), not a calendar date. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Frees the wish in a release or lapse event. */
export const REOPEN: Partial<WishDoc> = { status: 'open', activeClaimId: null, claimDonorId: null, donorName: null };

/**
 * Claims (认领) from claim to fulfilment. One claim holds a wish: the lock `wish_active_claims._id
 * = wishId` is inserted (insert wins) before anything else changes; a donor's N slots
 * `wish_donor_slots._id = "<donorId>:<0..N-1>"` bound how many they hold. Both are freed by the
 * event that ends the claim (release, lapse, fulfilment).
 */
export function claimService(deps: { repo: WishRepository; store: WishStore; config: WishConfig; checks: ContentChecks; identity: IdentityLinks }) {
  const { repo, store, config, checks } = deps;

  /** The claim still holds its wish and may take `action` now; WISH_STATE_INVALID otherwise. */
  function assertHolds(wish: WishDoc, claim: WishClaimDoc, action: 'release' | 'deliver') {
    if (wish.activeClaimId !== claim._id || nextClaimStatus(claim.status, action) === null) throw new AppError('WISH_STATE_INVALID');
  }

  /**
   * The name the person thanks and the certificate shows: anonymous, a name chosen for this claim
   * (public text, so it passes the same checks as a wish's text), or the donor profile's name.
   */
  async function nameFor(ctx: ActionContext, body: ClaimWishBody): Promise<{ name: string; anonymous: boolean }> {
    if (body.anonymous) return { name: ANONYMOUS_DONOR_NAME, anonymous: true };
    const chosen = body.displayName?.trim();
    if (!chosen) return { name: ctx.actor.donor?.displayName ?? '爱心人士', anonymous: false };
    await checks.checkText(ctx, { displayName: chosen }, 1);
    return { name: chosen, anonymous: false };
  }

  return {
    async claim(ctx: ActionContext, wishId: string, body: ClaimWishBody = {}): Promise<WishClaim> {
      const viewer = viewerOf(ctx);
      const before = await store.load(wishId);
      if (!before) throw new AppError('NOT_FOUND');
      assertAllowed(before, 'claim', viewer);
      const shown = await nameFor(ctx, body);

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
        const donorKind = ctx.actor.donor?.kind ?? 'person';
        const claim: WishClaimDoc = {
          _id: claimId, wishId, regionCode: wish.regionCode, category: wish.category, donorId: ctx.actor._id, donorName: shown.name, anonymous: shown.anonymous, donorKind,
          slotId, status: 'active', claimedAt: now, dueAt: new Date(now.getTime() + config.lapseDays * DAY_MS),
          deliveredAt: null, deliverNote: null, deliverPhotoFileIds: [], endedAt: null, certificateNo: null,
        };
        const after = await store.commit(ctx, wish, {
          type: 'claimed', actorRole: 'donor', claimId,
          wishSet: { status: 'claimed', activeClaimId: claimId, claimDonorId: ctx.actor._id, donorName: shown.name },
          claimSet: claim,
        }, outcome);
        return toWishClaim(claim, after);
      } catch (err) {
        // Once the `claimed` event has landed the claim stands (the next reader applies it): the lock
        // and the slot are the claim's now and stay. Only a claim that never landed gives them back.
        if (!outcome.inserted) {
          if (locked) await repo.freeLock(wishId, claimId);
          await repo.freeSlot(slotId, claimId);
        }
        throw err;
      }
    },

    async release(ctx: ActionContext, claimId: string): Promise<WishClaim> {
      const { claim, wish } = await loadOwnClaim(repo, store, ctx, claimId);
      assertHolds(wish, claim, 'release');
      assertAllowed(wish, 'release', viewerOf(ctx));
      const after = await store.commit(ctx, wish, {
        type: 'released', actorRole: 'donor', claimId, freesClaim: true, slotId: claim.slotId, note: '爱心人士放弃认领',
        wishSet: REOPEN,
        claimSet: { status: 'released', endedAt: new Date() },
      });
      return toWishClaim((await repo.findClaim(claimId))!, after);
    },

    async deliver(ctx: ActionContext, claimId: string, body: DeliverBody): Promise<WishClaim> {
      const { claim, wish } = await loadOwnClaim(repo, store, ctx, claimId);
      assertHolds(wish, claim, 'deliver');
      assertAllowed(wish, 'deliver', viewerOf(ctx));
      const note = body.note.trim();
      if (!note) throw new AppError('VALIDATION_FAILED', { message: '请填写送达说明', details: { fields: [{ path: '/note', rule: 'empty' }] } });
      await checks.checkText(ctx, { note }, 2);
      const photos = body.photoFileIds ?? [];
      await checks.checkPhotos(ctx, photos, 'deliveryPhoto', body.noChildFaces);
      const after = await store.commit(ctx, wish, {
        type: 'delivered', actorRole: 'donor', claimId, note,
        wishSet: { status: 'delivered', deliverNote: note, deliveryPhotoFileIds: photos },
        claimSet: { status: 'delivered', deliveredAt: new Date(), deliverNote: note, deliverPhotoFileIds: photos },
      });
      return toWishClaim((await repo.findClaim(claimId))!, after);
    },

    /** The person (or staff of the region) confirms the wish came true; the certificate number is fixed now. */
    async confirm(ctx: ActionContext, wishId: string, note?: string): Promise<MyWish> {
      const wish = await store.load(wishId);
      if (!wish) throw new AppError('NOT_FOUND');
      const viewer = await personViewerOf(deps.identity, ctx, wish);
      assertAllowed(wish, 'confirm', viewer);
      const claim = wish.activeClaimId ? await repo.findClaim(wish.activeClaimId) : null;
      if (!claim || nextClaimStatus(claim.status, 'confirm') === null) throw new AppError('WISH_STATE_INVALID');
      const now = new Date();
      const after = await store.commit(ctx, wish, {
        type: 'fulfilled', actorRole: viewer.userId === wish.beneficiaryId ? 'beneficiary' : 'staff', claimId: claim._id, freesClaim: true, slotId: claim.slotId,
        note: note?.trim() || null,
        wishSet: { status: 'fulfilled', fulfilledAt: now, activeClaimId: null },
        claimSet: { status: 'fulfilled', endedAt: now, certificateNo: certificateNo(claim, now) },
      });
      return toMyWish(after, viewer);
    },

    /** The person thanks the donor, once. */
    async thank(ctx: ActionContext, wishId: string, message: string): Promise<MyWish> {
      const wish = await store.load(wishId);
      if (!wish) throw new AppError('NOT_FOUND');
      const viewer = await personViewerOf(deps.identity, ctx, wish);
      assertAllowed(wish, 'thank', viewer);
      const text = message.trim();
      if (!text) throw new AppError('VALIDATION_FAILED', { message: '请填写感谢的话', details: { fields: [{ path: '/message', rule: 'empty' }] } });
      await checks.checkText(ctx, { message: text }, 2);
      return toMyWish(await store.commit(ctx, wish, { type: 'thanked', actorRole: 'beneficiary', note: text, wishSet: { thanks: text } }), viewer);
    },

    /** The donor's claims, newest first, each with the public form of its wish. */
    async mine(ctx: ActionContext): Promise<WishClaim[]> {
      const claims = await repo.claimsByDonor(ctx.actor._id);
      const wishes = new Map((await repo.findWishes([...new Set(claims.map((c) => c.wishId))])).map((w) => [w._id, w]));
      return claims.filter((c) => wishes.has(c.wishId)).map((c) => toWishClaim(c, wishes.get(c.wishId)!));
    },
  };
}
export type ClaimService = ReturnType<typeof claimService>;
