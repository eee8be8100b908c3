import {
  budgetMatchesGoal, nextReportDue, projectActionProblem, regionCovers, shanghaiDate,
  type CharityProjectAction, type CharityProjectList, type CharityProjectView, type CreateProjectBody, type ProjectBody, type ProjectViewer,
} from '@dajiuzhu/shared';
import type { CharityConfig } from '@dajiuzhu/config';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import { sha256 } from '../../../core/crypto/pii';
import type { CharityRepository } from '../repository';
import type { BudgetLineDoc, CharityProjectDoc } from '../models/project';
import { projectView } from '../views/projectViews';
import { requireOrganization, viewerOf } from './access';
import type { ProjectStore, Recorder } from './projectStore';
import type { ProgressReader } from './progress';
import type { CharityTextCheck } from './contentCheck';
import type { CancelListeners } from './cancelListeners';
import { squareFields } from './squareFields';

export interface ProjectDeps {
  repo: CharityRepository;
  store: ProjectStore;
  audit: AuditService;
  config: CharityConfig;
  progressOf: ProgressReader;
  checkText: CharityTextCheck;
  onCancelled: CancelListeners;
}

/** Loads a project and checks that `viewer` may do `action` on it now (the shared state machine). */
export async function loadFor(deps: Pick<ProjectDeps, 'store'>, id: string, action: CharityProjectAction, viewer: ProjectViewer): Promise<CharityProjectDoc> {
  const project = await deps.store.load(id);
  if (!project) throw new AppError('NOT_FOUND');
  const problem = projectActionProblem(project, action, viewer);
  if (problem) throw new AppError(problem);
  return project;
}

/** The fields a draft takes from the body, after the rules a schema cannot state. */
function draftFields(body: ProjectBody, orgRegion: string): Pick<CharityProjectDoc, 'title' | 'story' | 'targetGroup' | 'regionCode' | 'goalFen' | 'startDate' | 'endDate' | 'budgetLines'> {
  if (!budgetMatchesGoal(body.budgetLines, body.goalFen)) throw new AppError('CHARITY_BUDGET_MISMATCH', { details: { fields: [{ path: '/budgetLines', rule: 'sumEqualsGoal' }] } });
  if (body.endDate <= body.startDate) throw new AppError('CHARITY_DATES_INVALID', { details: { fields: [{ path: '/endDate', rule: 'afterStart' }] } });
  if (!regionCovers(orgRegion, body.regionCode)) throw new AppError('CHARITY_REGION_OUTSIDE', { details: { fields: [{ path: '/regionCode', rule: 'withinOrganization' }] } });
  const budgetLines: BudgetLineDoc[] = body.budgetLines.map((b, i) => ({ id: `b${i + 1}`, label: b.label.trim(), amountFen: b.amountFen }));
  return { title: body.title.trim(), story: body.story.trim(), targetGroup: body.targetGroup, regionCode: body.regionCode, goalFen: body.goalFen, startDate: body.startDate, endDate: body.endDate, budgetLines };
}

/** The organisation's side of a project: drafts, submit, close, cancel; its own list. */
export function projectService(deps: ProjectDeps) {
  const rule = { progressEveryMonths: deps.config.progressReportEveryMonths, finalWithinMonths: deps.config.finalReportWithinMonths };
  const view = async (p: CharityProjectDoc, viewer: ProjectViewer) => projectView(p, await deps.progressOf(p), viewer);

  return {
    view,

    async create(ctx: ActionContext, body: CreateProjectBody): Promise<CharityProjectView> {
      const org = requireOrganization(ctx.actor);
      const orgRow = await deps.repo.findOrganization(org.organizationId);
      if (!orgRow) throw new AppError('CHARITY_ORGANIZATION_REQUIRED');
      // The id comes from the organisation and the request key: a retried create finds its draft.
      const id = `cp_${sha256(`${org.organizationId}:${body.requestKey}`).slice(0, 20)}`;
      const now = new Date();
      const doc: CharityProjectDoc = {
        _id: id, seq: 0, status: 'draft', organizationId: orgRow._id, organizationName: orgRow.name, createdBy: ctx.actor._id,
        ...draftFields(body, orgRow.regionCode),
        contentFlag: 'pass', reviewNote: null, returnReason: null, submittedAt: null, publishedAt: null, endedAt: null, endReason: null,
        nextReportDue: null, reportOverdue: false, ...squareFields('draft', false), lastReportId: null, createdAt: now, updatedAt: now,
      };
      if (await deps.repo.insertProject(doc)) {
        await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.projectCreate', subjectId: id, requestId: ctx.requestId, details: { organizationId: orgRow._id } });
      }
      const stored = (await deps.store.load(id))!;
      if (stored.organizationId !== orgRow._id) throw new AppError('NOT_FOUND');
      return view(stored, viewerOf(ctx.actor));
    },

    async edit(ctx: ActionContext, id: string, body: ProjectBody): Promise<CharityProjectView> {
      const viewer = viewerOf(ctx.actor);
      const project = await loadFor(deps, id, 'edit', viewer);
      const orgRow = await deps.repo.findOrganization(project.organizationId);
      const next = await deps.store.commit(ctx, project, 'edited', draftFields(body, orgRow?.regionCode ?? project.regionCode));
      return view(next, viewer);
    },

    async submit(ctx: ActionContext, id: string): Promise<CharityProjectView> {
      const viewer = viewerOf(ctx.actor);
      const project = await loadFor(deps, id, 'submit', viewer);
      const texts: Record<string, string> = { title: project.title, story: project.story };
      project.budgetLines.forEach((b, i) => { texts[`budgetLines/${i}/label`] = b.label; });
      const contentFlag = await deps.checkText(ctx, texts);
      const next = await deps.store.commit(ctx, project, 'submitted', { status: 'pendingReview', contentFlag, submittedAt: new Date(), returnReason: null });
      return view(next, viewer);
    },

    /** The organisation ends its raising early (the job ends it at the end date): the final report falls due. */
    async close(ctx: ActionContext | Recorder, id: string, reason: string, viewer: ProjectViewer, endDay?: string): Promise<CharityProjectDoc> {
      const project = await loadFor(deps, id, 'close', viewer);
      // The final report is due counted from the end: the end date when the period ran out, today when ended early.
      const today = endDay ?? shanghaiDate();
      return deps.store.commit(ctx, project, 'closed', {
        status: 'closed', endedAt: new Date(), endReason: reason, ...squareFields('closed', project.reportOverdue),
        nextReportDue: nextReportDue(rule, { type: 'closed', day: today, raising: false, currentDue: project.nextReportDue }),
      }, reason);
    },

    async closeByOrganization(ctx: ActionContext, id: string, reason: string): Promise<CharityProjectView> {
      const viewer = viewerOf(ctx.actor);
      return view(await this.close(ctx, id, reason, viewer), viewer);
    },

    /** Cancelled by the organisation (or stopped by staff of the region): off every list; donations are refunded by the donations side. */
    async cancel(ctx: ActionContext, id: string, reason: string): Promise<CharityProjectView> {
      const viewer = viewerOf(ctx.actor);
      const project = await loadFor(deps, id, 'cancel', viewer);
      const next = await deps.store.commit(ctx, project, 'cancelled', { status: 'cancelled', endedAt: new Date(), endReason: reason, ...squareFields('cancelled', false), nextReportDue: null, reportOverdue: false }, reason);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.projectCancel', subjectId: id, requestId: ctx.requestId, details: { by: viewer.organizationId ? 'organization' : 'staff' } });
      await deps.onCancelled.notify(id, ctx);
      return view(next, viewer);
    },

    async mine(ctx: ActionContext): Promise<CharityProjectList> {
      const org = requireOrganization(ctx.actor);
      const viewer = viewerOf(ctx.actor);
      const rows = await deps.repo.organizationProjects(org.organizationId, 100);
      const loaded = await Promise.all(rows.map((r) => deps.store.load(r._id)));
      return { projects: await Promise.all(loaded.filter((p): p is CharityProjectDoc => !!p).map((p) => view(p, viewer))) };
    },

    /** One project as its organisation (or staff of the region, not for drafts) sees it; anyone else: 404. */
    async one(ctx: ActionContext, id: string): Promise<CharityProjectView> {
      const viewer = viewerOf(ctx.actor);
      const project = await deps.store.load(id);
      const own = project && viewer.organizationId === project.organizationId;
      if (!project || !own) throw new AppError('NOT_FOUND');
      return view(project, viewer);
    },
  };
}
export type ProjectService = ReturnType<typeof projectService>;
