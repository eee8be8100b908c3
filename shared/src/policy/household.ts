import type { EstimateMember, EstimateRequest } from '../schemas/policy';
import type { StandardsInEffect } from './standards';
import { DEFAULT_DIBAO_EDGE_MULTIPLE } from './defaults';
import { divideRoundHalfUp } from '../money';

/** One member's monthly income as the dibao rules count it. */
export interface CountedIncome {
  /** Counted income: every kind except assistance, wage after the employment-cost deduction. */
  countedFen: number;
  wageFen: number;
  wageDeductionFen: number;
  /** Assistance received (救助金): never counted. */
  assistanceFen: number;
}

/** The request with derived numbers every programme reads. */
export interface Household {
  request: EstimateRequest;
  standards: StandardsInEffect;
  /** "德州市" */
  region: string;
  /** "城市" / "农村" */
  hukouLabel: string;
  incomes: CountedIncome[];
  /** Employment-cost deduction in basis points (1/10000), so the deduction stays integer arithmetic. */
  deductionBasisPoints: number;
  /** Near-dibao multiple in per-mille (1.5 → 1500). */
  edgePermille: number;
}

export function countIncome(member: EstimateMember, deductionBasisPoints: number): CountedIncome {
  let wageFen = 0;
  let otherFen = 0;
  let assistanceFen = 0;
  for (const income of member.incomes ?? []) {
    if (income.kind === 'assistance') assistanceFen += income.monthlyFen;
    else if (income.kind === 'wage') wageFen += income.monthlyFen;
    else otherFen += income.monthlyFen;
  }
  // Deduct on the member's total wage, rounded half up to the fen (the one rounding rule).
  const wageDeductionFen = divideRoundHalfUp(wageFen * deductionBasisPoints, 10_000);
  return { countedFen: wageFen - wageDeductionFen + otherFen, wageFen, wageDeductionFen, assistanceFen };
}

export function household(request: EstimateRequest, standards: StandardsInEffect): Household {
  const deductionBasisPoints = Math.round(standards.employmentDeduction.value * 10_000);
  return {
    request,
    standards,
    region: standards.regionName,
    hukouLabel: request.hukou === 'urban' ? '城市' : '农村',
    incomes: request.members.map((m) => countIncome(m, deductionBasisPoints)),
    deductionBasisPoints,
    edgePermille: Math.round((standards.dibaoEdgeMultiple?.value ?? DEFAULT_DIBAO_EDGE_MULTIPLE) * 1000),
  };
}

/** "第2位成员" (people count from 1). */
export function memberLabel(index: number): string {
  return `第${index + 1}位成员`;
}
