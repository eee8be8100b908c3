import { shanghaiDate } from '@dajiuzhu/shared';
import { squareFields } from './squareFields';
import { AppError } from '../../../core/errors/AppError';
import type { CharityRepository } from '../repository';
import { SYSTEM_RECORDER, SYSTEM_VIEWER } from './access';
import type { ProjectStore } from './projectStore';
import type { ProjectService } from './projectService';

/** Projects one run looks at per kind (the next run takes the rest). */
const BATCH = 200;

/**
 * The schedule job (app.jobs.every 'charity.schedule', one process at a time): raising projects
 * past their end date are closed (the final report falls due), and projects whose report is past
 * due are flagged overdue — off the square until the report is filed. `now` lets tests run it at a
 * chosen day. A project changed meanwhile (CHARITY_PROJECT_CHANGED) is left for the next run.
 */
export function scheduleService(deps: { repo: CharityRepository; store: ProjectStore; projects: ProjectService }) {
  const skipChanged = (err: unknown) => {
    if (err instanceof AppError && (err.code === 'CHARITY_PROJECT_CHANGED' || err.code === 'CHARITY_PROJECT_STATE_INVALID')) return null;
    throw err;
  };
  return {
    async run(now: Date = new Date()): Promise<{ closed: number; flagged: number }> {
      const today = shanghaiDate(now);
      let closed = 0;
      let flagged = 0;
      for (const p of await deps.repo.raisingEndedBefore(today, BATCH)) {
        const done = await deps.projects.close(SYSTEM_RECORDER, p._id, '募捐期已结束', SYSTEM_VIEWER, p.endDate).catch(skipChanged);
        if (done) closed += 1;
      }
      for (const row of await deps.repo.reportDueBefore(today, BATCH)) {
        const p = await deps.store.load(row._id);
        if (!p || p.reportOverdue || !p.nextReportDue || p.nextReportDue >= today) continue;
        const done = await deps.store.commit(SYSTEM_RECORDER, p, 'overdue', { reportOverdue: true, ...squareFields(p.status, true) }, `报告应于 ${p.nextReportDue} 前提交`).catch(skipChanged);
        if (done) flagged += 1;
      }
      return { closed, flagged };
    },
  };
}
export type ScheduleService = ReturnType<typeof scheduleService>;
