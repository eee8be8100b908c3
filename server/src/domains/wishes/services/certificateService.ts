import { shanghaiDate, type WishCertificate } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import type { WishClaimDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import { toWishCertificate } from '../views/claimViews';
import type { WishStore } from './wishStore';
import { loadOwnClaim } from './wishAccess';

/** 爱心证书 number, fixed when the wish comes true: AX + Shanghai date + the claim id's first 8 hex digits. */
export function certificateNo(claim: Pick<WishClaimDoc, '_id'>, fulfilledAt: Date): string {
  return `AX${shanghaiDate(fulfilledAt).replace(/-/g, '')}${claim._id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** The donor's certificate of a fulfilled wish. */
export function certificateService(deps: { repo: WishRepository; store: WishStore }) {
  return {
    async forClaim(ctx: ActionContext, claimId: string): Promise<WishCertificate> {
      const { claim, wish } = await loadOwnClaim(deps.repo, deps.store, ctx, claimId);
      const { certificateNo: no } = claim;
      const { fulfilledAt } = wish;
      if (claim.status !== 'fulfilled' || !no || !fulfilledAt) throw new AppError('WISH_CERTIFICATE_NOT_READY');
      return toWishCertificate({ ...claim, certificateNo: no }, { ...wish, fulfilledAt });
    },
  };
}
export type CertificateService = ReturnType<typeof certificateService>;
