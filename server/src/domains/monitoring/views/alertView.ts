import {
  ALERT_ACTION_LABELS, ALERT_STATUS_LABELS, OUTCOME_LABELS, RECORD_KIND_LABELS, RULE_KIND_LABELS, SOURCE_SPECS, allowedAlertActions, isMonitoringSource, maskName, shanghaiDate,
  type AlertActor, type AlertDetailView, type AlertSummaryView, type RuleKind,
} from '@dajiuzhu/shared';
import type { AlertDoc } from '../models/monitoring';

const ORIGIN_NAMES: Record<string, string> = { helpRequest: '一键求助', hardshipReport: '随手拍' };
const TIMELINE_LABELS: Record<string, string> = { ...ALERT_ACTION_LABELS, raise: '产生预警', report: '收到求助/线索' };

export const isOverdue = (a: Pick<AlertDoc, 'status' | 'deadline'>, today: string) => a.status !== 'closed' && today > a.deadline;

export function toAlertSummary(a: AlertDoc, today = shanghaiDate()): AlertSummaryView {
  return {
    id: a._id,
    origin: a.origin,
    source: a.source,
    sourceName: isMonitoringSource(a.source) ? SOURCE_SPECS[a.source].name : ORIGIN_NAMES[a.source] ?? a.source,
    ruleId: a.ruleId,
    ruleName: a.ruleKind in RULE_KIND_LABELS ? RULE_KIND_LABELS[a.ruleKind as RuleKind] : ORIGIN_NAMES[a.origin] ?? a.ruleKind,
    level: a.level,
    status: a.status,
    statusLabel: ALERT_STATUS_LABELS[a.status],
    period: a.period,
    regionCode: a.regionCode,
    subject: { nameMasked: a.subjectName ? maskName(a.subjectName) : '（未具名）', idNumberMasked: a.idNumberMasked },
    summary: a.evidence.summary,
    assignee: a.assignee ? { userId: a.assignee.userId, role: a.assignee.role, regionCode: a.assignee.regionCode, name: a.assignee.name } : null,
    deadline: a.deadline,
    overdue: isOverdue(a, today),
    outcome: a.outcome,
    createdAt: new Date(a.createdAt).toISOString(),
    closedAt: a.closedAt ? new Date(a.closedAt).toISOString() : null,
  };
}

/** The whole alert for staff covering it and for its assignee; `actors` says which buttons this caller gets. */
export function toAlertDetail(a: AlertDoc, actors: AlertActor[]): AlertDetailView {
  return {
    ...toAlertSummary(a),
    evidence: { ...a.evidence, items: a.evidence.items.map((i) => ({ ...i, kindLabel: RECORD_KIND_LABELS[i.kind] ?? i.kind })) },
    situation: { group: a.group, householdSize: a.householdSize, householdIncomeFen: a.householdIncomeFen },
    report: a.report ? { text: a.report.text, address: a.report.address, photoFileIds: [...a.report.photoFileIds] } : null,
    visits: a.visits.map((v) => ({
      id: v.id, visitedAt: new Date(v.visitedAt).toISOString(), byUserId: v.byUserId, seen: v.seen, photoFileIds: v.photoFileIds, situation: v.situation,
      outcome: { kind: v.outcome.kind, label: OUTCOME_LABELS[v.outcome.kind], reason: v.outcome.reason, referTo: v.outcome.referTo, programme: v.outcome.programme, consentGiven: v.outcome.consentGiven, applicationId: v.outcome.applicationId },
    })),
    timeline: a.timeline.map((t) => ({ action: t.action, label: TIMELINE_LABELS[t.action] ?? t.action, at: new Date(t.at).toISOString(), actorId: t.actorId, note: t.note })),
    allowedActions: allowedAlertActions(a.status, actors),
  };
}
