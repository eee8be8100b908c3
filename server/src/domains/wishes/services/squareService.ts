import { deliveryEvidenceShown, isPublicStatus, WISH_SQUARE_COUNT_CAP, type PublicWish, type PublicWishList, type WishListQuery } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import { staffCovers } from '../../../core/scope/staffScope';
import type { FileService } from '../../../core/files/fileService';
import type { ActionContext } from '../../../core/context';
import type { WishRepository } from '../repository';
import { deliveryPhotosOf, toPublicWish } from '../views/wishViews';
import type { WishStore } from './wishStore';
import type { AuditService } from '../../../core/audit/auditService';
import { isLinkedBeneficiary, type IdentityLinks } from './wishAccess';
import { decodeSquareCursor, encodeSquareCursor } from './squareCursor';

const STATUSES_SHOWN: Record<NonNullable<WishListQuery['status']>, string[]> = {
  all: ['open', 'claimed', 'delivered', 'fulfilled'],
  open: ['open'],
  claimed: ['claimed', 'delivered'],
  fulfilled: ['fulfilled'],
};

/** The public square (心愿广场): approved wishes only, through the shared masking rule. */
export function squareService(deps: { repo: WishRepository; store: WishStore; files: Pick<FileService, 'readPublic'>; identity: IdentityLinks; audit: AuditService }) {
  const { repo, store } = deps;
  return {
    /** A page (cursor pagination, docs/database.md) and a count of matching wishes up to the cap. */
    async list(q: WishListQuery): Promise<PublicWishList> {
      const sort = q.sort ?? 'newest';
      const { wishes, hasMore, counted } = await repo.listPublic({
        statuses: STATUSES_SHOWN[q.status ?? 'open'], regionCode: q.regionCode, category: q.category, minBudgetFen: q.minBudgetFen, maxBudgetFen: q.maxBudgetFen,
        sort, limit: q.limit ?? 20, after: q.cursor ? decodeSquareCursor(sort, q.cursor) : undefined, countCap: WISH_SQUARE_COUNT_CAP,
      });
      const last = wishes[wishes.length - 1];
      return {
        wishes: wishes.map(toPublicWish),
        nextCursor: hasMore && last ? encodeSquareCursor(sort, last) : null,
        total: Math.min(counted, WISH_SQUARE_COUNT_CAP),
        totalCapped: counted > WISH_SQUARE_COUNT_CAP,
      };
    },

    /** Anything not approved does not exist for the public. */
    async one(id: string): Promise<PublicWish> {
      const w = await store.load(id);
      if (!w || !isPublicStatus(w.status)) throw new AppError('NOT_FOUND');
      return toPublicWish(w);
    },

    /**
     * A wish photo: for anyone once the wish is approved; before, for the person (through their
     * verified identity when staff posted it for them) and for region staff — a staff read of a
     * photo not yet public is audited. A delivery photo: for anyone once the delivery is confirmed;
     * before, for the donor who took it and for region staff (audited), not for the person.
     */
    async photo(ctx: ActionContext | null, id: string, fileId: string): Promise<{ contentType: string; data: Buffer; isPublic: boolean }> {
      const w = await store.load(id);
      const isDelivery = !!w && deliveryPhotosOf(w).includes(fileId);
      if (!w || (!w.photoFileIds.includes(fileId) && !isDelivery)) throw new AppError('NOT_FOUND');
      const isPublic = isDelivery ? deliveryEvidenceShown(w.status) : isPublicStatus(w.status);
      if (!isPublic) {
        const person = !!ctx && !isDelivery && (await isLinkedBeneficiary(deps.identity, ctx, w));
        const donor = !!ctx && isDelivery && w.claimDonorId === ctx.actor._id;
        const staff = !!ctx && !person && !donor && staffCovers(ctx.actor, w.regionCode);
        if (!person && !donor && !staff) throw new AppError('NOT_FOUND');
        if (staff) {
          await deps.audit.record({ actorId: ctx!.actor._id, action: 'wish.photo.read', subjectId: w.beneficiaryId, requestId: ctx!.requestId, details: { wishId: w._id, fileId, status: w.status } });
        }
      }
      const file = await deps.files.readPublic(fileId);
      if (!file) throw new AppError('NOT_FOUND');
      return { contentType: file.doc.contentType, data: file.data, isPublic };
    },
  };
}
export type SquareService = ReturnType<typeof squareService>;
