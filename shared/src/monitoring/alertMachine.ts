/**
 * The one state machine of an alert (预警 → 复核 → 落地 → 反馈). The server enforces it; the UI asks
 * `allowedAlertActions` which buttons to show.
 *
 *   open ─assign─▶ assigned ─recordVisit(outcome)─▶ visited ─confirm─▶ closed
 *     │              │  ▲  └─recordVisit(notFound: 未见到人, try again)─┘ (stays assigned)
 *     │              │  └──────── returnForRevisit ◀── visited
 *     │              └─assign (another worker)─▶ assigned
 *     └─dismiss (staff, with a reason)─▶ closed   (also from assigned)
 */
export const ALERT_STATUSES = ['open', 'assigned', 'visited', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_ACTIONS = ['assign', 'recordVisit', 'confirm', 'returnForRevisit', 'dismiss'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** 落地 (`outcome`) of a visit. */
export const OUTCOME_KINDS = ['enrol', 'emergencyAid', 'refer', 'noAssistanceNeeded', 'notFound'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  enrol: '纳入救助', emergencyAid: '先行救助', refer: '转介', noAssistanceNeeded: '无需救助', notFound: '未见到人',
};

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = { open: '待分派', assigned: '待核查', visited: '已核查，待确认', closed: '已办结' };
export const ALERT_ACTION_LABELS: Record<AlertAction, string> = { assign: '分派', recordVisit: '登记核查', confirm: '确认办结', returnForRevisit: '退回重新核查', dismiss: '直接办结' };

/** staff = staff whose region covers the alert; assignee = the person the alert is assigned to. */
export type AlertActor = 'staff' | 'assignee';

const MOVES: Record<AlertAction, { from: readonly AlertStatus[]; by: AlertActor }> = {
  assign: { from: ['open', 'assigned'], by: 'staff' },
  recordVisit: { from: ['assigned'], by: 'assignee' },
  confirm: { from: ['visited'], by: 'staff' },
  returnForRevisit: { from: ['visited'], by: 'staff' },
  dismiss: { from: ['open', 'assigned'], by: 'staff' },
};

/** The status after `action`, or null when it is not allowed now (409 MONITORING_ACTION_NOT_ALLOWED). */
export function alertTransition(status: AlertStatus, action: AlertAction, outcome?: OutcomeKind): AlertStatus | null {
  if (!MOVES[action].from.includes(status)) return null;
  switch (action) {
    case 'assign': return 'assigned';
    case 'recordVisit': return outcome === 'notFound' ? 'assigned' : 'visited';
    case 'confirm': case 'dismiss': return 'closed';
    case 'returnForRevisit': return 'assigned';
  }
}

export function allowedAlertActions(status: AlertStatus, actors: readonly AlertActor[]): AlertAction[] {
  return ALERT_ACTIONS.filter((a) => actors.includes(MOVES[a].by) && MOVES[a].from.includes(status));
}

/** What a reporter (一键求助 / 随手拍) sees: the status only. */
export const REPORT_STATUSES = ['received', 'inProgress', 'done'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { received: '已收到，等待工作人员处理', inProgress: '工作人员正在核实', done: '已处理完毕' };
export function reportStatusOf(status: AlertStatus): ReportStatus {
  return status === 'open' ? 'received' : status === 'closed' ? 'done' : 'inProgress';
}
