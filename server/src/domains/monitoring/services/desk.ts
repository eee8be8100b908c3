import { alertTransition, regionCovers, shanghaiDate, type AlertDetailView, type AlertLevel, type AlertStatus, type AssigneeView, maskName } from '@dajiuzhu/shared';
import type { AlertDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { AlertStore } from './alertStore';
import { isOverdue, toAlertDetail, toAlertSummary } from '../views/alertView';
import type { Services } from '../../../core/services';
import type { UserDoc } from '../../../core/models';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { regionWithin, requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';

const LEVEL_ORDER: Record<AlertLevel, number> = { red: 0, orange: 1, yellow: 2 };

/** Whether `user` may be given an alert of `regionCode`: a grid worker or staff member whose region is inside the alert's or covers it. */
export function assigneeOf(user: UserDoc | null, alertRegion: string, profileName: string): AssigneeView | null {
  if (!user) return null;
  const bound = (code: string | undefined) => !!code && (regionCovers(code, alertRegion) || regionCovers(alertRegion, code));
  if (user.roles.includes('gridWorker') && bound(user.gridWorker?.regionCode)) return { userId: user._id, role: 'gridWorker', regionCode: user.gridWorker!.regionCode, name: profileName ? maskName(profileName) : '网格员' };
  if (user.roles.includes('staff') && bound(user.staff?.regionCode)) return { userId: user._id, role: 'staff', regionCode: user.staff!.regionCode, name: profileName ? maskName(profileName) : '工作人员' };
  return null;
}

/**
 * The township's alert desk: the queue of its region, an alert's detail (a staff read of a person:
 * audited), assigning to a grid worker or staff member of the region, confirming or returning the
 * outcome, dismissing. Outside the staff member's region an alert answers 404.
 */
export function deskService(deps: { repo: MonitoringRepository; store: AlertStore; core: Pick<Services, 'audit' | 'users' | 'profiles'> }) {
  const { repo, store, core } = deps;

  async function ownAlert(ctx: ActionContext, alertId: string): Promise<AlertDoc> {
    requireStaff(ctx.actor);
    const alert = await store.load(alertId);
    requireStaffCovering(ctx.actor, alert?.regionCode);
    return alert!;
  }
  const detail = (ctx: ActionContext, a: AlertDoc): AlertDetailView => toAlertDetail(a, a.assigneeId === ctx.actor._id ? ['staff', 'assignee'] : ['staff']);
  const audit = (ctx: ActionContext, action: string, a: AlertDoc, extra: Record<string, string | number | boolean> = {}) =>
    core.audit.record({ actorId: ctx.actor._id, action, subjectId: a.personKey, requestId: ctx.requestId, details: { alertId: a._id, regionCode: a.regionCode, ...extra } });

  return {
    ownAlert,
    detailFor: detail,

    /** The queue: red first, then the nearest deadline. */
    async list(ctx: ActionContext, q: { status?: AlertStatus; level?: AlertLevel; source?: string; overdue?: boolean; regionCode?: string; limit?: number }) {
      const scope = q.regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const today = shanghaiDate();
      let alerts = await repo.listAlerts(scope, { ...(q.status ? { status: q.status } : {}), ...(q.level ? { level: q.level } : {}), ...(q.source ? { source: q.source } : {}) }, 1000);
      if (q.overdue !== undefined) alerts = alerts.filter((a) => isOverdue(a, today) === q.overdue);
      alerts.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.deadline.localeCompare(b.deadline));
      const shown = alerts.slice(0, q.limit ?? 50);
      await core.audit.record({ actorId: ctx.actor._id, action: 'monitoring.alerts.read', requestId: ctx.requestId, details: { regionCode: scope, rows: shown.length, subjectKeys: shown.map((a) => a.personKey).filter(Boolean).join(',') } });
      return { alerts: shown.map((a) => toAlertSummary(a, today)) };
    },

    async get(ctx: ActionContext, alertId: string): Promise<AlertDetailView> {
      const a = await ownAlert(ctx, alertId);
      await audit(ctx, 'monitoring.alert.read', a);
      return detail(ctx, a);
    },

    /** Staff and grid workers inside the region (the caller's, or one inside it). */
    async assignees(ctx: ActionContext, regionCode: string | undefined): Promise<{ assignees: AssigneeView[] }> {
      const scope = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const users = await core.users.workersWithin(regionWithin(scope), 100);
      const out: AssigneeView[] = [];
      for (const u of users) {
        const name = (await core.profiles.findById(u._id))?.name ?? '';
        const a = assigneeOf(u, scope, name);
        if (a) out.push(a);
      }
      return { assignees: out };
    },

    /** To a grid worker or staff member whose region is inside the alert's or covers it; anyone else: 422, nothing changed. */
    async assign(ctx: ActionContext, alertId: string, body: { assigneeId: string; note?: string }): Promise<AlertDetailView> {
      const a = await ownAlert(ctx, alertId);
      // Out of order first (a closed or visited alert is not reassigned), whoever the assignee.
      if (!alertTransition(a.status, 'assign')) throw new AppError('MONITORING_ACTION_NOT_ALLOWED', { details: { status: a.status, action: 'assign' } });
      const user = await core.users.findById(body.assigneeId);
      const assignee = assigneeOf(user, a.regionCode, user ? (await core.profiles.findById(user._id))?.name ?? '' : '');
      if (!assignee) throw new AppError('MONITORING_ASSIGNEE_INVALID');
      const next = await store.change(a, ctx.actor._id, { action: 'assign', note: body.note ?? '', assignee: { ...assignee } });
      await audit(ctx, 'monitoring.alert.assign', next, { assigneeId: assignee.userId, assigneeRole: assignee.role });
      return detail(ctx, next);
    },

    async confirm(ctx: ActionContext, alertId: string, note: string | undefined): Promise<AlertDetailView> {
      const a = await ownAlert(ctx, alertId);
      const next = await store.change(a, ctx.actor._id, { action: 'confirm', note: note ?? '' });
      await audit(ctx, 'monitoring.alert.confirm', next, { outcome: next.outcome ?? '' });
      return detail(ctx, next);
    },

    async returnForRevisit(ctx: ActionContext, alertId: string, reason: string): Promise<AlertDetailView> {
      const a = await ownAlert(ctx, alertId);
      const next = await store.change(a, ctx.actor._id, { action: 'returnForRevisit', note: reason });
      await audit(ctx, 'monitoring.alert.return', next);
      return detail(ctx, next);
    },

    async dismiss(ctx: ActionContext, alertId: string, reason: string): Promise<AlertDetailView> {
      const a = await ownAlert(ctx, alertId);
      const next = await store.change(a, ctx.actor._id, { action: 'dismiss', note: reason });
      await audit(ctx, 'monitoring.alert.dismiss', next);
      return detail(ctx, next);
    },
  };
}
export type DeskService = ReturnType<typeof deskService>;
