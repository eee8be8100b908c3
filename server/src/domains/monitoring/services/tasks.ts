import { randomBytes } from 'node:crypto';
import { APPLICATION_PROGRAMMES, shanghaiDate, type AlertDetailView, type RecordVisitBody, type TaskList } from '@dajiuzhu/shared';
import type { AlertDoc, VisitDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { AlertStore } from './alertStore';
import { toAlertDetail, toAlertSummary } from '../views/alertView';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { staffCovers } from '../../../core/scope/staffScope';

/** Starts an application on the person's behalf (纳入救助) through the applications domain (services/enrol.ts); returns its id. Idempotent by the visit. */
export type StartOnBehalf = (ctx: ActionContext, input: { alert: AlertDoc; visit: RecordVisitBody }) => Promise<string>;

/**
 * The grid worker's phone (网格员, or a staff member an alert is assigned to): own tasks only (any
 * other alert answers 404 — a worker learns nothing about another's task), the visit with its
 * outcome. Each visit is one event of the alert; a retried visit (same `visitKey`) is the same visit.
 */
export function taskService(deps: { repo: MonitoringRepository; store: AlertStore; audit: AuditService; attachPhotos: (ctx: ActionContext, ids: readonly string[], regionCode: string) => Promise<void>; startOnBehalf: StartOnBehalf }) {
  const { repo, store } = deps;

  async function ownTask(ctx: ActionContext, alertId: string): Promise<AlertDoc> {
    const alert = await store.load(alertId);
    if (!alert || alert.assigneeId !== ctx.actor._id) throw new AppError('MONITORING_TASK_NOT_FOUND');
    return alert;
  }
  const actors = (ctx: ActionContext, a: AlertDoc) => (staffCovers(ctx.actor, a.regionCode) ? ['assignee', 'staff'] as const : ['assignee'] as const);

  /** Every outcome names what it needs: a reason, a referral target, or the programme and the person's consent. */
  function checkOutcome(a: AlertDoc, o: RecordVisitBody['outcome']): void {
    const missing = (path: string, code: 'MONITORING_OUTCOME_INVALID' | 'MONITORING_CONSENT_REQUIRED' = 'MONITORING_OUTCOME_INVALID') => {
      throw new AppError(code, { details: { fields: [{ path: `/outcome/${path}`, rule: 'required' }] } });
    };
    if ((o.kind === 'noAssistanceNeeded' || o.kind === 'notFound') && !o.reason?.trim()) missing('reason');
    if (o.kind === 'refer' && !o.referTo?.trim()) missing('referTo');
    if (o.kind === 'enrol') {
      if (!o.programme) missing('programme');
      if (!o.consent?.agreed) missing('consent', 'MONITORING_CONSENT_REQUIRED');
      // Checked before anything is stored: a programme the applications domain cannot start, a person not identified (a 随手拍 about someone unnamed).
      if (!(APPLICATION_PROGRAMMES as readonly string[]).includes(o.programme!)) {
        throw new AppError('MONITORING_ENROL_PROGRAMME', { details: { fields: [{ path: '/outcome/programme', rule: 'applicationProgramme' }], programmes: [...APPLICATION_PROGRAMMES] } });
      }
      if (!a.personKey) throw new AppError('MONITORING_ENROL_PERSON_UNKNOWN');
    }
  }

  return {
    async list(ctx: ActionContext): Promise<TaskList> {
      const today = shanghaiDate();
      return { tasks: (await repo.tasksOf(ctx.actor._id)).map((a) => toAlertSummary(a, today)) };
    },

    /** A task with the household's situation from the data, prefilled into the visit form (audited: a read of a person). */
    async get(ctx: ActionContext, alertId: string): Promise<AlertDetailView> {
      const a = await ownTask(ctx, alertId);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.task.read', subjectId: a.personKey, requestId: ctx.requestId, details: { alertId } });
      return toAlertDetail(a, [...actors(ctx, a)]);
    },

    async recordVisit(ctx: ActionContext, alertId: string, body: RecordVisitBody): Promise<AlertDetailView> {
      const a = await ownTask(ctx, alertId);
      if (a.visits.some((v) => v.key === body.visitKey && v.byUserId === ctx.actor._id)) return toAlertDetail(a, [...actors(ctx, a)]);
      if (a.status !== 'assigned') throw new AppError('MONITORING_ACTION_NOT_ALLOWED', { details: { status: a.status, action: 'recordVisit' } });
      checkOutcome(a, body.outcome);
      if (new Date(body.visitedAt).getTime() > Date.now() + 5 * 60_000 || Number.isNaN(new Date(body.visitedAt).getTime())) {
        throw new AppError('VALIDATION_FAILED', { message: '核查时间不能晚于现在', details: { fields: [{ path: '/visitedAt', rule: 'notFuture' }] } });
      }
      const o = body.outcome;
      // The consent's signature image, when the phone captured one, is the worker's own image like the photos, then the region's staff may see it.
      const signature = o.kind === 'enrol' && o.consent?.signatureFileId ? [o.consent.signatureFileId] : [];
      await deps.attachPhotos(ctx, [...body.photoFileIds, ...signature], a.regionCode);
      // 纳入救助: the person's application, started before the visit is stored; a retried visit finds the same one (keyed by alert and visitKey).
      const applicationId = o.kind === 'enrol' ? await deps.startOnBehalf(ctx, { alert: a, visit: body }) : null;
      const visit: VisitDoc = {
        id: `v_${randomBytes(8).toString('base64url')}`, key: body.visitKey, visitedAt: new Date(body.visitedAt), byUserId: ctx.actor._id, seen: body.seen,
        photoFileIds: body.photoFileIds, situation: body.situation,
        outcome: {
          kind: o.kind, reason: o.reason ?? '', referTo: o.referTo ?? '', programme: o.programme ?? '', consentGiven: !!o.consent?.agreed,
          consentName: o.consent?.signedName ?? '', signatureFileId: o.consent?.signatureFileId ?? '', applicationId,
        },
      };
      const next = await store.change(a, ctx.actor._id, { action: 'recordVisit', note: o.kind, visit });
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.task.visit', subjectId: a.personKey, requestId: ctx.requestId, details: { alertId, outcome: o.kind, photos: body.photoFileIds.length, applicationId: applicationId ?? '' } });
      return toAlertDetail(next, [...actors(ctx, next)]);
    },
  };
}
export type TaskService = ReturnType<typeof taskService>;
