import { scheduleHorizon, shanghaiDate } from '@dajiuzhu/shared';
import { SYSTEM, type RecheckDeps } from './deps';
import type { RecheckOpener } from './opening';
import type { StaffDesk } from './staffDesk';
import type { HouseholdService } from './household';

/**
 * The schedule job (app.jobs.every 'recheck.schedule'; one process at a time): opens the rechecks
 * coming due within `openDaysBefore` days (keyed by the due date: a pass finds them again and opens
 * nothing), ends the 特困 exit notices that have run, and after the yearly confirmation window opens
 * a recheck for each confirmation still missing.
 */
export function scheduleJob(deps: Pick<RecheckDeps, 'applications' | 'cfg' | 'now' | 'log'> & { opener: RecheckOpener; desk: StaffDesk; households: HouseholdService }) {
  return async function run(signal?: AbortSignal) {
    const horizon = scheduleHorizon(shanghaiDate(deps.now()), deps.cfg.openDaysBefore);
    let opened = 0;
    for await (const e of deps.applications.dueForRecheck(horizon)) {
      if (signal?.aborted) break;
      if (e.status !== 'active' || !e.nextRecheckOn) continue;
      const o = await deps.opener.openFor(SYSTEM, e, { trigger: 'schedule', key: e.nextRecheckOn, reason: `定期复核（${e.nextRecheckOn} 到期）`, dueOn: e.nextRecheckOn });
      if (o.created) opened++;
    }
    const noticesFinished = signal?.aborted ? 0 : await deps.desk.finishNotices();
    const missingConfirmations = signal?.aborted ? 0 : await deps.households.openForMissingConfirmations();
    if (opened || noticesFinished || missingConfirmations) deps.log.info({ opened, noticesFinished, missingConfirmations }, 'recheck schedule');
    return { opened, noticesFinished, missingConfirmations };
  };
}
