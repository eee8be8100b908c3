import type { HappinessStats } from '@dajiuzhu/shared';
import type { LedgerRepository } from '../repository';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';

/** A region's year at a glance for staff: statements published, confirmed, rated, and questions open or answered. */
export function happinessStats(deps: { repo: LedgerRepository }) {
  const { repo } = deps;
  return async function stats(ctx: ActionContext, year: number, regionCode?: string): Promise<HappinessStats> {
    const region = regionCode ?? requireStaff(ctx.actor).regionCode;
    requireStaffCovering(ctx.actor, region);
    const [published, confirmations, scores, openQuestions, answeredQuestions] = await Promise.all([
      repo.countLists(year, region),
      repo.countConfirmations(year, region),
      // Summed here, not with $group: FerretDB v1.24 computes only the first accumulator of a $group.
      repo.ratingScores(year, region),
      repo.countQuestions(year, region, true),
      repo.countQuestions(year, region, false),
    ]);
    return { regionCode: region, year, published, confirmations, ratings: scores.length, ratingSum: scores.reduce((t, s) => t + s, 0), openQuestions, answeredQuestions };
  };
}
