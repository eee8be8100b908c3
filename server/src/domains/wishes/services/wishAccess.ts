import { wishActionProblem, type WishAction, type WishViewer } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import { staffScopeOf } from '../../../core/scope/staffScope';
import type { ActionContext } from '../../../core/context';
import type { IdentityService } from '../../../core/identity/identityService';
import type { WishClaimDoc, WishDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import { factsOf } from '../views/wishViews';
import type { WishStore } from './wishStore';

/** Who is looking, as the shared state machine sees them. */
export function viewerOf(ctx: ActionContext): WishViewer {
  return { userId: ctx.actor._id, roles: ctx.actor.roles, staffRegionCode: staffScopeOf(ctx.actor)?.regionCode ?? null };
}

/** What the wishes domain asks the core about who an account provably is. */
export type IdentityLinks = Pick<IdentityService, 'verifiedBlindIndexOf'>;

/**
 * Is the signed-in account the person this wish is for? A wish they posted themselves: yes, they
 * created it. A wish staff posted for them (on-behalf posting): only through their verified
 * identity — the account's verified ID number must be the one recorded when it was posted.
 */
export async function isLinkedBeneficiary(identity: IdentityLinks, ctx: ActionContext, w: Pick<WishDoc, 'beneficiaryId' | 'beneficiaryKey' | 'onBehalf'>): Promise<boolean> {
  if (ctx.actor._id !== w.beneficiaryId) return false;
  if (!w.onBehalf) return true;
  return !!w.beneficiaryKey && (await identity.verifiedBlindIndexOf(ctx.actor._id)) === w.beneficiaryKey;
}

/**
 * The viewer for the person's own actions on a wish (confirm, thank): an account whose link to a
 * wish posted for it is gone is not its beneficiary for the state machine (it compares user ids).
 */
export async function personViewerOf(identity: IdentityLinks, ctx: ActionContext, w: WishDoc): Promise<WishViewer> {
  const viewer = viewerOf(ctx);
  if (ctx.actor._id !== w.beneficiaryId || (await isLinkedBeneficiary(identity, ctx, w))) return viewer;
  return { ...viewer, userId: '' };
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
