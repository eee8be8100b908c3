import { squareFields } from './squareFields';
import { isProjectStaff, nextReportDue, shanghaiDate, type CharityProjectList, type CharityProjectView, type StaffProjectQuery } from '@dajiuzhu/shared';
import type { CharityConfig } from '@dajiuzhu/config';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import { requireStaff } from '../../../core/scope/staffScope';
import { AppError } from '../../../core/errors/AppError';
import type { CharityRepository } from '../repository';
import type { CharityProjectDoc } from '../models/project';
import { viewerOf } from './access';
import { loadFor } from './projectService';
import type { ProjectStore } from './projectStore';
import type { ProjectService } from './projectService';

/** Staff of the project's region review it (approve → published; return with a reason) and see their region's projects. */
export function reviewService(deps: { repo: CharityRepository; store: ProjectStore; audit: AuditService; config: CharityConfig; projects: ProjectService }) {
  const rule = { progressEveryMonths: deps.config.progressReportEveryMonths, finalWithinMonths: deps.config.finalReportWithinMonths };
  return {
    async queue(ctx: ActionContext, q: StaffProjectQuery): Promise<CharityProjectList> {
      const scope = requireStaff(ctx.actor);
      const viewer = viewerOf(ctx.actor);
      const rows = await deps.repo.staffQueue(scope.regionCode, q.status ?? 'pendingReview', q.limit ?? 50);
      const loaded = (await Promise.all(rows.map((r) => deps.store.load(r._id)))).filter((p): p is CharityProjectDoc => !!p);
      return { projects: await Promise.all(loaded.map((p) => deps.projects.view(p, viewer))) };
    },

    async one(ctx: ActionContext, id: string): Promise<CharityProjectView> {
      requireStaff(ctx.actor);
      const viewer = viewerOf(ctx.actor);
      const project = await deps.store.load(id);
      // Another region's project, or a draft not submitted yet: as if it did not exist.
      if (!project || project.status === 'draft' || !isProjectStaff(project, viewer)) throw new AppError('NOT_FOUND');
      return deps.projects.view(project, viewer);
    },

    async approve(ctx: ActionContext, id: string, note: string | undefined): Promise<CharityProjectView> {
      const viewer = viewerOf(ctx.actor);
      const project = await loadFor(deps, id, 'approve', viewer);
      const today = shanghaiDate();
      const next = await deps.store.commit(ctx, project, 'approved', {
        status: 'published', publishedAt: new Date(), reviewNote: note ?? null, ...squareFields('published', false), reportOverdue: false,
        nextReportDue: nextReportDue(rule, { type: 'published', day: today, raising: true, currentDue: null }),
      }, note ?? null);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.projectApprove', subjectId: id, requestId: ctx.requestId, details: { regionCode: project.regionCode } });
      return deps.projects.view(next, viewer);
    },

    async returnToOrganization(ctx: ActionContext, id: string, reason: string): Promise<CharityProjectView> {
      const viewer = viewerOf(ctx.actor);
      const project = await loadFor(deps, id, 'return', viewer);
      const next = await deps.store.commit(ctx, project, 'returned', { status: 'returned', returnReason: reason }, reason);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.projectReturn', subjectId: id, requestId: ctx.requestId, details: { regionCode: project.regionCode } });
      return deps.projects.view(next, viewer);
    },
  };
}

export type ReviewService = ReturnType<typeof reviewService>;
