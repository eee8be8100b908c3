import type { Model } from 'mongoose';
import { insertWins } from '../../core/db/insertWins';
import { regionWithin } from '../../core/scope/staffScope';
import type { ApplicationDoc, ApplicationEventDoc, ApplicationModels, DraftDoc, OpenKeyDoc, SubmissionKeyDoc } from './models/application';
import type { AppMessageDoc } from './models/message';
import type { PublicNoticeDoc } from './models/publicNotice';
import type { EntitlementDoc } from './models/entitlement';

/** Every database access of the applications domain; single-document operations only. */
export function applicationRepository(m: ApplicationModels & { Entitlement: Model<EntitlementDoc> }) {
  return {
    /** Entitlements inside a region, streamed (the ledger's payment runs and matching; see api.ts). */
    streamEntitlements: (scope: string, activeOnly: boolean): AsyncIterable<EntitlementDoc> =>
      m.Entitlement.find({ regionCode: regionWithin(scope), ...(activeOnly ? { status: 'active' } : {}) }).lean<EntitlementDoc[]>().cursor() as unknown as AsyncIterable<EntitlementDoc>,

    // Drafts
    createDraft: (d: DraftDoc) => m.Draft.create(d),
    findDraft: (id: string) => m.Draft.findById(id).lean<DraftDoc>().exec(),
    listDrafts: (ownerId: string) => m.Draft.find({ ownerId, submittedApplicationId: null }).sort({ updatedAt: -1 }).limit(50).lean<DraftDoc[]>().exec(),
    updateDraft: (id: string, set: Partial<DraftDoc>) => m.Draft.updateOne({ _id: id }, { $set: set }).exec(),
    deleteDraft: (id: string, ownerId: string) => m.Draft.deleteOne({ _id: id, ownerId }).exec(),
    /** One open draft per owner, programme and applicant (models/draftKey.ts): insert wins; a stale key is freed only by its holder. */
    claimDraftKey: (key: string, draftId: string) => insertWins(m.DraftKey, { _id: key, draftId, at: new Date() }),
    findDraftKey: (key: string) => m.DraftKey.findById(key).lean<{ _id: string; draftId: string }>().exec(),
    releaseDraftKey: (key: string, draftId: string) => m.DraftKey.deleteOne({ _id: key, draftId }).exec(),

    // Unique keys (insert wins)
    claimSubmission: (doc: SubmissionKeyDoc) => insertWins(m.SubmissionKey, doc),
    findSubmission: (id: string) => m.SubmissionKey.findById(id).lean<SubmissionKeyDoc>().exec(),
    releaseSubmission: (id: string, applicationId: string) => m.SubmissionKey.deleteOne({ _id: id, applicationId }).exec(),
    claimOpen: (doc: OpenKeyDoc) => insertWins(m.OpenKey, doc),
    releaseOpen: (id: string, applicationId: string) => m.OpenKey.deleteOne({ _id: id, applicationId }).exec(),
    findOpen: (id: string) => m.OpenKey.findById(id).lean<OpenKeyDoc>().exec(),
    /** The holders of several open keys at once (a queue page's duplicate flags). */
    findOpenMany: (ids: readonly string[]) => (ids.length ? m.OpenKey.find({ _id: { $in: [...new Set(ids)] } }).lean<OpenKeyDoc[]>().exec() : Promise.resolve([] as OpenKeyDoc[])),

    /** One of the account's `max` filing slots of the day, or null when all are taken (each an insert-wins key). */
    async takeFilingSlot(userId: string, day: string, max: number, applicationId: string): Promise<string | null> {
      for (let n = 0; n < max; n += 1) {
        const _id = `${userId}:${day}:${n}`;
        if (await insertWins(m.FilingSlot, { _id, userId, day, applicationId, at: new Date() })) return _id;
      }
      return null;
    },
    releaseFilingSlot: (id: string, applicationId: string) => m.FilingSlot.deleteOne({ _id: id, applicationId }).exec(),

    // Applications and their events
    createApplication: (a: ApplicationDoc) => m.Application.create(a),
    deleteApplication: (id: string) => m.Application.deleteOne({ _id: id }).exec(),
    findApplication: (id: string) => m.Application.findById(id).lean<ApplicationDoc>().exec(),
    /** Applies event `sequence`'s patch; a replay of an older event never moves the case back. */
    setApplication: (id: string, sequence: number, patch: Record<string, unknown>) =>
      m.Application.updateOne({ _id: id, sequence: { $lt: sequence } }, { $set: { ...patch, sequence } }).exec(),
    listFiledBy: (userId: string) => m.Application.find({ filedBy: userId }).sort({ submittedAt: -1 }).limit(100).lean<ApplicationDoc[]>().exec(),
    listForPerson: (blindIndex: string) => m.Application.find({ 'applicant.idNumberBlindIndex': blindIndex }).sort({ submittedAt: -1 }).limit(100).lean<ApplicationDoc[]>().exec(),
    /** A staff queue: every application inside `region` (itself and all below). */
    /** Oldest first, at most `limit` (2,000: the most a supervision sweep reads at once). */
    listInRegion: (region: string, filter: { status?: string; programme?: string }, limit = 2000) =>
      m.Application.find({ regionCode: regionWithin(region), ...(filter.status ? { status: filter.status } : {}), ...(filter.programme ? { programme: filter.programme } : {}) })
        .sort({ submittedAt: 1 }).limit(limit).lean<ApplicationDoc[]>().exec(),
    appendEvent: (e: ApplicationEventDoc) => insertWins(m.ApplicationEvent, e),
    deleteEvent: (id: string) => m.ApplicationEvent.deleteOne({ _id: id }).exec(),
    findEvent: (id: string) => m.ApplicationEvent.findById(id).lean<ApplicationEventDoc>().exec(),
    listEvents: (applicationId: string) => m.ApplicationEvent.find({ applicationId }).sort({ sequence: 1 }).lean<ApplicationEventDoc[]>().exec(),

    // Public notices
    postNotice: (n: PublicNoticeDoc) => insertWins(m.PublicNotice, n),
    endNotice: (id: string) => m.PublicNotice.updateOne({ _id: id }, { $set: { active: false } }).exec(),
    /** Active notices, inside `region` when one is given. */
    listActiveNotices: (region?: string) =>
      m.PublicNotice.find({ active: true, ...(region ? { regionCode: regionWithin(region) } : {}) }).sort({ startsOn: -1 }).limit(200).lean<PublicNoticeDoc[]>().exec(),

    // Entitlements
    createEntitlement: (e: EntitlementDoc) => insertWins(m.Entitlement, e),
    findEntitlement: (id: string) => m.Entitlement.findById(id).lean<EntitlementDoc>().exec(),
    listEntitlementsFor: (blindIndex: string) => m.Entitlement.find({ 'beneficiary.idNumberBlindIndex': blindIndex }).sort({ approvedAt: -1 }).limit(100).lean<EntitlementDoc[]>().exec(),

    // Messages
    addMessage: (msg: AppMessageDoc) => m.AppMessage.create(msg),
    listMessages: (userId: string) => m.AppMessage.find({ userId }).sort({ createdAt: -1 }).limit(100).lean<AppMessageDoc[]>().exec(),
    markRead: (id: string, userId: string) => m.AppMessage.updateOne({ _id: id, userId }, { $set: { read: true } }).exec(),
  };
}
export type ApplicationRepository = ReturnType<typeof applicationRepository>;

