import { randomUUID } from 'node:crypto';
import { CHECK_AUTHORIZATION, findApplicationProblems, shanghaiDate, STATUS_LABELS, type ApplicationProgramme, type ApplicationView } from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import type { ActionContext } from '../../../core/context';
import { eventId } from '../../../core/db/eventLog';
import { AppError } from '../../../core/errors/AppError';
import { helperFilingNote, MESSAGES } from '../messages';
import type { ApplicationDoc, ApplicationEventDoc, DraftDoc } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { ApplicationNotifier } from './applicationNotifier';
import { openKeyOf, type CaseLog } from './caseLog';
import type { Clock } from './clock';
import type { CaseFiles } from './documents';
import type { Drafts } from './drafts';
import type { FormCodec, StoredForm } from './forms';
import type { CasePresenter } from './present';

/** The application a submitted draft becomes: status submitted, event 1, no region keys (staff query `regionCode`). */
function applicationOf(id: string, d: DraftDoc & { consent: NonNullable<DraftDoc['consent']> }, form: StoredForm, chain: string[], filedBy: string, at: Date): ApplicationDoc {
  const programme = d.programme as ApplicationProgramme;
  return {
    _id: id, programme, status: 'submitted', sequence: 1, chain, filedBy, helper: d.helper, applicant: d.applicant, regionCode: d.regionCode,
    hukou: form.hukou ?? null, householdSize: Math.max(1, form.members?.length ?? 1), formCipher: d.formCipher, documents: d.documents, consent: d.consent,
    emergency: programme === 'temporary' && form.temporaryKind === 'emergency',
    submittedAt: at, submittedOn: shanghaiDate(at), acceptedOn: null, stepDue: null, overallDueOn: null, extended: null, grantedFirst: null,
    missingDocuments: [], notice: null, proposedAmountFen: null, decisionReasons: null, closedAt: null, updatedAt: at,
  };
}

/**
 * Submit (提交申请). Idempotent: the (user, idempotency key) pair is a unique key, so a retried
 * submit returns the application the first one created. One open application per person and
 * programme is a second unique key. Anything inserted before a refusal is removed again.
 */
export function submission(deps: { repo: ApplicationRepository; log: CaseLog; drafts: Drafts; forms: FormCodec; files: CaseFiles; settings: ApplicationSettings; notifier: ApplicationNotifier; present: CasePresenter; clock: Clock }) {
  const { repo } = deps;

  /** The application another submit of the same draft or key is creating; briefly waited for. */
  async function earlier(id: string): Promise<{ created: false; application: ApplicationView }> {
    for (let i = 0; i < 30; i++) {
      const a = await deps.log.load(id);
      if (a) return { created: false, application: await deps.present(a, 'applicant') };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new AppError('APPLICATION_SUBMIT_IN_PROGRESS');
  }

  return async function submit(ctx: ActionContext, draftId: string, idempotencyKey: string): Promise<{ created: boolean; application: ApplicationView }> {
    const keyId = `${ctx.actor._id}:${idempotencyKey}`;
    const retried = await repo.findSubmission(keyId);
    if (retried) return earlier(retried.applicationId);
    const d = await deps.drafts.ownDraft(ctx, draftId);
    if (d.submittedApplicationId) return earlier(d.submittedApplicationId);
    const { consent } = d;
    if (!consent) throw new AppError('CHECK_AUTHORIZATION_REQUIRED');
    if (consent.textVersion !== CHECK_AUTHORIZATION.version) throw new AppError('CHECK_AUTHORIZATION_OUTDATED', { details: { currentVersion: CHECK_AUTHORIZATION.version } });
    const programme = d.programme as ApplicationProgramme;
    const form = deps.forms.read(d.formCipher);
    const problems = findApplicationProblems(programme, deps.forms.mask(form, d.applicant), d.documents, deps.clock.today());
    if (problems.length) throw new AppError('APPLICATION_INCOMPLETE', { details: { fields: problems } });
    await deps.files.assertDocuments(ctx, d.documents);

    const id = randomUUID();
    const at = deps.clock.now();
    if (!(await repo.claimSubmission({ _id: keyId, applicationId: id, at }))) {
      const winner = await repo.findSubmission(keyId);
      if (!winner) throw new AppError('APPLICATION_SUBMIT_IN_PROGRESS');
      return earlier(winner.applicationId);
    }
    const openKey = openKeyOf(d);
    if (!(await repo.claimOpen({ _id: openKey, applicationId: id, at }))) {
      await repo.releaseSubmission(keyId, id);
      throw new AppError('APPLICATION_ALREADY_OPEN');
    }
    await deps.files.grantToRegion(d.documents, d.regionCode);
    const app = applicationOf(id, { ...d, consent }, form, deps.settings.programmes[programme].steps, ctx.actor._id, at);
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
      await repo.releaseOpen(openKey, id).catch(() => {});
      await repo.releaseSubmission(keyId, id).catch(() => {});
      throw err;
    }
    await deps.notifier.notify(app, MESSAGES.submitted(programme), STATUS_LABELS.submitted);
    return { created: true, application: await deps.present(app, 'applicant') };
  };
}
