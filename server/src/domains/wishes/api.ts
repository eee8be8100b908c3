import type { CreateWishBody, DeliverBody, MyWish, StaffWishSummary, WishClaim } from '@dajiuzhu/shared';
import type { ActionContext } from '../../core/context';

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
   * What the demo seed (server/src/core/seed) does as its people, through the same services the
   * routes call: post, review, claim, deliver, confirm, thank. No other domain uses it.
   */
  demo: {
    post(ctx: ActionContext, body: CreateWishBody): Promise<MyWish>;
    approve(ctx: ActionContext, wishId: string, note?: string): Promise<StaffWishSummary>;
    claim(ctx: ActionContext, wishId: string): Promise<WishClaim>;
    deliver(ctx: ActionContext, claimId: string, body: DeliverBody): Promise<WishClaim>;
    confirm(ctx: ActionContext, wishId: string, note?: string): Promise<MyWish>;
    thank(ctx: ActionContext, wishId: string, message: string): Promise<MyWish>;
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    wishes: WishesApi;
  }
}
