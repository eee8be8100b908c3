import { createHash } from 'node:crypto';
import { recheckDeadline, shanghaiDate, type RecheckTrigger } from '@dajiuzhu/shared';
import type { EntitlementRecord } from '../../applications/api';
import type { RecheckDoc } from '../models/recheck';
import type { Actor, RecheckDeps } from './deps';

export interface OpenRequest { trigger: RecheckTrigger; key: string; reason: string; dueOn?: string | null }
export interface Opened { id: string; created: boolean; deadline: string }

export const recheckIdOf = (entitlementId: string, trigger: string, key: string) =>
  `rc_${createHash('sha256').update(`${entitlementId}|${trigger}|${key}`).digest('base64url').slice(0, 24)}`;

/**
 * Opens a recheck of one entitlement for a trigger, once: the id is the hash of (entitlement,
 * trigger, trigger key), so the schedule job, a department file sent twice or a retried report
 * open nothing new. An entitlement has one open recheck at a time (`recheck_open_keys`): a trigger
 * arriving while one is open joins it (its id is returned) instead of opening a second.
 */
export function recheckOpener(deps: Pick<RecheckDeps, 'repo' | 'audit' | 'cfg' | 'calendar' | 'now'>) {
  const { repo } = deps;

  async function openFor(by: Actor, e: EntitlementRecord, req: OpenRequest): Promise<Opened> {
    const id = recheckIdOf(e.id, req.trigger, req.key);
    const existing = await repo.findRecheck(id);
    if (existing) return { id, created: false, deadline: existing.deadline };
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await repo.claimOpen(e.id, id)) break;
      const holder = await repo.findOpen(e.id);
      if (!holder || holder.recheckId === id) break;
      const open = await repo.findRecheck(holder.recheckId);
      if (open) return { id: open._id, created: false, deadline: open.deadline };
      // The holder's writer stopped between the key and the document: free the key and take it.
      await repo.releaseOpen(e.id, holder.recheckId);
    }
    const at = deps.now();
    const openedOn = shanghaiDate(at);
    const deadline = recheckDeadline({ trigger: req.trigger, programme: e.programme, openedOn, dueOn: req.dueOn ?? null }, {
      defaultWorkingDays: deps.cfg.deadlineWorkingDays, tekunChangeWorkingDays: deps.cfg.tekunChangeWorkingDays, deathMonths: deps.cfg.deathMonths,
    }, deps.calendar);
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
