import { createHash } from 'node:crypto';
import { maskName, shanghaiDate } from '@dajiuzhu/shared';
import { eventId, eventLog, type EventLog } from '../../../core/db/eventLog';
import { AppError } from '../../../core/errors/AppError';
import type { LetterDoc, RecheckDoc, RecheckEventDoc } from '../models/recheck';
import { MESSAGES } from '../messages';
import { SYSTEM, type RecheckDeps } from './deps';

/** The event that follows `r`'s latest one (its sequence + 1): what every change of a recheck appends. */
export function nextEvent(r: RecheckDoc, action: RecheckEventDoc['action'], patch: Record<string, unknown>, by: { actorId: string; requestId: string }, at: Date): RecheckEventDoc {
  return { _id: eventId(r._id, r.sequence + 1), recheckId: r._id, sequence: r.sequence + 1, action, patch, actorId: by.actorId, requestId: by.requestId, at };
}

export const letterIdOf = (recheckId: string) => `lt_${createHash('sha256').update(recheckId).digest('base64url').slice(0, 24)}`;

/**
 * The recheck's event log (core/db/eventLog.ts): an event is inserted under (recheck, sequence) —
 * one of two staff acting at once wins — then applied: the recheck's document, and for a decision
 * that takes effect, its effects on the entitlement (applications API, idempotent by the recheck's
 * id as key), the letter (insert wins) and the release of the entitlement's open-recheck key.
 * Applying again (a writer that stopped half-way; the next reader) repeats nothing.
 */
export function recheckLog(deps: Pick<RecheckDeps, 'repo' | 'applications' | 'log' | 'now'>): EventLog<RecheckDoc, RecheckEventDoc> {
  const { repo } = deps;

  async function letterFor(r: RecheckDoc, kind: 'stop' | 'adjust'): Promise<string> {
    const d = r.decision!;
    const letter: LetterDoc = {
      _id: letterIdOf(r._id), recheckId: r._id, entitlementId: r.entitlementId, beneficiaryBlindIndex: r.beneficiary.blindIndex, nameMasked: maskName(r.beneficiary.name),
      programme: r.programme, regionCode: r.regionCode, kind, reasons: d.reasons, computedReasons: d.computedReasons, fromMonth: d.fromMonth, endFromMonth: d.endFromMonth,
      phaseOutMonths: d.phaseOutMonths, monthlyAmountFen: d.monthlyAmountFen, issuedOn: shanghaiDate(new Date(d.decidedAt)), createdAt: deps.now(),
    };
    await repo.createLetter(letter);
    return letter._id;
  }

  /** What a decision does once it takes effect (at the decision, or when a 特困 exit notice ends). */
  async function takeEffect(r: RecheckDoc): Promise<void> {
    const d = r.decision;
    if (!d) return;
    const by = { actorId: d.decidedBy, requestId: `recheck:${r._id}` };
    const key = `recheck:${r._id}`;
    if (d.outcome === 'continue') {
      if (d.nextRecheckOn) await deps.applications.setNextRecheck(by, { id: r.entitlementId, key, nextRecheckOn: d.nextRecheckOn });
    } else if (d.outcome === 'adjust') {
      await deps.applications.adjustEntitlement(by, {
        id: r.entitlementId, key, fromMonth: d.fromMonth!, monthlyAmountFen: d.monthlyAmountFen!, reason: d.reasons.join('；'), nextRecheckOn: d.nextRecheckOn,
        message: MESSAGES.adjusted(r.programme, d.fromMonth!, d.monthlyAmountFen!),
      });
    } else {
      await deps.applications.endEntitlement(by, { id: r.entitlementId, key, fromMonth: d.endFromMonth!, reasons: d.reasons, message: MESSAGES.stopped(r.programme, d.endFromMonth!, d.phaseOutMonths) });
    }
    await repo.releaseOpen(r.entitlementId, r._id);
  }

  return eventLog<RecheckDoc, RecheckEventDoc>({
    readEntity: repo.findRecheck,
    sequenceOf: (r) => r.sequence,
    findEvent: (id, sequence) => repo.findEvent(eventId(id, sequence)),
    insertEvent: repo.appendEvent,
    conflict: () => new AppError('RECHECK_CHANGED'),
    warn: (message, details) => deps.log.warn(details, message),
    async apply(r, event) {
      const { cut, ...patch } = event.patch;
      const after = { ...r, ...patch, sequence: event.sequence } as RecheckDoc;
      // The letter of a stop or a cut is written with the decision (a 特困 stop: before its notice).
      if (event.action === 'decide' && after.decision && (after.decision.outcome === 'stop' || (after.decision.outcome === 'adjust' && cut === true))) {
        after.letterId = await letterFor(after, after.decision.outcome === 'stop' ? 'stop' : 'adjust');
      }
      if (after.status === 'closed' && (event.action === 'decide' || event.action === 'finishNotice')) await takeEffect(after);
      await repo.setRecheck(r._id, event.sequence, { ...patch, letterId: after.letterId });
      return after;
    },
  });
}

export { SYSTEM };
