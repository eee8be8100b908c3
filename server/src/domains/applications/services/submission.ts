import { randomUUID } from 'node:crypto';
import { findApplicationProblems, shanghaiDate, STATUS_LABELS, type ApplicationProgramme, type ApplicationView } from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { eventId } from '../../../core/db/eventLog';
import { AppError } from '../../../core/errors/AppError';
import { helperFilingNote, MESSAGES } from '../messages';
import type { ApplicationDoc, ApplicationEventDoc, ConfirmationRef, DraftDoc, PersonRef } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { CaseAccess } from './access';
import type { ApplicationNotifier } from './applicationNotifier';
import { openKeyOf, type CaseLog } from './caseLog';
import type { Clock } from './clock';
import type { CaseFiles } from './documents';
import { assertCurrentCheckAuthorization, type Drafts } from './drafts';
import type { FormCodec, StoredForm } from './forms';
import type { CasePresenter } from './present';

type Consent = NonNullable<DraftDoc['consent']>;

/** The application a submitted draft becomes: status submitted, event 1, no region keys (staff query `regionCode`). */
function applicationOf(id: string, d: DraftDoc, filing: { applicant: PersonRef; consent: Consent; confirmation: ConfirmationRef | null }, form: StoredForm, chain: string[], filedBy: string, at: Date): ApplicationDoc {
  const programme = d.programme as ApplicationProgramme;
  return {
    _id: id, programme, status: 'submitted', sequence: 1, chain, filedBy, helper: d.helper, applicant: filing.applicant, regionCode: d.regionCode,
    hukou: form.hukou ?? null, householdSize: Math.max(1, form.members?.length ?? 1), formCipher: d.formCipher, documents: d.documents, consent: filing.consent,
    confirmation: filing.confirmation, emergency: programme === 'temporary' && form.temporaryKind === 'emergency',
    submittedAt: at, submittedOn: shanghaiDate(at), acceptedOn: null, stepDue: null, overallDueOn: null, extended: null, grantedFirst: null,
    missingDocuments: [], notice: null, proposedAmountFen: null, decisionReasons: null, closedAt: null, updatedAt: at,
  };
}

/**
 * Submit (提交申请). Idempotent: the (user, idempotency key) pair is a unique key, so a retried
 * submit returns the application the first one created. Consent must be stored on the draft, for
 * the current text version. Anything inserted before a refusal is removed again.
 *
 * Who the filing is for decides the rest. The filer verified as the applicant: confirmed at once,
 * and one open application per person and programme (the open key; 409 when taken — their own
 * case). Anyone else (a helper, or an account whose identity is not verified): the filing takes no
 * key, so it neither blocks the person nor reveals their open cases (always 201; staff see a
 * duplicate), it counts against the filer's daily limit (insert-wins slots), it is audited
 * (`details.verifiedFiler`), and a helper must be verified.
 */
export function submission(deps: {
  repo: ApplicationRepository;
  log: CaseLog;
  drafts: Drafts;
  forms: FormCodec;
  files: CaseFiles;
  access: CaseAccess;
  audit: AuditService;
  /** The verified account of the person with this ID number (blind index), if any. */
  personAccount(blindIndex: string): Promise<string | null>;
  settings: ApplicationSettings;
  filingsPerDay: number;
  notifier: ApplicationNotifier;
  present: CasePresenter;
  clock: Clock;
}) {
  const { repo } = deps;

  /** The application another submit of the same draft or key is creating; briefly waited for. */
  async function earlier(ctx: ActionContext, id: string): Promise<{ created: false; application: ApplicationView }> {
    for (let i = 0; i < 30; i++) {
      const a = await deps.log.load(id);
      if (a) return { created: false, application: await deps.present(a, (await deps.access.relationTo(ctx, a)) ?? 'filer') };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new AppError('APPLICATION_SUBMIT_IN_PROGRESS');
  }

  return async function submit(ctx: ActionContext, draftId: string, idempotencyKey: string): Promise<{ created: boolean; application: ApplicationView }> {
    const keyId = `${ctx.actor._id}:${idempotencyKey}`;
    const retried = await repo.findSubmission(keyId);
    if (retried) return earlier(ctx, retried.applicationId);
    const d = await deps.drafts.ownDraft(ctx, draftId);
    if (d.submittedApplicationId) return earlier(ctx, d.submittedApplicationId);
    const { consent } = d;
    if (!consent) throw new AppError('CHECK_AUTHORIZATION_REQUIRED');
    assertCurrentCheckAuthorization(consent.textVersion);
    const programme = d.programme as ApplicationProgramme;
    const form = deps.forms.read(d.formCipher);
    const problems = findApplicationProblems(programme, deps.forms.mask(form, d.applicant), d.documents, deps.clock.today());
    if (problems.length) throw new AppError('APPLICATION_INCOMPLETE', { details: { fields: problems } });
    await deps.files.assertDocuments(ctx, d.documents);
    const mine = await deps.access.verifiedBlindIndex(ctx);
    if (d.helper && !mine) throw new AppError('APPLICATION_HELPER_UNVERIFIED');
    const own = mine !== null && mine === d.applicant.idNumberBlindIndex;

    const id = randomUUID();
    const at = deps.clock.now();
    if (!(await repo.claimSubmission({ _id: keyId, applicationId: id, at }))) {
      const winner = await repo.findSubmission(keyId);
      if (!winner) throw new AppError('APPLICATION_SUBMIT_IN_PROGRESS');
      return earlier(ctx, winner.applicationId);
    }
    // What this submit inserted, removed again (latest first) when it is refused or fails.
    const inserted: (() => Promise<unknown>)[] = [() => repo.releaseSubmission(keyId, id)];
    const undo = async () => { for (const release of inserted.reverse()) await release().catch(() => {}); };
    const openKey = openKeyOf(d);
    if (own) {
      if (!(await repo.claimOpen({ _id: openKey, applicationId: id, at }))) { await undo(); throw new AppError('APPLICATION_ALREADY_OPEN'); }
      inserted.push(() => repo.releaseOpen(openKey, id));
    } else {
      const slot = await repo.takeFilingSlot(ctx.actor._id, shanghaiDate(at), deps.filingsPerDay, id);
      if (!slot) { await undo(); throw new AppError('APPLICATION_FILING_LIMIT', { details: { perDay: deps.filingsPerDay } }); }
      inserted.push(() => repo.releaseFilingSlot(slot, id));
    }

    await deps.files.grantToRegion(d.documents, d.regionCode);
    const applicant: PersonRef = { ...d.applicant, userId: own ? ctx.actor._id : await deps.personAccount(d.applicant.idNumberBlindIndex) };
    const confirmation: ConfirmationRef | null = own ? { by: 'filer', userId: ctx.actor._id, at } : null;
    const app = applicationOf(id, d, { applicant, consent, confirmation }, form, deps.settings.programmes[programme].steps, ctx.actor._id, at);
    const event: ApplicationEventDoc = {
      _id: eventId(id, 1), applicationId: id, sequence: 1, action: 'submit', fromStatus: null, toStatus: 'submitted',
      actor: { userId: ctx.actor._id, role: 'applicant', regionCode: null }, at, note: d.helper ? helperFilingNote(d.helper.relation) : '',
      attachments: d.documents.map((x) => x.fileId), details: { consentVersion: consent.textVersion, onBehalf: !!d.helper }, detailsCipher: null, patch: {},
    };
    try {
      await repo.createApplication(app);
      if (!(await repo.appendEvent(event))) throw new Error('event key taken for a new application');
      await repo.updateDraft(d._id, { submittedApplicationId: id, updatedAt: at });
    } catch (err) {
      await repo.deleteEvent(event._id).catch(() => {});
      await repo.deleteApplication(id).catch(() => {});
      await undo();
      throw err;
    }
    // Every filing about someone the filer has not proved to be — a helper's, or an "own" filing under
    // a typed number while unverified — is audited: it records a person's circumstances on their behalf.
    if (!own) {
      await deps.audit.record({
        actorId: ctx.actor._id, action: 'application.fileOnBehalf', subjectId: applicant.userId ?? `application:${id}`, requestId: ctx.requestId,
        details: { applicationId: id, programme, helper: !!d.helper, relation: d.helper?.relation ?? '', verifiedFiler: mine !== null, regionCode: d.regionCode },
      });
    }
    await deps.notifier.notify(app, MESSAGES.submitted(programme), STATUS_LABELS.submitted);
    return { created: true, application: await deps.present(app, own ? 'person' : 'filer') };
  };
}
