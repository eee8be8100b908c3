import { regionCovers, type ApplicationProgramme, type ApplicationView, type StaffApplicationSummary, type StaffQueueQuery } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { ApplicationRepository } from '../repository';
import type { ApplicationDoc } from '../models/application';
import { duplicateOf, type ApplicationViews } from '../views/applicationView';
import { openKeyOf } from './caseLog';
import type { CaseAccess } from './access';
import type { CaseAct } from './caseActions';
import type { CaseLog } from './caseLog';
import type { Clock } from './clock';
import type { EstimateBridge, MonthlyEstimate } from './estimate';
import type { CasePresenter } from './present';
import type { StaffAction, StaffActionBodies, StaffEffects } from './staffActions';

/**
 * The staff side: the queue and supervision of their region (each page read audited, naming the
 * cases and people shown), a case's detail (audited, with the policy estimate beside it) and the
 * chain's actions from the effects table. Outside their region a case answers 404, as if absent.
 * Staff — and only staff — see when a case duplicates another open case of the same person and
 * programme (`duplicateOf`), to merge or refuse it.
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

  /** Queue rows with the staff flags: one read of the open keys of the cases shown. */
  async function staffRows(docs: ApplicationDoc[], keep: (s: StaffApplicationSummary) => boolean, limit: number) {
    const shown = docs.map((a) => ({ a, s: deps.views.staffSummary(a, null) })).filter(({ s }) => keep(s)).slice(0, limit);
    const holders = new Map((await deps.repo.findOpenMany(shown.map(({ a }) => openKeyOf(a)))).map((k) => [k._id, k]));
    return shown.map(({ a, s }) => ({ a, s: { ...s, duplicateOf: duplicateOf(a, holders.get(openKeyOf(a))) } }));
  }

  return {
    async queue(ctx: ActionContext, q: StaffQueueQuery): Promise<StaffApplicationSummary[]> {
      const region = queueRegion(requireStaff(ctx.actor).regionCode, q.regionCode);
      const limit = q.limit ?? 50;
      // Overdue is computed per case (deadlines in working days), so only a query by it reads
      // beyond the page; an unfiltered page reads just its own rows.
      const read = q.overdue === undefined ? limit : undefined;
      const docs = region ? await deps.repo.listInRegion(region, { status: q.status, programme: q.programme }, read) : [];
      const rows = await staffRows(docs, (s) => q.overdue === undefined || s.overdue === q.overdue, limit);
      await deps.access.auditStaffList(ctx, rows.map((r) => r.a), 'application.queue');
      return rows.map((r) => r.s);
    },

    /** 电子监察: overdue steps and grant-first cases still waiting for their paperwork. */
    async supervision(ctx: ActionContext): Promise<{ overdue: StaffApplicationSummary[]; paperworkPending: StaffApplicationSummary[] }> {
      const docs = await deps.repo.listInRegion(requireStaff(ctx.actor).regionCode, {});
      const rows = await staffRows(docs, (s) => s.overdue || s.paperworkPending, docs.length);
      await deps.access.auditStaffList(ctx, rows.map((r) => r.a), 'application.supervision');
      return { overdue: rows.filter((r) => r.s.overdue).map((r) => r.s), paperworkPending: rows.filter((r) => r.s.paperworkPending).map((r) => r.s) };
    },

    async get(ctx: ActionContext, id: string): Promise<ApplicationView & { estimate: MonthlyEstimate | null; duplicateOf: string | null }> {
      requireStaff(ctx.actor);
      const found = await deps.log.load(id);
      // 404 when there is no such case, or it lies outside the staff member's region.
      const scope = requireStaffCovering(ctx.actor, found?.regionCode);
      const a = found!;
      await deps.access.auditStaffRead(ctx, a, 'application');
      const [view, holder] = await Promise.all([deps.present(a, scope.level), deps.repo.findOpen(openKeyOf(a))]);
      const estimate = deps.estimate({ programme: a.programme as ApplicationProgramme, regionCode: a.regionCode, hukou: a.hukou, form: view.form, date: deps.clock.today() });
      return { ...view, estimate, duplicateOf: duplicateOf(a, holder) };
    },

    /** One staff action, by the effects table's row for it. */
    act<K extends StaffAction>(ctx: ActionContext, id: string, action: K, body: StaffActionBodies[K]): Promise<ApplicationView> {
      return deps.act(ctx, 'staff', id, action, body, deps.effects[action]);
    },
  };
}
