import type { RegionPolicy } from '@dajiuzhu/shared';

/**
 * 娄底市 standards, quoted from the article named in `source` (shared/domain/articles/).
 * Yearly figures stay yearly (per: 'year'); the estimate converts them to monthly fen with the
 * one rounding rule (yearly fen ÷ 12, rounded half up to the fen; docs/policy.md). The article
 * publishes only dibao and tekun; the other programmes are absent.
 * Past periods never change: a new standard is a new period appended below.
 */
const SOURCE = 'loudi-2023-four-assistances.txt';

export const loudi: RegionPolicy = {
  regionCode: '431300',
  regionName: '娄底市',
  periods: [
    {
      // The article (2023) gives the standards "目前" without a start day: taken as 2023-01-01.
      effectiveFrom: '2023-01-01',
      rates: {
        dibao: {
          urban: { fen: 60200, per: 'month', source: SOURCE, note: '城乡低保保障标准达到602元/月（城市）' },
          rural: { fen: 507400, per: 'year', source: SOURCE, note: '5074元/年（农村）；按月折算 42283 分' },
        },
        tekun: {
          // Two floors: 1.3 × the dibao standard and the yearly figure; the estimate takes the higher.
          // Urban: 1.3 × 60200 = 78260 fen/month > 936000 ÷ 12 = 78000. Rural: 1.3 × 42283 = 54967.9
          // → 54968 fen/month (half up) > 628420 ÷ 12 = 52368.33 → 52368.
          urban: { fen: 936000, per: 'year', atLeast: true, minMultipleOfDibao: 1.3, source: SOURCE, note: '城、乡特困人员基本生活标准按照不低于低保标准的1.3倍相应提高至不低于9360元/年（城市）；按月折算 78000 分，1.3 倍低保为 78260 分/月' },
          rural: { fen: 628420, per: 'year', atLeast: true, minMultipleOfDibao: 1.3, source: SOURCE, note: '按照不低于低保标准的1.3倍相应提高至不低于6284.2元/年（农村）；按月折算 52368 分，1.3 倍低保为 54968 分/月' },
        },
      },
      employmentDeduction: { value: 0, source: SOURCE, note: '文章未公布就业成本扣除比例，按 0 计' },
      dibaoEdgeMultiple: { value: 1.5, note: '文章未公布低保边缘倍数，采用通行的 1.5 倍' },
    },
  ],
};
