import { loadPolicyStandards, type PolicyStandards } from '@dajiuzhu/config';
import { isCalendarDate, shanghaiDate, type AddPolicyPeriodBody, type RegionPolicy } from '@dajiuzhu/shared';
import type { PolicyPeriodRepository } from '../repository';
import type { PolicyPeriodDoc } from '../models/policyPeriod';
import { AppError } from '../../../core/errors/AppError';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';

/** The reviewed files plus the periods admins added, as one validated set of regions. */
function merge(files: readonly RegionPolicy[], added: readonly PolicyPeriodDoc[]): RegionPolicy[] {
  const regions = new Map(files.map((r) => [r.regionCode, { ...r, periods: [...r.periods] }]));
  for (const a of added) {
    const region = regions.get(a.regionCode) ?? { regionCode: a.regionCode, regionName: a.regionName, periods: [] };
    region.periods.push(a.period);
    regions.set(a.regionCode, region);
  }
  for (const r of regions.values()) r.periods.sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? -1 : 1));
  return [...regions.values()];
}

/**
 * The standards in force, kept in memory for the estimate (a hot, public path) and reloaded from
 * the database after every addition here and every `refreshMs` (for other server instances).
 * Past periods never change: an added period starts today or later, and each region and date
 * can be added once.
 */
export function policyStandardsStore(deps: { files: readonly RegionPolicy[]; periods: PolicyPeriodRepository; audit: AuditService; now?: () => Date }) {
  let current: PolicyStandards = loadPolicyStandards(deps.files);
  const now = deps.now ?? (() => new Date());

  async function refresh(): Promise<void> {
    current = loadPolicyStandards(merge(deps.files, await deps.periods.list()));
  }

  return {
    get: (): PolicyStandards => current,
    refresh,

    async addPeriod(ctx: ActionContext, body: AddPolicyPeriodBody): Promise<{ regionCode: string; effectiveFrom: string }> {
      const { regionCode, regionName, period } = body;
      const today = shanghaiDate(now());
      if (!isCalendarDate(period.effectiveFrom)) throw new AppError('VALIDATION_FAILED', { message: '生效日期不正确', details: { fields: [{ path: '/period/effectiveFrom', rule: 'calendarDate' }] } });
      if (period.effectiveFrom < today) throw new AppError('POLICY_PERIOD_IN_PAST');
      const doc: PolicyPeriodDoc = { _id: `${regionCode}:${period.effectiveFrom}`, regionCode, regionName, period, createdBy: ctx.actor._id, createdAt: now() };
      await refresh();
      // The merged set must still load (e.g. a date already in the reviewed files is refused here).
      try {
        loadPolicyStandards(merge(deps.files, [...(await deps.periods.list()), doc]));
      } catch (err) {
        throw new AppError('POLICY_PERIOD_CONFLICT', { details: { reason: (err as Error).message } });
      }
      if (!(await deps.periods.add(doc))) throw new AppError('POLICY_PERIOD_CONFLICT');
      await deps.audit.record({ actorId: ctx.actor._id, action: 'policy.periodAdd', subjectId: regionCode, requestId: ctx.requestId, details: { regionCode, effectiveFrom: period.effectiveFrom } });
      await refresh();
      return { regionCode, effectiveFrom: period.effectiveFrom };
    },
  };
}
export type PolicyStandardsStore = ReturnType<typeof policyStandardsStore>;
