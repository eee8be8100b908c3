import { randomUUID } from 'node:crypto';
import type { CreateWishBody, MyWish, WishRules } from '@dajiuzhu/shared';
import { budgetCapFor, type WishConfig } from '@dajiuzhu/config';
import { AppError } from '../../../core/errors/AppError';
import { staffCovers, staffScopeOf } from '../../../core/scope/staffScope';
import type { ProfileService } from '../../../core/identity/profileService';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import type { WishDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import { toMyWish } from '../views/wishViews';
import type { ContentChecks } from './contentChecks';
import type { WishStore } from './wishStore';
import { viewerOf, type IdentityLinks } from './wishAccess';

/** Posting (发布心愿): a person posts a wish, or staff post one for a person of their region. */
export function postingService(deps: { repo: WishRepository; store: WishStore; config: WishConfig; checks: ContentChecks; profiles: Pick<ProfileService, 'findById'>; identity: IdentityLinks; audit: AuditService }) {
  const { repo, store, config, checks } = deps;
  return {
    /** The local rules the phone shows before posting. */
    rules(regionCode?: string): WishRules {
      return { budgetCapFen: regionCode ? budgetCapFor(config, regionCode) : config.budgetCapFen, storyMaxChars: config.storyMaxChars, maxActiveClaims: config.maxActiveClaims, lapseDays: config.lapseDays, photoMaxBytes: config.photoMaxBytes };
    },

    /**
     * Always reviewed before it is public; a wish posted for someone is recorded as such. Staff post
     * for a person only through that account's VERIFIED identity (WISH_BENEFICIARY_UNVERIFIED
     * otherwise): a profile that is only a claim would hand a stranger the wish made for the person.
     */
    async post(ctx: ActionContext, body: CreateWishBody): Promise<MyWish> {
      const viewer = viewerOf(ctx);
      const onBehalf = !!body.beneficiaryId && body.beneficiaryId !== ctx.actor._id;
      if (onBehalf && !staffScopeOf(ctx.actor)) throw new AppError('FORBIDDEN', { message: '只有工作人员可以代他人发布心愿' });
      // A referral from monitoring is staff posting for the person, with their consent (the schema requires `given: true`).
      if (body.referral && !onBehalf) throw new AppError('WISH_REFERRAL_NOT_ON_BEHALF', { details: { fields: [{ path: '/referral', rule: 'onBehalfOnly' }] } });
      const beneficiaryId = onBehalf ? body.beneficiaryId! : ctx.actor._id;
      const profile = await deps.profiles.findById(beneficiaryId);
      if (onBehalf && (!profile || !staffCovers(ctx.actor, profile.regionCode))) throw new AppError('NOT_FOUND', { message: '辖区内未找到该居民的实名信息' });
      if (!profile) throw new AppError('WISH_PROFILE_REQUIRED');
      const beneficiaryKey = (await deps.identity.verifiedBlindIndexOf(beneficiaryId)) ?? '';
      if (onBehalf && !beneficiaryKey) throw new AppError('WISH_BENEFICIARY_UNVERIFIED');
      const title = body.title.trim();
      const story = body.story.trim();
      checks.checkLimits(profile.regionCode, { title, story, budgetFen: body.budgetFen });
      const photoFileIds = body.photoFileIds ?? [];
      const textFlag = await checks.checkText(ctx, { title, story }, 3);
      const photoFlag = await checks.checkPhotos(ctx, photoFileIds, 'wishPhoto', body.noChildFaces);
      const now = new Date();
      const wish: WishDoc = {
        _id: randomUUID(),
        seq: 1,
        status: 'pendingReview',
        regionCode: profile.regionCode,
        beneficiaryId,
        beneficiaryKey,
        beneficiaryName: profile.name,
        birthDate: profile.birthDate,
        postedBy: ctx.actor._id,
        onBehalf,
        category: body.category,
        title,
        story,
        budgetFen: body.budgetFen,
        photoFileIds,
        deliveryPhotoFileIds: [],
        removedPhotos: [],
        referral: body.referral
          ? { source: body.referral.source, reference: body.referral.reference, consentMethod: body.referral.consent.method, consentDate: body.referral.consent.date, consentNote: body.referral.consent.note?.trim() || null, recordedBy: ctx.actor._id }
          : null,
        delivery: body.delivery ?? 'communityOffice',
        contentFlag: textFlag === 'review' || photoFlag === 'review' ? 'review' : 'pass',
        reviewNote: null,
        rejectReason: null,
        publishedAt: null,
        activeClaimId: null,
        claimDonorId: null,
        donorName: null,
        deliverNote: null,
        fulfilledAt: null,
        thanks: null,
        createdAt: now,
        updatedAt: now,
      };
      await store.create(ctx, wish, { actorRole: onBehalf ? 'staff' : 'beneficiary', note: body.referral ? '工作人员代为发布（动态监测转介，已取得本人同意）' : onBehalf ? '工作人员代为发布' : null });
      if (wish.referral) {
        await deps.audit.record({
          actorId: ctx.actor._id, action: 'wish.referral', subjectId: beneficiaryId, requestId: ctx.requestId,
          details: { wishId: wish._id, source: wish.referral.source, reference: wish.referral.reference, consentMethod: wish.referral.consentMethod, consentDate: wish.referral.consentDate },
        });
      }
      return toMyWish(wish, onBehalf ? { ...viewer, userId: beneficiaryId } : viewer);
    },

    /** The person's own wishes, newest first: those they posted, and those posted for them that their verified identity links them to. */
    async mine(ctx: ActionContext): Promise<MyWish[]> {
      const viewer = viewerOf(ctx);
      const wishes = await repo.byBeneficiary(ctx.actor._id);
      const key = wishes.some((w) => w.onBehalf) ? await deps.identity.verifiedBlindIndexOf(ctx.actor._id) : null;
      return wishes.filter((w) => !w.onBehalf || (!!w.beneficiaryKey && w.beneficiaryKey === key)).map((w) => toMyWish(w, viewer));
    },
  };
}
export type PostingService = ReturnType<typeof postingService>;
