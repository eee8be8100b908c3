import type { PersonRate, SchoolYearRate, WinterHouseholdRate } from './standards';
import { formatYuan, monthlyFromYearlyFen } from '../money';

/** A per-person rate as monthly fen: a yearly figure goes through the one rounding rule. */
export function monthlyRateFen(rate: PersonRate): number {
  return rate.per === 'year' ? monthlyFromYearlyFen(rate.fen) : rate.fen;
}

/** "德州市城市低保标准 755.00 元/人·月"; yearly figures also show the monthly conversion. */
export function describeRate(label: string, rate: PersonRate | WinterHouseholdRate | SchoolYearRate): string {
  const floor = rate.atLeast ? '不低于 ' : '';
  const yuan = formatYuan(rate.fen);
  switch (rate.per) {
    case 'month': return `${label} ${floor}${yuan} 元/人·月`;
    case 'year': return `${label} ${floor}${yuan} 元/人·年，按月折算 ${formatYuan(monthlyFromYearlyFen(rate.fen))} 元/人·月（年标准 ÷ 12，四舍五入到分）`;
    case 'winter': return `${label} 每户${floor}${yuan} 元（每个冬季发放一次）`;
    case 'schoolYear': return `${label} ${floor}${yuan} 元/人·学年`;
  }
}

/** A floor ("不低于") is estimated at the floor itself: the real amount may be higher. */
export function floorNote(rate: { atLeast?: boolean }): string[] {
  return rate.atLeast ? ['该标准为“不低于”的下限，按下限测算，实际金额以当地发放为准'] : [];
}
