import { ALERT_LEVEL_LABELS, OUTCOME_LABELS, RULE_KIND_LABELS, shanghaiDate, type RuleKind } from '@dajiuzhu/shared';
import type { MonitoringRepository } from '../repository';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import { csvLine } from '../../../core/imports/csv';

/**
 * 反馈 (`feedback`): what became of the alerts a department's data raised, as a CSV the department
 * can download (UTF-8 with BOM for Excel; ID numbers masked; cells guarded against formulas).
 * Streamed, and audited once with the people it names.
 */
export function feedbackService(deps: { repo: MonitoringRepository; audit: AuditService }) {
  return {
    async *csv(ctx: ActionContext, source: string, regionCode: string | undefined): AsyncGenerator<string> {
      const scope = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      let rows = 0;
      try {
        yield '\uFEFF' + csvLine(['预警编号', '身份证号（脱敏）', '预警规则', '等级', '数据月份', '核查结果', '说明', '办结日期']);
        for await (const a of deps.repo.closedOfSourceCursor(source, scope)) {
          rows++;
          const last = a.visits[a.visits.length - 1];
          const note = last ? [last.outcome.reason, last.outcome.referTo].filter(Boolean).join('；') : a.timeline[a.timeline.length - 1]?.note ?? '';
          yield csvLine([a._id, a.idNumberMasked, RULE_KIND_LABELS[a.ruleKind as RuleKind] ?? a.ruleKind, ALERT_LEVEL_LABELS[a.level], a.period, a.outcome ? OUTCOME_LABELS[a.outcome] : '', note, a.closedAt ? shanghaiDate(new Date(a.closedAt)) : '']);
        }
      } finally {
        await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.feedback.download', requestId: ctx.requestId, details: { source, regionCode: scope, rows } });
      }
    },
  };
}
