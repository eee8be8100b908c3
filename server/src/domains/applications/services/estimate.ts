import type { ApplicationForm, ApplicationProgramme } from '@dajiuzhu/shared';
import type { PolicyApi } from '../../policy/api';

/** Programmes whose monthly amount the policy estimate (政策测算) computes. */
const ESTIMATED: readonly ApplicationProgramme[] = ['dibao', 'tekun', 'disabilityLiving', 'disabilityCare', 'orphan', 'childInHardship', 'unsupportedChild'];

export interface MonthlyEstimate { monthlyAmountFen: number; reasons: string[] }
export interface EstimateCase { programme: ApplicationProgramme; regionCode: string; hukou: string | null; form: ApplicationForm; date: string }

/** The suggested monthly amount staff see beside a case, or null when none can be computed. */
export type EstimateBridge = (c: EstimateCase) => MonthlyEstimate | null;

/**
 * The bridge to the policy domain (app.policy): the case's household members as the estimate's
 * input. Missing facts take the estimate's neutral defaults (age 40, no income); a region without
 * published standards, or any estimate failure, gives no suggestion rather than failing the view.
 */
export function estimateBridge(policy: Pick<PolicyApi, 'estimate'>): EstimateBridge {
  return (c) => {
    if (!c.hukou || !ESTIMATED.includes(c.programme)) return null;
    const members = (c.form.members ?? []).map((householdMember) => ({
      age: householdMember.age ?? 40,
      ...(householdMember.canWork !== undefined ? { canWork: householdMember.canWork } : {}),
      ...(householdMember.hasSupporter !== undefined ? { hasSupporter: householdMember.hasSupporter } : {}),
      ...(householdMember.disabilityGrade ? { disabilityGrade: householdMember.disabilityGrade } : {}),
      ...(householdMember.seriousIllness !== undefined ? { seriousIllness: householdMember.seriousIllness } : {}),
      ...(householdMember.childStatus ? { childStatus: householdMember.childStatus } : {}),
      incomes: householdMember.incomes ?? [],
    }));
    if (members.length === 0) return null;
    try {
      const result = policy.estimate({ regionCode: c.regionCode, date: c.date, hukou: c.hukou as 'urban' | 'rural', members }).results.find((r) => r.programme === c.programme);
      return result && result.eligible && result.monthlyAmountFen !== undefined ? { monthlyAmountFen: result.monthlyAmountFen, reasons: result.reasons } : null;
    } catch {
      return null;
    }
  };
}
