import { matchedFen, percentOfGoal } from '@dajiuzhu/shared';
import type { CharityRepository } from '../repository';
import type { DonationTotals } from '../api';
import type { CharityProjectDoc } from '../models/project';
import type { CharityPledgeDoc } from '../models/pledge';

export interface Progress {
  goalFen: number;
  raisedFen: number;
  matchedFen: number;
  spentFen: number;
  peopleHelped: number;
  percent: number;
  pledges: { pledge: CharityPledgeDoc; matchedFen: number }[];
}

/**
 * A project's figures, each from its source of truth when read: raised = the sum of confirmed
 * donation rows (the donations side), spent = the running total of the last spending line,
 * matched = each pledge's share of what was raised (capped), people helped = the last line's running count.
 */
export function progressReader(repo: CharityRepository, totals: DonationTotals) {
  return async function progressOf(p: CharityProjectDoc): Promise<Progress> {
    const [raisedFen, last, pledges] = await Promise.all([totals.raisedFen(p._id), repo.lastSpending(p._id), repo.pledgesOf(p._id)]);
    const peopleHelped = last?.cumulativePeople ?? 0;
    const matched = pledges.map((pledge) => ({ pledge, matchedFen: matchedFen(pledge, raisedFen) }));
    const matchedTotal = matched.reduce((s, m) => s + m.matchedFen, 0);
    return {
      goalFen: p.goalFen, raisedFen, matchedFen: matchedTotal, spentFen: last?.cumulativeFen ?? 0, peopleHelped,
      percent: percentOfGoal(raisedFen + matchedTotal, p.goalFen), pledges: matched,
    };
  };
}
export type ProgressReader = ReturnType<typeof progressReader>;
