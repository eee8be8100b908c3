import { communityNameOf, districtNameOf, isPublicStatus, regionNameOf, WISH_CATEGORIES, type StaffWishNumbers, type WishCounts, type WishNumbers, type WishStatusName } from '@dajiuzhu/shared';
import { requireStaff } from '../../../core/scope/staffScope';
import type { ActionContext } from '../../../core/context';
import type { WishRepository } from '../repository';

type WishRow = { _id: { status: string; regionCode: string; category: string }; n: number };
type LapsedRow = { _id: { regionCode: string; category: string }; n: number };

const sum = (rows: { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);

/** 征集 (every approved wish), 待认领, 已认领 (claimed or delivered), 已实现, and claims that lapsed. */
function countsFrom(rows: WishRow[], lapsed: LapsedRow[]): WishCounts {
  const c: WishCounts = { collected: 0, open: 0, claimed: 0, fulfilled: 0, lapsed: sum(lapsed) };
  for (const { _id: { status }, n } of rows) {
    if (status === 'open') c.open += n;
    if (status === 'claimed' || status === 'delivered') c.claimed += n;
    if (status === 'fulfilled') c.fulfilled += n;
    if (isPublicStatus(status as WishStatusName)) c.collected += n;
  }
  return c;
}

/** Numbers (数据): counts per region for the public, per community and category for staff. */
export function numbersService(deps: { repo: WishRepository }) {
  const { repo } = deps;
  async function rowsIn(scope: string) {
    const [rows, lapsed] = await Promise.all([repo.wishCounts(scope), repo.lapsedCounts(scope)]);
    return { rows, lapsed };
  }

  return {
    async forPublic(regionCode: string): Promise<WishNumbers> {
      const { rows, lapsed } = await rowsIn(regionCode);
      return { regionCode, regionName: regionNameOf(regionCode) ?? districtNameOf(regionCode), counts: countsFrom(rows, lapsed) };
    },

    async forStaff(ctx: ActionContext): Promise<StaffWishNumbers> {
      const scope = requireStaff(ctx.actor).regionCode;
      const { rows, lapsed } = await rowsIn(scope);
      const communities = [...new Set(rows.map((r) => r._id.regionCode))].sort();
      return {
        regionCode: scope,
        counts: countsFrom(rows, lapsed),
        pendingReview: sum(rows.filter((r) => r._id.status === 'pendingReview')),
        byCommunity: communities.map((code) => ({
          regionCode: code,
          name: communityNameOf(code),
          counts: countsFrom(rows.filter((r) => r._id.regionCode === code), lapsed.filter((r) => r._id.regionCode === code)),
        })),
        byCategory: WISH_CATEGORIES.map((category) => ({
          category,
          counts: countsFrom(rows.filter((r) => r._id.category === category), lapsed.filter((r) => r._id.category === category)),
        })),
      };
    },
  };
}
export type NumbersService = ReturnType<typeof numbersService>;
