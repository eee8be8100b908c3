import { isTerminal, type ApplicationStatus } from '@dajiuzhu/shared';
import { eventId, eventLog } from '../../../core/db/eventLog';
import { AppError } from '../../../core/errors/AppError';
import type { ApplicationDoc, ApplicationEventDoc, PersonRef } from '../models/application';
import type { ApplicationRepository } from '../repository';
import { entitlementOf, type ApprovalDetails } from './entitlements';
import { publicNoticeOf } from './publicNotices';

/**
 * One open application per person and programme: the unique key, released when the case closes.
 * Taken at submit when the filer is the applicant's verified identity; a filing in someone else's
 * name (or by an unverified account) takes it only when confirmed: by the person (confirmation.ts)
 * or by staff accepting the case (受理). A confirmed case that finds the key held by another open
 * case is the duplicate staff see (views: duplicateOf).
 */
export const openKeyOf = (a: { applicant: PersonRef; programme: string }) => `${a.applicant.idNumberBlindIndex}:${a.programme}`;

/**
 * The application's event log (core/db/eventLog.ts): every transition is an event under the
 * unique key (application, sequence); `load` completes a transition whose writer stopped after
 * the insert. Applying is idempotent: every side effect is an insert-wins, a conditional delete
 * or a set, and the application's own update is guarded by its sequence.
 */
export function caseLog(deps: { repo: ApplicationRepository; warn(details: Record<string, unknown>, message: string): void }) {
  const { repo } = deps;

  async function apply(app: ApplicationDoc, e: ApplicationEventDoc): Promise<ApplicationDoc> {
    const next: ApplicationDoc = { ...app, ...(e.patch as Partial<ApplicationDoc>), sequence: e.sequence };
    // Side effects first, so a replay after a crash completes them before the case moves on.
    if (e.action === 'startPublicNotice' && next.notice) await repo.postNotice(publicNoticeOf(next, next.notice));
    if (app.notice && app.status === 'publicNotice' && e.toStatus !== 'publicNotice') await repo.endNotice(`${app._id}:${app.notice.round}`);
    if (e.action === 'approve') await repo.createEntitlement(entitlementOf(app, e.details as unknown as ApprovalDetails, e.at, e.actor.userId));
    if (isTerminal(e.toStatus as ApplicationStatus)) await repo.releaseOpen(openKeyOf(app), app._id);
    // Confirmation takes the key; losing it to another open case is expected (a duplicate), and a replay finds it ours.
    else if (e.action === 'accept' || e.action === 'confirmApplicant') await repo.claimOpen({ _id: openKeyOf(app), applicationId: app._id, at: e.at });
    await repo.setApplication(app._id, e.sequence, e.patch);
    return next;
  }

  return eventLog<ApplicationDoc, ApplicationEventDoc>({
    readEntity: repo.findApplication,
    sequenceOf: (a) => a.sequence,
    findEvent: (id, sequence) => repo.findEvent(eventId(id, sequence)),
    insertEvent: repo.appendEvent,
    apply,
    // Two staff acting at once: the one whose event insert lost gets this.
    conflict: (a) => new AppError('APPLICATION_CONFLICT', { details: { status: a.status } }),
    warn: (message, details) => deps.warn(details, message),
  });
}
export type CaseLog = ReturnType<typeof caseLog>;
