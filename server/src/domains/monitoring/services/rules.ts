import {
  DEFAULT_ALERT_RULES, RULE_KIND_LABELS, findRuleProblems, regionCovers, regionPrefix, shanghaiDate, type AlertRule, type RuleSetBody, type RuleSetList, type RuleSetView,
} from '@dajiuzhu/shared';
import type { RuleSetDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';

/** The region and every region above it (village → township → county → city → province). */
export function regionChain(code: string): string[] {
  const out = [code];
  if (code.length === 12) out.push(code.slice(0, 9));
  if (code.length >= 9) out.push(code.slice(0, 6));
  if (!code.endsWith('00') || code.length > 6) out.push(`${code.slice(0, 4)}00`);
  out.push(`${code.slice(0, 2)}0000`);
  return [...new Set(out)];
}

/** The version in force for `regionCode` on `date`: the most specific region's latest version started by then. */
export function pickRuleSet(sets: readonly RuleSetDoc[], regionCode: string, date: string): RuleSetDoc | null {
  let best: RuleSetDoc | null = null;
  for (const s of sets) {
    if (s.effectiveFrom > date || !regionCovers(s.regionCode, regionCode)) continue;
    if (!best) { best = s; continue; }
    const a = regionPrefix(s.regionCode).length;
    const b = regionPrefix(best.regionCode).length;
    if (a > b || (a === b && s.effectiveFrom > best.effectiveFrom)) best = s;
  }
  return best;
}

const view = (regionCode: string, s: RuleSetDoc | null): RuleSetView => ({
  regionCode: s?.regionCode ?? regionCode,
  effectiveFrom: s?.effectiveFrom ?? '2020-01-01',
  isDefault: !s,
  rules: (s?.rules ?? DEFAULT_ALERT_RULES).map((r) => ({ ...r, groups: [...r.groups], thresholds: { ...r.thresholds }, source: { ...r.source }, kindLabel: RULE_KIND_LABELS[r.kind] })),
  createdAt: s ? new Date(s.createdAt).toISOString() : null,
});

/**
 * 预警规则 as data: versions per region and start date (`_id` = region:date, insert wins), never
 * changed once saved; a region without a version of its own uses the nearest region above it,
 * else the defaults (shared DEFAULT_ALERT_RULES).
 */
export function ruleService(deps: { repo: MonitoringRepository; audit: AuditService; now?: () => Date }) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    /** A resolver for an evaluation of `scope` on `date`: rules in force for any region inside it (cached per region). */
    async resolverFor(scope: string, date: string): Promise<(regionCode: string) => readonly AlertRule[]> {
      const sets = [...(await repo.ruleSetsOf(regionChain(scope))), ...(await repo.ruleSetsWithin(scope))];
      const cache = new Map<string, readonly AlertRule[]>();
      return (regionCode) => {
        let rules = cache.get(regionCode);
        if (!rules) {
          rules = (pickRuleSet(sets, regionCode, date)?.rules ?? DEFAULT_ALERT_RULES).filter((r) => r.enabled);
          cache.set(regionCode, rules);
        }
        return rules;
      };
    },

    async list(ctx: ActionContext, regionCode: string | undefined): Promise<RuleSetList> {
      const scope = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const sets = await repo.ruleSetsOf(regionChain(scope));
      return { inForce: view(scope, pickRuleSet(sets, scope, shanghaiDate(now()))), versions: sets.map((s) => view(s.regionCode, s)) };
    },

    /** A new version (county staff of a region covering it). Invalid thresholds: 422 with every problem; a start in the past or a day already taken: 409. */
    async create(ctx: ActionContext, body: RuleSetBody): Promise<RuleSetView> {
      const scope = requireStaffCovering(ctx.actor, body.regionCode);
      if (scope.level !== 'county') throw new AppError('MONITORING_COUNTY_ONLY');
      const problems = findRuleProblems(body.rules as AlertRule[]);
      if (problems.length) throw new AppError('MONITORING_RULE_INVALID', { details: { problems } });
      if (body.effectiveFrom < shanghaiDate(now())) throw new AppError('MONITORING_RULES_IN_PAST');
      const doc: RuleSetDoc = { _id: `${body.regionCode}:${body.effectiveFrom}`, regionCode: body.regionCode, effectiveFrom: body.effectiveFrom, rules: body.rules as AlertRule[], createdBy: ctx.actor._id, createdAt: now() };
      if (!(await repo.insertRuleSet(doc))) throw new AppError('MONITORING_RULES_CONFLICT');
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.rules.create', requestId: ctx.requestId, details: { regionCode: body.regionCode, effectiveFrom: body.effectiveFrom, rules: body.rules.length } });
      return view(body.regionCode, doc);
    },
  };
}
export type RuleService = ReturnType<typeof ruleService>;
