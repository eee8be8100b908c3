import { createHash } from 'node:crypto';
import { recheckDeadline, shanghaiDate, type RecheckTrigger } from '@dajiuzhu/shared';
import type { EntitlementRecord } from '../../applications/api';
import type { RecheckDoc } from '../models/recheck';
import { AppError } from '../../../core/errors/AppError';
import type { Actor, RecheckDeps } from './deps';
import { nextEvent, recheckLog } from './recheckLog';

export interface OpenRequest { trigger: RecheckTrigger; key: string; reason: string; dueOn?: string | null }
export interface Opened { id: string; created: boolean; deadline: string }

export const recheckIdOf = (entitlementId: string, trigger: string, key: string) =>
  `rc_${createHash('sha256').update(`${entitlementId}|${trigger}|${key}`).digest('base64url').slice(0, 24)}`;

/**
 * Opens a recheck of one entitlement for a trigger, once: the id is the hash of (entitlement,
 * trigger, trigger key), so the schedule job, a department file sent twice or a retried report
 * open nothing new. An entitlement has one open recheck at a time (`recheck_open_keys`): a trigger
 * arriving while one is open joins it (its id is returned) instead of opening a second, and when
 * the newcomer's time limit is shorter (a 特困 change report, 10 working days, joining a yearly
 * recheck), the open recheck's deadline moves up to it — an event of its log, audited.
 */
export function recheckOpener(deps: Pick<RecheckDeps, 'repo' | 'audit' | 'cfg' | 'calendar' | 'now' | 'applications' | 'log'>) {
  const { repo } = deps;
  const log = recheckLog(deps);

  function deadlineOf(req: OpenRequest, programme: string, openedOn: string): string {
    return recheckDeadline({ trigger: req.trigger, programme, openedOn, dueOn: req.dueOn ?? null }, {
      defaultWorkingDays: deps.cfg.deadlineWorkingDays, tekunChangeWorkingDays: deps.cfg.tekunChangeWorkingDays, deathMonths: deps.cfg.deathMonths,
    }, deps.calendar);
  }

  /** A trigger joining the open recheck: its deadline becomes the earlier of the two (a staff step at the same moment: asked again). */
  async function join(by: Actor, open: RecheckDoc, req: OpenRequest): Promise<Opened> {
    const deadline = deadlineOf(req, open.programme, shanghaiDate(deps.now()));
    let current: RecheckDoc | null = open;
    for (let attempt = 0; current && attempt < 3; attempt++) {
      if ((current.status !== 'open' && current.status !== 'checked') || deadline >= current.deadline) break;
      const event = nextEvent(current, 'tightenDeadline', { deadline }, by, deps.now());
      const from = current.deadline;
      try {
        current = await log.append(current, event);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'RECHECK_CHANGED')) throw err;
        current = await log.load(open._id);
        continue;
      }
      await deps.audit.record({
        actorId: by.actorId, action: 'recheck.tightenDeadline', requestId: by.requestId, subjectId: open.beneficiary.userId ?? `entitlement:${open.entitlementId}`,
        details: { recheckId: open._id, trigger: req.trigger, from, to: deadline },
      });
      break;
    }
    return { id: open._id, created: false, deadline: current?.deadline ?? open.deadline };
  }

  async function openFor(by: Actor, e: EntitlementRecord, req: OpenRequest): Promise<Opened> {
    const id = recheckIdOf(e.id, req.trigger, req.key);
    const existing = await repo.findRecheck(id);
    if (existing) return { id, created: false, deadline: existing.deadline };
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await repo.claimOpen(e.id, id)) break;
      const holder = await repo.findOpen(e.id);
      if (!holder || holder.recheckId === id) break;
      const open = await repo.findRecheck(holder.recheckId);
      if (open) return join(by, open, req);
      // The holder's writer stopped between the key and the document: free the key and take it.
      await repo.releaseOpen(e.id, holder.recheckId);
    }
    const at = deps.now();
    const openedOn = shanghaiDate(at);
    const deadline = deadlineOf(req, e.programme, openedOn);
    const doc: RecheckDoc = {
      _id: id, sequence: 0, entitlementId: e.id, programme: e.programme, regionCode: e.regionCode,
      beneficiary: { blindIndex: e.beneficiary.idNumberBlindIndex, name: e.beneficiary.name, idNumberMasked: e.beneficiary.idNumberMasked, userId: e.beneficiary.userId },
      trigger: req.trigger, triggerKey: req.key, reason: req.reason.slice(0, 500), openedOn, dueOn: req.dueOn ?? null, deadline, status: 'open',
      dataCheck: null, visits: [], decision: null, notice: null, letterId: null, openedBy: by.actorId, createdAt: at, updatedAt: at,
    };
    const created = await repo.createRecheck(doc);
    if (created) {
      await deps.audit.record({ actorId: by.actorId, action: 'recheck.open', requestId: by.requestId, subjectId: e.beneficiary.userId ?? `entitlement:${e.id}`, details: { recheckId: id, entitlementId: e.id, trigger: req.trigger, deadline } });
    }
    return { id, created, deadline: created ? deadline : (await repo.findRecheck(id))?.deadline ?? deadline };
  }

  return { openFor };
}
export type RecheckOpener = ReturnType<typeof recheckOpener>;
