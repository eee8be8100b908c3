import type { EditWishBody, StaffWish, StaffWishSummary } from '@dajiuzhu/shared';
import { budgetCapFor, type WishConfig } from '@dajiuzhu/config';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import type { WishDoc } from '../models/wish';
import type { WishRepository } from '../repository';
import { deliveryPhotosOf, toStaffWish, toStaffWishSummary } from '../views/wishViews';
import type { ContentChecks } from './contentChecks';
import type { DonorContactService } from './donorContacts';
import type { WishStore } from './wishStore';
import { assertAllowed, viewerOf } from './wishAccess';

type ReviewAction = 'approve' | 'edit' | 'reject';
const EVENT_OF: Record<ReviewAction, 'approved' | 'edited' | 'rejected'> = { approve: 'approved', edit: 'edited', reject: 'rejected' };

/** Staff review (审核) of the wishes of their region: the queue, the detail, approve / edit / reject. */
export function reviewService(deps: { repo: WishRepository; store: WishStore; config: WishConfig; checks: ContentChecks; contacts: DonorContactService; audit: AuditService }) {
  const { repo, store, config } = deps;

  /** The wish if the actor is staff covering its region; NOT_FOUND otherwise, as if it did not exist. */
  async function loadForStaff(ctx: ActionContext, id: string): Promise<WishDoc> {
    const w = await store.load(id);
    if (!w) throw new AppError('NOT_FOUND');
    requireStaffCovering(ctx.actor, w.regionCode);
    return w;
  }

  async function review(ctx: ActionContext, id: string, action: ReviewAction, change: Partial<WishDoc>, note: string | null): Promise<StaffWishSummary> {
    const w = await store.load(id);
    if (!w) throw new AppError('NOT_FOUND');
    assertAllowed(w, action, viewerOf(ctx));
    await store.commit(ctx, w, { type: EVENT_OF[action], actorRole: 'staff', note, wishSet: change });
    // The answer is the summary (masked name, no donor contact): a review is not a read of the person.
    const after = await loadForStaff(ctx, id);
    return toStaffWishSummary(after, viewerOf(ctx), { budgetCapFen: budgetCapFor(config, after.regionCode), claim: null, contact: null, events: await repo.events(after._id) });
  }

  return {
    /**
     * The queue: the person's name masked and no donor contact (those are read, and audited, one
     * wish at a time). The page itself shows people's wishes, stories and photos: one audit row per
     * page read, naming the people shown.
     */
    async list(ctx: ActionContext, status: WishDoc['status'] | undefined, limit: number): Promise<StaffWishSummary[]> {
      const scope = requireStaff(ctx.actor);
      const viewer = viewerOf(ctx);
      const out: StaffWishSummary[] = [];
      const wishes = await repo.inRegion(scope.regionCode, status, limit);
      for (const w of wishes) {
        const claim = w.activeClaimId ? await repo.findClaim(w.activeClaimId) : null;
        out.push(toStaffWishSummary(w, viewer, { budgetCapFen: budgetCapFor(config, w.regionCode), claim, contact: null, events: [] }));
      }
      await deps.audit.record({
        actorId: ctx.actor._id, action: 'wish.queue.read', subjectId: '', requestId: ctx.requestId,
        details: { status: status ?? 'all', rows: wishes.length, subjectIds: [...new Set(wishes.map((w) => w.beneficiaryId))].join(','), wishIds: wishes.map((w) => w._id).join(',') },
      });
      return out;
    },

    /** The detail: the person's full name (audited as person.read of the person) and the donor's contact (audited too). */
    async detail(ctx: ActionContext, id: string): Promise<StaffWish> {
      const w = await loadForStaff(ctx, id);
      const claim = w.activeClaimId ? await repo.findClaim(w.activeClaimId) : null;
      const contact = claim ? await deps.contacts.readForStaff(ctx, claim.donorId, w._id) : null;
      await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', subjectId: w.beneficiaryId, requestId: ctx.requestId, details: { fields: 'beneficiaryName', wishId: w._id } });
      return toStaffWish(w, viewerOf(ctx), { budgetCapFen: budgetCapFor(config, w.regionCode), claim, contact, events: await repo.events(w._id) });
    },

    approve: (ctx: ActionContext, id: string, note?: string) =>
      review(ctx, id, 'approve', { status: 'open', publishedAt: new Date(), reviewNote: note?.trim() || null }, note?.trim() || null),

    /** Approve with changes: edited text becomes public at once, so it passes the same checks as posting. */
    async edit(ctx: ActionContext, id: string, body: EditWishBody): Promise<StaffWishSummary> {
      const w = await loadForStaff(ctx, id);
      assertAllowed(w, 'edit', viewerOf(ctx));
      const change: Partial<WishDoc> = {};
      if (body.title !== undefined) change.title = body.title.trim();
      if (body.story !== undefined) change.story = body.story.trim();
      if (body.category !== undefined) change.category = body.category;
      if (body.budgetFen !== undefined) change.budgetFen = body.budgetFen;
      deps.checks.checkLimits(w.regionCode, change);
      const note = body.note.trim();
      if (!note) throw new AppError('VALIDATION_FAILED', { message: '请写明修改说明', details: { fields: [{ path: '/note', rule: 'empty' }] } });
      const changedText: Record<string, string> = {};
      if (change.title !== undefined && change.title !== w.title) changedText.title = change.title;
      if (change.story !== undefined && change.story !== w.story) changedText.story = change.story;
      if (Object.keys(changedText).length > 0 && (await deps.checks.checkText(ctx, changedText, 3)) === 'review') change.contentFlag = 'review';
      return review(ctx, id, 'edit', { ...change, status: 'open', publishedAt: new Date(), reviewNote: note }, note);
    },

    /**
     * Takes a photo off a wish (a wish photo or the delivery evidence) in any state, e.g. one that
     * shows a child's face: one event, the reason shown to the person. The file itself stays (the
     * event history names it) but no route serves it for this wish any more.
     */
    async removePhoto(ctx: ActionContext, id: string, fileId: string, reason: string): Promise<StaffWishSummary> {
      const w = await loadForStaff(ctx, id);
      const r = reason.trim();
      if (!r) throw new AppError('VALIDATION_FAILED', { message: '请写明移除照片的原因', details: { fields: [{ path: '/reason', rule: 'empty' }] } });
      const delivery = deliveryPhotosOf(w);
      const kind = w.photoFileIds.includes(fileId) ? 'wishPhoto' : delivery.includes(fileId) ? 'deliveryPhoto' : null;
      if (!kind) throw new AppError('NOT_FOUND', { message: '该心愿没有这张照片（可能已被移除）' });
      await store.commit(ctx, w, {
        type: 'photoRemoved', actorRole: 'staff', note: r,
        wishSet: {
          photoFileIds: w.photoFileIds.filter((f) => f !== fileId),
          deliveryPhotoFileIds: delivery.filter((f) => f !== fileId),
          removedPhotos: [...(w.removedPhotos ?? []), { fileId, kind, reason: r, at: new Date() }],
        },
      });
      const after = await loadForStaff(ctx, id);
      const claim = after.activeClaimId ? await repo.findClaim(after.activeClaimId) : null;
      return toStaffWishSummary(after, viewerOf(ctx), { budgetCapFen: budgetCapFor(config, after.regionCode), claim, contact: null, events: await repo.events(after._id) });
    },

    async reject(ctx: ActionContext, id: string, reason: string): Promise<StaffWishSummary> {
      const r = reason.trim();
      if (!r) throw new AppError('VALIDATION_FAILED', { message: '请写明不通过的原因', details: { fields: [{ path: '/reason', rule: 'empty' }] } });
      return review(ctx, id, 'reject', { status: 'rejected', rejectReason: r }, r);
    },
  };
}
export type ReviewService = ReturnType<typeof reviewService>;
