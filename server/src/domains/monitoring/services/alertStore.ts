import { createHash } from 'node:crypto';
import { addWorkingDays, alertTransition, shanghaiDate, type AlertAction, type AlertLevel, type CalendarIndex, type OutcomeKind } from '@dajiuzhu/shared';
import type { AlertDoc, AlertEventDoc, AssigneeDoc, VisitDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import { eventId, eventLog } from '../../../core/db/eventLog';
import { AppError } from '../../../core/errors/AppError';

/** The alert's key: one alert per person, rule and period, whoever evaluates and however often. */
export const alertIdOf = (personKey: string, ruleId: string, period: string) =>
  `al_${createHash('sha256').update(`${personKey}|${ruleId}|${period}`).digest('base64url').slice(0, 32)}`;

/** A report's key: the reporter's account and the request key the client chose (a retry is the same report). */
export const reportIdOf = (userId: string, requestKey: string) => `hr_${createHash('sha256').update(`${userId}|${requestKey}`).digest('base64url').slice(0, 32)}`;

export type DeadlineOf = (level: AlertLevel, from: Date) => string;
export function deadlines(days: Record<AlertLevel, number>, calendar: CalendarIndex): DeadlineOf {
  return (level, from) => addWorkingDays(shanghaiDate(from), days[level], calendar);
}

/** What one change of an alert carries (the event's `data`). */
export interface AlertChange {
  action: AlertAction;
  note: string;
  assignee?: AssigneeDoc;
  visit?: VisitDoc;
}

/**
 * Every change of an alert is one event (core/db/eventLog: `_id` = alert:sequence, insert wins):
 * two people acting on the same alert at once get one change and one 409. The state machine
 * (shared alertMachine) decides whether the action is allowed now; applying sets the alert's
 * fields as the event leaves them (guarded by the sequence, so applying twice is harmless).
 */
export function alertStore(repo: MonitoringRepository, log?: { warn: (o: object, m: string) => void }) {
  const store = eventLog<AlertDoc, AlertEventDoc>({
    readEntity: (id) => repo.findAlert(id),
    sequenceOf: (a) => a.sequence,
    findEvent: (id, seq) => repo.findAlertEvent(id, eventId(id, seq)),
    insertEvent: (e) => repo.insertAlertEvent(e),
    conflict: () => new AppError('MONITORING_ALERT_CHANGED'),
    warn: (message, details) => log?.warn(details, message),
    async apply(alert, e) {
      if (e.sequence !== alert.sequence + 1) return alert;
      const change = e.data as unknown as AlertChange;
      const outcome: OutcomeKind | undefined = change.visit?.outcome.kind;
      const status = alertTransition(alert.status, change.action, outcome) ?? alert.status;
      const set: Partial<AlertDoc> = {
        status, updatedAt: e.at,
        timeline: [...alert.timeline, { action: e.action, at: e.at, actorId: e.actorId, note: e.note }],
      };
      if (change.action === 'assign' && change.assignee) { set.assignee = change.assignee; set.assigneeId = change.assignee.userId; }
      if (change.action === 'recordVisit' && change.visit) {
        set.visits = [...alert.visits, change.visit];
        if (outcome !== 'notFound') set.outcome = outcome ?? null;
      }
      if (change.action === 'returnForRevisit') set.outcome = null;
      if (change.action === 'dismiss') set.outcome = 'noAssistanceNeeded';
      if (status === 'closed') set.closedAt = e.at;
      await repo.applyAlert(alert._id, e.sequence, set);
      return { ...alert, ...set, sequence: e.sequence };
    },
  });

  return {
    load: store.load,
    /** Records `change` on the alert as it is now, or MONITORING_ACTION_NOT_ALLOWED (409) when the state machine does not allow it. */
    async change(alert: AlertDoc, actorId: string, change: AlertChange): Promise<AlertDoc> {
      if (!alertTransition(alert.status, change.action, change.visit?.outcome.kind)) throw new AppError('MONITORING_ACTION_NOT_ALLOWED', { details: { status: alert.status, action: change.action } });
      const sequence = alert.sequence + 1;
      return store.append(alert, {
        _id: eventId(alert._id, sequence), alertId: alert._id, sequence, action: change.action, actorId, at: new Date(), note: change.note,
        data: change as unknown as Record<string, unknown>,
      });
    },
  };
}
export type AlertStore = ReturnType<typeof alertStore>;
