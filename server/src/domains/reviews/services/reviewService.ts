import { createHash } from 'node:crypto';
import {
  addCalendarDays, addWorkingDays, programmeName, regionCovers, regionLineage, regionName, reviewTransition, shanghaiDate,
  type CalendarIndex, type DecisionReasonsView, type ReviewCounts, type ReviewOutcome, type ReviewStatus, type ReviewSubjectKind, type ReviewView,
} from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { ReviewRequestDoc } from '../models/reviewRequest';
import type { ReviewRepository } from '../repository';
import { toReviewView } from '../views/reviewView';
import type { DecisionSource } from './decisions';

const DECISION_NAMES = { rejected: '不予批准', reduced: '减发', stopped: '停发', autoGranted: '免审办理' } as const;

export const reviewIdOf = (kind: ReviewSubjectKind, subjectId: string) => `rv_${createHash('sha256').update(`${kind}:${subjectId}`).digest('base64url').slice(0, 32)}`;

/**
 * 复查/异议 (docs/supervision.md): the person reads a decision's reasons and asks for a review
 * within `requestDays`; the office answers within `answerWorkingDays` or the escalation job hands
 * it to the county (`countyWorkingDays`); the answer is shown. Staff see their region's requests
 * (audited) and counts per region.
 */
export function reviewService(deps: {
  repo: ReviewRepository;
  decisions: DecisionSource;
  audit: AuditService;
  calendar: CalendarIndex;
  settings: { requestDays: number; answerWorkingDays: number; countyWorkingDays: number };
  now?: () => Date;
}) {
  const { repo, settings } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => shanghaiDate(now());

  /** The request with any step already stored but not yet applied (a writer that stopped half-way). */
  async function load(id: string): Promise<ReviewRequestDoc | null> {
    let r = await repo.findReview(id);
    while (r && r.step < 2) {
      const next = await repo.findStep(`${id}:${r.step + 1}`);
      if (!next) break;
      await repo.applyStep(id, next.step, next.set);
      r = { ...r, ...next.set, step: next.step };
    }
    return r;
  }

  /** Takes step `step` (insert wins: two staff, or staff and the job, at once — one wins, the other 409) and applies it. */
  async function takeStep(r: ReviewRequestDoc, action: 'answer' | 'escalate', actorId: string, set: Partial<ReviewRequestDoc>): Promise<ReviewRequestDoc> {
    const step = r.step + 1;
    const won = await repo.insertStep({ _id: `${r._id}:${step}`, reviewId: r._id, step, action, set, actorId, at: now() });
    if (!won) throw new AppError('REVIEW_ACTION_NOT_ALLOWED');
    await repo.applyStep(r._id, step, set);
    return { ...r, ...set, step };
  }

  async function staffReview(ctx: ActionContext, id: string): Promise<ReviewRequestDoc> {
    requireStaff(ctx.actor);
    const r = await load(id);
    requireStaffCovering(ctx.actor, r?.regionCode);
    return r!;
  }
  const auditRead = (ctx: ActionContext, action: string, r: ReviewRequestDoc, extra: Record<string, string> = {}) =>
    deps.audit.record({ actorId: ctx.actor._id, action, subjectId: r.personKey, requestId: ctx.requestId, details: { reviewId: r._id, regionCode: r.regionCode, ...extra } });

  return {
    /** The decision line by line, until when a review may be asked, and the request if there is one. */
    async decision(ctx: ActionContext, kind: ReviewSubjectKind, subjectId: string): Promise<DecisionReasonsView> {
      const d = await deps.decisions(ctx, kind, subjectId);
      const reviewBy = addCalendarDays(d.decidedOn, settings.requestDays);
      const r = await load(reviewIdOf(kind, subjectId));
      return {
        subjectKind: kind, subjectId, programme: d.programme, programmeName: programmeName(d.programme), decision: d.decision, decisionName: DECISION_NAMES[d.decision],
        decidedOn: d.decidedOn, lines: d.lines, rule: d.rule, reviewBy, canRequestReview: !r && today() <= reviewBy, review: r ? toReviewView(r, today()) : null,
      };
    },

    /** The person asks for a review: within the period (after it 409, nothing stored); the same decision again returns the same request. */
    async request(ctx: ActionContext, body: { subjectKind: ReviewSubjectKind; subjectId: string; reason: string }): Promise<{ created: boolean; review: ReviewView }> {
      const d = await deps.decisions(ctx, body.subjectKind, body.subjectId);
      const id = reviewIdOf(body.subjectKind, body.subjectId);
      const existing = await load(id);
      if (existing) {
        if (existing.requesterId !== ctx.actor._id) throw new AppError('REVIEW_ALREADY_REQUESTED');
        return { created: false, review: toReviewView(existing, today()) };
      }
      if (today() > addCalendarDays(d.decidedOn, settings.requestDays)) throw new AppError('REVIEW_PERIOD_OVER', { details: { decidedOn: d.decidedOn, days: settings.requestDays } });
      const at = now();
      const doc: ReviewRequestDoc = {
        _id: id, subjectKind: body.subjectKind, subjectId: body.subjectId, programme: d.programme, regionCode: d.regionCode, personKey: d.person.idNumberBlindIndex,
        subjectName: d.person.name, idNumberMasked: d.person.idNumberMasked, requesterId: ctx.actor._id, reason: body.reason.trim(),
        decision: { kind: d.decision, decidedOn: d.decidedOn, lines: d.lines, rule: d.rule }, status: 'submitted', level: 'township', step: 0,
        dueOn: addWorkingDays(shanghaiDate(at), settings.answerWorkingDays, deps.calendar), requestedAt: at, escalatedAt: null, answer: null, updatedAt: at,
      };
      if (!(await repo.insertReview(doc))) {
        // Two requests for the same decision at once: the one stored is the request.
        const won = (await load(id))!;
        if (won.requesterId !== ctx.actor._id) throw new AppError('REVIEW_ALREADY_REQUESTED');
        return { created: false, review: toReviewView(won, today()) };
      }
      await deps.audit.record({ actorId: ctx.actor._id, action: 'review.request', subjectId: doc.personKey, requestId: ctx.requestId, details: { reviewId: id, subjectKind: doc.subjectKind, subjectId: doc.subjectId } });
      return { created: true, review: toReviewView(doc, today()) };
    },

    async mine(ctx: ActionContext): Promise<{ reviews: ReviewView[] }> {
      const rows = await repo.listMine(ctx.actor._id);
      const loaded = await Promise.all(rows.map((r) => load(r._id)));
      return { reviews: loaded.filter((r): r is ReviewRequestDoc => !!r).map((r) => toReviewView(r, today())) };
    },

    /** The region's requests, the nearest deadline first (audited, naming every person shown). */
    async list(ctx: ActionContext, q: { regionCode?: string; status?: ReviewStatus; limit?: number }): Promise<{ reviews: ReviewView[] }> {
      const scope = q.regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const rows = await repo.listInRegion(scope, q.status, q.limit ?? 50);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'review.list', requestId: ctx.requestId, details: { regionCode: scope, rows: rows.length, subjectKeys: rows.map((r) => r.personKey).join(',') } });
      return { reviews: rows.map((r) => toReviewView(r, today())) };
    },

    async get(ctx: ActionContext, id: string): Promise<ReviewView & { decision: ReviewRequestDoc['decision'] }> {
      const r = await staffReview(ctx, id);
      await auditRead(ctx, 'review.read', r);
      return { ...toReviewView(r, today()), decision: r.decision };
    },

    /** The office answers a submitted request; once escalated only the county does. */
    async answer(ctx: ActionContext, id: string, body: { outcome: ReviewOutcome; text: string }): Promise<ReviewView> {
      const r = await staffReview(ctx, id);
      const level = requireStaff(ctx.actor).level;
      if (r.status === 'escalated' && level !== 'county') throw new AppError('REVIEW_COUNTY_ONLY');
      const to = reviewTransition(r.status, 'answer', level);
      if (!to) throw new AppError('REVIEW_ACTION_NOT_ALLOWED', { details: { status: r.status } });
      const at = now();
      const next = await takeStep(r, 'answer', ctx.actor._id, { status: to, answer: { outcome: body.outcome, text: body.text.trim(), byId: ctx.actor._id, level, at }, updatedAt: at });
      await auditRead(ctx, 'review.answer', next, { outcome: body.outcome });
      return toReviewView(next, today());
    },

    /** The job: every submitted request past its answer date goes to the county with a new deadline. */
    async escalateOverdue(): Promise<number> {
      let n = 0;
      for (const r of await repo.overdueSubmitted(today(), 500)) {
        if (!reviewTransition(r.status, 'escalate', 'system')) continue;
        const at = now();
        try {
          await takeStep(r, 'escalate', 'system:reviews.escalate', { status: 'escalated', level: 'county', escalatedAt: at, dueOn: addWorkingDays(shanghaiDate(at), settings.countyWorkingDays, deps.calendar), updatedAt: at });
          n++;
        } catch (err) {
          // Answered at the same moment: the answer won, nothing to escalate.
          if (!(err instanceof AppError)) throw err;
        }
      }
      return n;
    },

    /** Counts per region one level down (drill-down), and the total. */
    async counts(ctx: ActionContext, regionCode?: string): Promise<ReviewCounts> {
      const scope = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const childOf = (code: string) => childRegion(scope, code);
      const rows = new Map<string, ReviewCounts['total']>();
      const row = (code: string) => {
        let x = rows.get(code);
        if (!x) rows.set(code, (x = { regionCode: code, regionName: regionName(code), submitted: 0, escalated: 0, answered: 0, overdue: 0 }));
        return x;
      };
      const total = { regionCode: scope, regionName: regionName(scope), submitted: 0, escalated: 0, answered: 0, overdue: 0 };
      let n = 0;
      const cap = 20_000;
      for await (const f of repo.factsInRegion(scope)) {
        if (++n > cap) break;
        for (const x of [total, row(childOf(f.regionCode))]) {
          x[f.status] += 1;
          if (f.status !== 'answered' && f.dueOn < today()) x.overdue += 1;
        }
      }
      return { regionCode: scope, total, byRegion: [...rows.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)), capped: n > cap };
    },
  };
}
export type ReviewService = ReturnType<typeof reviewService>;

/** The region one level below `scope` that holds `code` (the code itself at the lowest level). */
export function childRegion(scope: string, code: string): string {
  const lineage = regionLineage(code);
  const at = lineage.findIndex((c) => c === scope || (regionCovers(scope, c) && c !== scope));
  if (at < 0) return code;
  const i = lineage[at] === scope ? at + 1 : at;
  return lineage[Math.min(i, lineage.length - 1)];
}
