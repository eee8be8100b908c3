import { isTerminal, refusalMessage, STATUS_LABELS, type ApplicationStatus, type ApplicationView, type ConfirmApplicantBody } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { eventId } from '../../../core/db/eventLog';
import { AppError } from '../../../core/errors/AppError';
import { MESSAGES } from '../messages';
import type { ApplicationEventDoc } from '../models/application';
import type { ApplicationRepository } from '../repository';
import type { CaseAccess } from './access';
import type { ApplicationNotifier } from './applicationNotifier';
import { openKeyOf, type CaseLog } from './caseLog';
import type { Clock } from './clock';
import { assertCurrentCheckAuthorization } from './drafts';
import type { CasePresenter } from './present';

/**
 * The person concerned confirms a filing made in their name (帮办代办), from their own verified
 * account, giving their own consent to the economic check. Only then (or when staff accept the
 * case) does the filing take the person's one open application of the programme: when they already
 * have one, 409 APPLICATION_ALREADY_OPEN (their own case; they may withdraw either). Recorded as an
 * event that changes no state ('confirmApplicant').
 */
export function applicantConfirmation(deps: { repo: ApplicationRepository; log: CaseLog; access: CaseAccess; notifier: ApplicationNotifier; present: CasePresenter; clock: Clock }) {
  const { repo } = deps;
  return async function confirm(ctx: ActionContext, id: string, body: ConfirmApplicantBody): Promise<ApplicationView> {
    const a = await deps.log.load(id);
    const relation = a ? await deps.access.relationTo(ctx, a) : null;
    if (!a || !relation) throw new AppError('NOT_FOUND');
    if (relation !== 'person') throw new AppError('APPLICATION_CONFIRM_NOT_PERSON');
    if (a.confirmation !== null) throw new AppError('APPLICATION_ALREADY_CONFIRMED');
    const status = a.status as ApplicationStatus;
    if (isTerminal(status)) throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', { message: refusalMessage(status, 'confirmApplicant', 'notAllowed'), details: { status } });
    if (body.expectedSequence !== undefined && body.expectedSequence !== a.sequence) throw new AppError('APPLICATION_CONFLICT', { details: { currentSequence: a.sequence, status } });
    const { textVersion } = body.checkAuthorization;
    assertCurrentCheckAuthorization(textVersion);

    const at = deps.clock.now();
    const key = openKeyOf(a);
    // The key first: a confirmation that cannot hold it writes nothing. A key taken by a confirmation
    // whose event then loses a race stays with this open case: the person's intent is clear, a retry completes it.
    if (!(await repo.claimOpen({ _id: key, applicationId: a._id, at })) && (await repo.findOpen(key))?.applicationId !== a._id) {
      throw new AppError('APPLICATION_ALREADY_OPEN');
    }
    const sequence = a.sequence + 1;
    const event: ApplicationEventDoc = {
      _id: eventId(a._id, sequence), applicationId: a._id, sequence, action: 'confirmApplicant', fromStatus: status, toStatus: status,
      actor: { userId: ctx.actor._id, role: 'applicant', regionCode: null }, at, note: '', attachments: [], details: { consentVersion: textVersion }, detailsCipher: null,
      patch: {
        confirmation: { by: 'person', userId: ctx.actor._id, at },
        consent: { textVersion, at, userId: ctx.actor._id, requestId: ctx.requestId },
        applicant: { ...a.applicant, userId: ctx.actor._id },
        updatedAt: at,
      },
    };
    const updated = await deps.log.append(a, event);
    await deps.notifier.notify(updated, MESSAGES.confirmed(a.programme), STATUS_LABELS[status]);
    return deps.present(updated, 'person');
  };
}
