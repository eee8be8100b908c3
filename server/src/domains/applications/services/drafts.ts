import { randomUUID } from 'node:crypto';
import {
  CHECK_AUTHORIZATION,
  findIdNumberProblem,
  ID_NUMBER_PROBLEM_MESSAGES,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  type ApplicationForm,
  type CreateDraftBody,
  type DraftView,
  type SaveDraftBody,
} from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import type { IdentityService } from '../../../core/identity/identityService';
import type { ProfileService } from '../../../core/identity/profileService';
import type { DraftDoc, PersonRef } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { DraftViewer } from '../views/draftView';
import type { Clock } from './clock';
import type { CaseFiles } from './documents';
import type { FormCodec, StoredForm } from './forms';

type OnBehalfOf = NonNullable<CreateDraftBody['onBehalfOf']>;

/** Consent counts only for the text version in force (409 with the current version otherwise). */
export function assertCurrentCheckAuthorization(textVersion: string) {
  if (textVersion !== CHECK_AUTHORIZATION.version) throw new AppError('CHECK_AUTHORIZATION_OUTDATED', { details: { currentVersion: CHECK_AUTHORIZATION.version } });
}

/**
 * Drafts (草稿): saved as the resident types, resumable on any device of the owner, never seen by
 * anyone else. A draft is for the owner themselves (from their verified profile) or, in helper
 * filing (帮办代办, only by a verified helper), for the person named in `onBehalfOf`. Consent to the
 * check (家庭经济状况核对授权书) is stored only by the explicit consent request — the text version
 * shown, the tick, who and which request — and taken back by its DELETE; nothing else sets it.
 * Which account is the person's is decided at submit, by verified identity only (submission.ts).
 */
export function drafts(deps: {
  repo: ApplicationRepository;
  pii: PiiCipher;
  forms: FormCodec;
  files: CaseFiles;
  profiles: Pick<ProfileService, 'findById'>;
  identity: Pick<IdentityService, 'isVerified'>;
  view: DraftViewer;
  clock: Clock;
}) {
  const { repo, pii } = deps;

  /** Helper filing: only a verified helper; the applicant is the person named, checked like a profile's ID number. */
  async function helperFiling(ctx: ActionContext, o: OnBehalfOf) {
    if (!(await deps.identity.isVerified(ctx.actor._id))) throw new AppError('APPLICATION_HELPER_UNVERIFIED');
    const idNumber = normalizeIdNumber(o.idNumber);
    const problem = findIdNumberProblem(idNumber, deps.clock.today());
    if (problem) throw new AppError('INVALID_ID_NUMBER', { message: ID_NUMBER_PROBLEM_MESSAGES[problem], details: { fields: [{ path: '/onBehalfOf/idNumber', rule: problem }] } });
    const blindIndex = pii.blindIndex(idNumber);
    const applicant: PersonRef = { userId: null, name: o.name.trim(), idNumberCipher: pii.encrypt(idNumber), idNumberMasked: maskIdNumber(idNumber), idNumberBlindIndex: blindIndex };
    const helper: DraftDoc['helper'] = { relation: o.relation.trim(), phoneCipher: o.phone ? pii.encrypt(o.phone) : null, phoneMasked: o.phone ? maskPhone(o.phone) : null, regionCode: o.regionCode };
    return { applicant, helper, regionCode: o.regionCode, hukou: undefined as ApplicationForm['hukou'] };
  }

  /** Filing for oneself: the applicant is the owner's profile (a claim until verified; see submission.ts). */
  async function ownFiling(ctx: ActionContext) {
    const p = await deps.profiles.findById(ctx.actor._id);
    if (!p) throw new AppError('APPLICATION_PROFILE_REQUIRED');
    const applicant: PersonRef = { userId: null, name: p.name, idNumberCipher: p.idNumberCipher, idNumberMasked: p.idNumberMasked, idNumberBlindIndex: p.idNumberBlindIndex };
    return { applicant, helper: null, regionCode: p.regionCode, hukou: p.hukou as ApplicationForm['hukou'] };
  }

  /** The open draft a key points at; a key whose draft was submitted or deleted is freed (by its holder only) and null returned. */
  async function openDraftOf(key: string): Promise<DraftDoc | null> {
    const held = await repo.findDraftKey(key);
    if (!held) return null;
    const draft = await repo.findDraft(held.draftId);
    if (draft && !draft.submittedApplicationId) return draft;
    await repo.releaseDraftKey(key, held.draftId);
    return null;
  }

  async function ownDraft(ctx: ActionContext, id: string, open = false): Promise<DraftDoc> {
    const d = await repo.findDraft(id);
    if (!d || d.ownerId !== ctx.actor._id) throw new AppError('NOT_FOUND');
    if (open && d.submittedApplicationId) throw new AppError('APPLICATION_DRAFT_SUBMITTED');
    return d;
  }

  return {
    ownDraft,

    async create(ctx: ActionContext, body: CreateDraftBody): Promise<DraftView> {
      const at = deps.clock.now();
      const { applicant, helper, regionCode, hukou } = body.onBehalfOf ? await helperFiling(ctx, body.onBehalfOf) : await ownFiling(ctx);
      const form: StoredForm = { ...(hukou ? { hukou } : {}), members: [{ key: 'self', name: applicant.name, relation: 'self' }] };
      const d: DraftDoc = {
        _id: randomUUID(), ownerId: ctx.actor._id, programme: body.programme, applicant, helper, regionCode, formCipher: deps.forms.write(form),
        documents: [], currentStep: 0, consent: null, submittedApplicationId: null, createdAt: at, updatedAt: at,
      };
      // 开始申请 tapped twice, or retried, continues the draft already open for this programme and
      // applicant rather than starting an identical second one (one key per owner, programme, person).
      const key = `${ctx.actor._id}:${body.programme}:${applicant.idNumberBlindIndex}`;
      const open = await openDraftOf(key);
      if (open) return deps.view(open);
      await repo.createDraft(d);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        if (await repo.claimDraftKey(key, d._id)) return deps.view(d);
        const winner = await openDraftOf(key);
        if (winner) {
          await repo.deleteDraft(d._id, ctx.actor._id); // lost the race: keep the one draft that won
          return deps.view(winner);
        }
      }
      return deps.view(d);
    },

    list: async (ctx: ActionContext): Promise<DraftView[]> => (await repo.listDrafts(ctx.actor._id)).map(deps.view),

    get: async (ctx: ActionContext, id: string): Promise<DraftView> => deps.view(await ownDraft(ctx, id)),

    async save(ctx: ActionContext, id: string, body: SaveDraftBody): Promise<DraftView> {
      const d = await ownDraft(ctx, id, true);
      if (body.documents) await deps.files.assertDocuments(ctx, body.documents);
      const documents = body.documents ?? d.documents;
      const form = deps.forms.merge(deps.forms.read(d.formCipher), body.form);
      const set = { formCipher: deps.forms.write(form), documents: documents.map((x) => ({ item: x.item, fileId: x.fileId })), currentStep: body.currentStep ?? d.currentStep, updatedAt: deps.clock.now() };
      await repo.updateDraft(id, set);
      return deps.view({ ...d, ...set });
    },

    /** The tick under the text shown (body `{ textVersion, agreed: true }`): the one way consent is stored. */
    async signCheckAuthorization(ctx: ActionContext, id: string, textVersion: string): Promise<DraftView> {
      const d = await ownDraft(ctx, id, true);
      assertCurrentCheckAuthorization(textVersion);
      const at = deps.clock.now();
      const set = { consent: { textVersion, at, userId: ctx.actor._id, requestId: ctx.requestId }, updatedAt: at };
      await repo.updateDraft(id, set);
      return deps.view({ ...d, ...set });
    },

    /** Unticking takes consent back: the draft cannot be submitted until it is given again. */
    async withdrawCheckAuthorization(ctx: ActionContext, id: string): Promise<DraftView> {
      const d = await ownDraft(ctx, id, true);
      const set = { consent: null, updatedAt: deps.clock.now() };
      await repo.updateDraft(id, set);
      return deps.view({ ...d, ...set });
    },

    async remove(ctx: ActionContext, id: string): Promise<void> {
      await ownDraft(ctx, id, true);
      await repo.deleteDraft(id, ctx.actor._id);
    },
  };
}
export type Drafts = ReturnType<typeof drafts>;
