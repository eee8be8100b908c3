import type { ClaimWishBody, CreateWishBody, DeliverBody, WishReferral, MyWish, StaffWishSummary, WishClaim } from '@dajiuzhu/shared';
import type { ActionContext } from '../../core/context';
import type { DemoPhotoKind } from './demoPhotos';

/** What the lapse job did: claims that lapsed (their wishes reopened) and orphaned locks or slots freed. */
export interface LapseJobResult {
  lapsed: number;
  lapsedClaimIds: string[];
  orphansFreed: number;
}

/**
 * What the wishes domain offers (app.wishes). Other domains need nothing of it yet; the lapse job is
 * here so it can be run on demand at a chosen time (the integration tests run it with a future `now`).
 */
export interface WishesApi {
  claims: {
    runLapseJob(now?: Date): Promise<LapseJobResult>;
  };
  /**
   * For the monitoring desk (动态监测): staff of the person's region post a wish for someone found
   * through monitoring, only with the person's recorded consent (`referral.consent.given: true`) and
   * only for an account with a verified identity, as any on-behalf post. The same rules, checks and
   * review as `POST /wishes` with `beneficiaryId` and `referral`; audited as wish.referral.
   */
  referrals: {
    refer(ctx: ActionContext, body: CreateWishBody & { beneficiaryId: string; referral: WishReferral }): Promise<MyWish>;
  };
  /**
   * What the demo seed (server/src/core/seed) does as its people, through the same services the
   * routes call: post, review, claim, deliver, confirm, thank. No other domain uses it.
   */
  demo: {
    post(ctx: ActionContext, body: CreateWishBody): Promise<MyWish>;
    approve(ctx: ActionContext, wishId: string, note?: string): Promise<StaffWishSummary>;
    claim(ctx: ActionContext, wishId: string, body?: ClaimWishBody): Promise<WishClaim>;
    deliver(ctx: ActionContext, claimId: string, body: DeliverBody): Promise<WishClaim>;
    confirm(ctx: ActionContext, wishId: string, note?: string): Promise<MyWish>;
    thank(ctx: ActionContext, wishId: string, message: string): Promise<MyWish>;
    /** Uploads a generated photo of the item (a PNG made at seed time) as `ctx`'s own file; returns its id. */
    photo(ctx: ActionContext, purpose: 'wishPhoto' | 'deliveryPhoto', kind: DemoPhotoKind): Promise<string>;
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    wishes: WishesApi;
  }
}
