import { shanghaiMonth } from '@dajiuzhu/shared';
import { DEATH_REASON } from '../messages';
import type { Actor, RecheckDeps } from './deps';
import type { RecheckOpener } from './opening';

export interface DeathReport { blindIndex: string; date: string; reference: string; source: string }

/**
 * A beneficiary's death (公安 data through the monitoring domain, or a change report): every
 * running entitlement of the person is suspended from this month — the next payment run pays
 * nothing — and a recheck (trigger `death`, within 3 months) is opened to end it. Idempotent by
 * the record's reference: the same row twice suspends and opens once.
 */
export function deathHandler(deps: Pick<RecheckDeps, 'applications' | 'now'> & { opener: RecheckOpener }) {
  return {
    async recordDeath(by: Actor, d: DeathReport): Promise<{ suspended: number; rechecks: { id: string; entitlementId: string; deadline: string }[] }> {
      const running = (await deps.applications.entitlementsOf(d.blindIndex)).filter((e) => e.status === 'active');
      const month = shanghaiMonth(deps.now());
      const rechecks: { id: string; entitlementId: string; deadline: string }[] = [];
      for (const e of running) {
        await deps.applications.suspendPayments(by, { id: e.id, key: `death:${d.reference}`, fromMonth: month, reasons: [DEATH_REASON(d.source, d.date)] });
        const o = await deps.opener.openFor(by, e, { trigger: 'death', key: d.reference, reason: DEATH_REASON(d.source, d.date) });
        rechecks.push({ id: o.id, entitlementId: e.id, deadline: o.deadline });
      }
      return { suspended: running.length, rechecks };
    },
  };
}
export type DeathHandler = ReturnType<typeof deathHandler>;
