import { wishActionProblem, type WishAction, type WishViewer } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import { staffScopeOf } from '../../../core/scope/staffScope';
import type { ActionContext } from '../../../core/context';
import type { WishClaimDoc, WishDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import { factsOf } from '../views/wishViews';
import type { WishStore } from './wishStore';

/** Who is looking, as the shared state machine sees them. */
export function viewerOf(ctx: ActionContext): WishViewer {
  return { userId: ctx.actor._id, roles: ctx.actor.roles, staffRegionCode: staffScopeOf(ctx.actor)?.regionCode ?? null };
}

/** The scheduled lapse job. */
export const SYSTEM_VIEWER: WishViewer = { userId: 'system', roles: [], system: true };

/** Throws the machine's reason when `viewer` may not do `action` now. */
export function assertAllowed(w: WishDoc, action: WishAction, viewer: WishViewer): void {
  const problem = wishActionProblem(factsOf(w), action, viewer);
  if (problem) throw new AppError(problem);
}

/** The donor's own claim and its wish; NOT_FOUND for anyone else's, as if it did not exist. */
export async function loadOwnClaim(repo: Pick<WishRepository, 'findClaim'>, store: Pick<WishStore, 'load'>, ctx: ActionContext, claimId: string): Promise<{ claim: WishClaimDoc; wish: WishDoc }> {
  const claim = await repo.findClaim(claimId);
  if (!claim || claim.donorId !== ctx.actor._id) throw new AppError('NOT_FOUND');
  const wish = await store.load(claim.wishId);
  if (!wish) throw new AppError('NOT_FOUND');
  return { claim, wish };
}
