import { regionCovers, type ApplicationProgramme, type ApplicationSummary, type ApplicationView, type StaffQueueQuery } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { ApplicationRepository } from '../repository';
import type { ApplicationViews } from '../views/applicationView';
import type { CaseAccess } from './access';
import type { CaseAct } from './caseActions';
import type { CaseLog } from './caseLog';
import type { Clock } from './clock';
import type { EstimateBridge, MonthlyEstimate } from './estimate';
import type { CasePresenter } from './present';
import type { StaffAction, StaffActionBodies, StaffEffects } from './staffActions';

/**
 * The staff side: the queue and supervision of their region, a case's detail (audited, with the
 * policy estimate beside it) and the chain's actions from the effects table. Outside their region
 * a case answers 404, as if absent.
 */
export function staffCases(deps: {
  repo: ApplicationRepository;
  access: CaseAccess;
  log: CaseLog;
  act: CaseAct;
  effects: StaffEffects;
  views: ApplicationViews;
  present: CasePresenter;
  clock: Clock;
  estimate: EstimateBridge;
}) {
  /** The narrower of the staff scope and the asked-for region; null when they do not overlap. */
  function queueRegion(scope: string, asked?: string): string | null {
    if (!asked || regionCovers(asked, scope)) return scope;
    return regionCovers(scope, asked) ? asked : null;
  }

  return {
    async queue(ctx: ActionContext, q: StaffQueueQuery): Promise<ApplicationSummary[]> {
      const region = queueRegion(requireStaff(ctx.actor).regionCode, q.regionCode);
      if (!region) return [];
      const rows = await deps.repo.listInRegion(region, { status: q.status, programme: q.programme });
      return rows.map(deps.views.summary).filter((s) => q.overdue === undefined || s.overdue === q.overdue).slice(0, q.limit ?? 50);
    },

    /** 电子监察: overdue steps and grant-first cases still waiting for their paperwork. */
    async supervision(ctx: ActionContext): Promise<{ overdue: ApplicationSummary[]; paperworkPending: ApplicationSummary[] }> {
      const rows = (await deps.repo.listInRegion(requireStaff(ctx.actor).regionCode, {})).map(deps.views.summary);
      return { overdue: rows.filter((s) => s.overdue), paperworkPending: rows.filter((s) => s.paperworkPending) };
    },

    async get(ctx: ActionContext, id: string): Promise<ApplicationView & { estimate: MonthlyEstimate | null }> {
      requireStaff(ctx.actor);
      const found = await deps.log.load(id);
      // 404 when there is no such case, or it lies outside the staff member's region.
      const scope = requireStaffCovering(ctx.actor, found?.regionCode);
      const a = found!;
      await deps.access.auditStaffRead(ctx, a, 'application');
      const view = await deps.present(a, scope.level);
      const estimate = deps.estimate({ programme: a.programme as ApplicationProgramme, regionCode: a.regionCode, hukou: a.hukou, form: view.form, date: deps.clock.today() });
      return { ...view, estimate };
    },

    /** One staff action, by the effects table's row for it. */
    act<K extends StaffAction>(ctx: ActionContext, id: string, action: K, body: StaffActionBodies[K]): Promise<ApplicationView> {
      return deps.act(ctx, 'staff', id, action, body, deps.effects[action]);
    },
  };
}
