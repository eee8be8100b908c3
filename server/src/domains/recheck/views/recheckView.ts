import {
  allowedRecheckActions, programmeName, RECHECK_STATUS_LABELS, RECHECK_TRIGGER_LABELS, type RecheckStatus, type RecheckTrigger, type RecheckView,
} from '@dajiuzhu/shared';
import type { RecheckDoc } from '../models/recheck';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Overdue: still to be decided after its deadline (a notice running is decided). */
export const isOverdue = (r: Pick<RecheckDoc, 'status' | 'deadline'>, today: string) => (r.status === 'open' || r.status === 'checked') && r.deadline < today;

/** A recheck as staff of its region see it: the person's full name, the ID number masked, what may be done now. */
export function recheckView(r: RecheckDoc, today: string, currentMonthlyAmountFen: number | null = null): RecheckView {
  const d = r.decision;
  return {
    id: r._id, entitlementId: r.entitlementId, programme: r.programme, programmeName: programmeName(r.programme),
    beneficiaryName: r.beneficiary.name, beneficiaryIdNumberMasked: r.beneficiary.idNumberMasked, regionCode: r.regionCode,
    trigger: r.trigger as RecheckTrigger, triggerLabel: RECHECK_TRIGGER_LABELS[r.trigger as RecheckTrigger] ?? r.trigger, reason: r.reason,
    status: r.status, statusLabel: RECHECK_STATUS_LABELS[r.status as RecheckStatus], sequence: r.sequence,
    openedOn: r.openedOn, deadline: r.deadline, overdue: isOverdue(r, today), currentMonthlyAmountFen,
    dataCheck: r.dataCheck ? {
      householdSize: r.dataCheck.householdSize, monthlyIncomeFen: r.dataCheck.monthlyIncomeFen, householdStable: r.dataCheck.householdStable,
      findings: r.dataCheck.findings, standardFen: r.dataCheck.standardFen, checkedAt: iso(r.dataCheck.checkedAt),
    } : null,
    visits: r.visits.map((v) => ({ visitedOn: v.visitedOn, investigators: v.investigators, findings: v.findings })),
    decision: d ? {
      outcome: d.outcome, fromMonth: d.fromMonth, monthlyAmountFen: d.monthlyAmountFen, endFromMonth: d.endFromMonth, phaseOutMonths: d.phaseOutMonths,
      stopCause: d.stopCause, reasons: [...d.computedReasons, ...d.reasons], decidedAt: iso(d.decidedAt),
    } : null,
    notice: r.notice, letterId: r.letterId,
    allowedActions: allowedRecheckActions(r.status as RecheckStatus),
  };
}
