import {
  addCalendarDays, cleanReasons, computedReasonLines, endFromMonthFor, nextRecheckOn, nextRecheckStatus, shanghaiDate, shanghaiMonth, stopNeedsNotice,
  type DataCheckBody, type RecheckAction, type RecheckDecisionBody, type RecheckList, type RecheckListQuery, type RecheckView, type RecheckVisitBody,
} from '@dajiuzhu/shared';
import { phaseOutMonthsFor } from '@dajiuzhu/config';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { RecheckDecision, RecheckDoc, RecheckEventDoc } from '../models/recheck';
import { isOverdue, recheckView } from '../views/recheckView';
import type { RecheckDeps } from './deps';
import { nextEvent, recheckLog } from './recheckLog';

const subjectOf = (r: RecheckDoc) => r.beneficiary.userId ?? `recheck:${r._id}`;

/**
 * The staff side of a recheck (复核): the region's queue, one recheck, and its steps — data check,
 * home visit, decision — in the one order the shared state machine allows (anything else: 409).
 * Staff outside the recheck's region get 404; every read is audited.
 */
export function staffDesk(deps: RecheckDeps) {
  const { repo } = deps;
  const log = recheckLog(deps);
  const today = () => shanghaiDate(deps.now());

  async function loadCovered(ctx: ActionContext, id: string): Promise<RecheckDoc> {
    const r = await log.load(id);
    if (!r) throw new AppError('RECHECK_NOT_FOUND');
    try { requireStaffCovering(ctx.actor, r.regionCode); } catch { throw new AppError('RECHECK_NOT_FOUND'); }
    return r;
  }

  async function view(ctx: ActionContext, r: RecheckDoc): Promise<RecheckView> {
    await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', requestId: ctx.requestId, subjectId: subjectOf(r), details: { fields: 'recheck', recheckId: r._id, staffRegion: ctx.actor.staff?.regionCode ?? '' } });
    const e = await deps.applications.entitlement(r.entitlementId);
    return recheckView(r, today(), e?.monthlyAmountFen ?? null);
  }

  /** The monthly standard the household's income is set against (per person), where the region publishes one a month. */
  function standardFen(r: RecheckDoc, hukou: 'urban' | 'rural'): number | null {
    const rates = deps.standardsFor(r.regionCode, today())?.rates;
    const rate = r.programme === 'tekun' ? rates?.tekun?.[hukou] ?? rates?.dibao?.[hukou] : rates?.dibao?.[hukou];
    return rate && rate.per === 'month' ? rate.fen : null;
  }

  async function append(ctx: ActionContext, r: RecheckDoc, action: RecheckEventDoc['action'], patch: Record<string, unknown>): Promise<RecheckView> {
    const event = nextEvent(r, action, patch, { actorId: ctx.actor._id, requestId: ctx.requestId }, deps.now());
    const after = await log.append(r, event);
    await deps.audit.record({ actorId: ctx.actor._id, action: `recheck.${action}`, requestId: ctx.requestId, subjectId: subjectOf(r), details: { recheckId: r._id, status: after.status } });
    return view(ctx, after);
  }

  function next(r: RecheckDoc, action: RecheckAction, decision?: { outcome: RecheckDecision['outcome']; needsNotice: boolean }) {
    const status = nextRecheckStatus(r.status, action, decision);
    if (!status) throw new AppError('RECHECK_ACTION_NOT_ALLOWED', { details: { status: r.status, action } });
    return status;
  }

  return {
    async list(ctx: ActionContext, q: RecheckListQuery): Promise<RecheckList> {
      const scope = requireStaff(ctx.actor);
      const statuses = q.status ? [q.status] : ['open', 'checked', 'noticing'];
      const day = today();
      let rows = await repo.listInRegion(scope.regionCode, statuses, 500);
      const counts = { open: rows.filter((r) => r.status !== 'closed').length, overdue: rows.filter((r) => isOverdue(r, day)).length };
      if (q.overdue) rows = rows.filter((r) => isOverdue(r, day));
      rows = rows.slice(0, 200);
      await deps.audit.record({
        actorId: ctx.actor._id, action: 'person.list', requestId: ctx.requestId,
        details: { fields: 'recheck.queue', count: rows.length, recheckIds: rows.map((r) => r._id).join(','), subjectIds: [...new Set(rows.map(subjectOf))].join(','), staffRegion: scope.regionCode },
      });
      return { rechecks: rows.map((r) => recheckView(r, day)), counts };
    },

    async get(ctx: ActionContext, id: string): Promise<RecheckView> {
      return view(ctx, await loadCovered(ctx, id));
    },

    async recordDataCheck(ctx: ActionContext, id: string, body: DataCheckBody): Promise<RecheckView> {
      const r = await loadCovered(ctx, id);
      const status = next(r, 'recordDataCheck');
      return append(ctx, r, 'recordDataCheck', { status, dataCheck: { ...body, standardFen: standardFen(r, body.hukou), checkedAt: deps.now(), checkedBy: ctx.actor._id } });
    },

    async recordVisit(ctx: ActionContext, id: string, body: RecheckVisitBody): Promise<RecheckView> {
      const r = await loadCovered(ctx, id);
      const status = next(r, 'recordVisit');
      return append(ctx, r, 'recordVisit', { status, visits: [...r.visits, { ...body, by: ctx.actor._id }] });
    },

    async decide(ctx: ActionContext, id: string, body: RecheckDecisionBody): Promise<RecheckView> {
      const r = await loadCovered(ctx, id);
      const needsNotice = stopNeedsNotice(r.programme);
      const status = next(r, 'decide', { outcome: body.outcome, needsNotice });
      const reasons = cleanReasons(body.reasons);
      if (body.outcome !== 'continue' && !reasons.length) throw new AppError('RECHECK_REASONS_REQUIRED');
      const e = await deps.applications.entitlement(r.entitlementId);
      if (!e) throw new AppError('RECHECK_ENTITLEMENT_NOT_FOUND');
      const day = today();
      const month = shanghaiMonth(deps.now());
      const check = r.dataCheck!;
      const decision: RecheckDecision = {
        outcome: body.outcome, fromMonth: null, monthlyAmountFen: null, endFromMonth: null, phaseOutMonths: 0, stopCause: null, reasons,
        computedReasons: computedReasonLines({ householdSize: check.householdSize, monthlyIncomeFen: check.monthlyIncomeFen, standardFen: check.standardFen }),
        nextRecheckOn: body.outcome === 'stop' ? null : nextRecheckOn(r.programme, check.householdStable, day), decidedAt: deps.now(), decidedBy: ctx.actor._id,
      };
      let cut = false;
      let notice: RecheckDoc['notice'] = null;
      if (body.outcome === 'adjust') {
        if (!body.fromMonth || !body.monthlyAmountFen) throw new AppError('RECHECK_DECISION_INVALID');
        if (body.fromMonth < month || body.fromMonth < e.startMonth) throw new AppError('RECHECK_FROM_MONTH_INVALID');
        if (e.payment !== 'monthly') throw new AppError('RECHECK_DECISION_INVALID');
        decision.fromMonth = body.fromMonth;
        decision.monthlyAmountFen = body.monthlyAmountFen;
        cut = body.monthlyAmountFen < (e.monthlyAmountFen ?? 0);
      } else if (body.outcome === 'stop') {
        const cause = body.stopCause ?? 'other';
        decision.stopCause = cause;
        // 渐退期 only for a household leaving through work; a 特困 stop counts from the month its notice ends.
        decision.phaseOutMonths = cause === 'incomeFromWork' ? phaseOutMonthsFor(deps.cfg, r.regionCode) : 0;
        if (needsNotice) notice = { startsOn: day, endsOn: addCalendarDays(day, deps.cfg.exitNoticeDays - 1) };
        decision.endFromMonth = endFromMonthFor(notice ? notice.endsOn.slice(0, 7) : month, decision.phaseOutMonths);
        decision.fromMonth = decision.endFromMonth;
      }
      return append(ctx, r, 'decide', { status, decision, notice, cut });
    },

    /** Ends the 特困 exit notices that have run their days (the job): the stop takes effect. */
    async finishNotices(): Promise<number> {
      const day = today();
      let n = 0;
      for (const r of await repo.listByStatusUntil('noticing', '9999-12-31', 500)) {
        if (!r.notice || r.notice.endsOn >= day) continue;
        const current = await log.load(r._id);
        if (!current || current.status !== 'noticing') continue;
        const event = nextEvent(current, 'finishNotice', { status: 'closed' }, { actorId: 'system:recheck', requestId: 'job:recheck.notices' }, deps.now());
        try { await log.append(current, event); n++; } catch (err) { if (!(err instanceof AppError)) throw err; }
      }
      return n;
    },

    load: log.load,
  };
}
export type StaffDesk = ReturnType<typeof staffDesk>;
