import type { EstimateResult } from '../schemas/policy';
import { memberLabel, type Household } from './household';
import { describeRate, floorNote, monthlyRateFen } from './rates';
import type { PersonRate } from './standards';
import { divideRoundHalfUp, formatYuan } from '../money';

const CONDITION = '特困条件：年满60周岁、未满18周岁或一、二级残疾，且无劳动能力、无收入、无法定赡养抚养扶养义务人';

/** Children already covered by the orphan / unsupported-child allowance are not assessed as tekun, so one child is not paid twice. */
const COVERED_AS_CHILD = new Set(['orphanInstitutional', 'orphanCommunity', 'unsupportedChild']);

/** Why member i qualifies for tekun, or undefined. Absent canWork / hasSupporter count as "yes" (the conservative reading). */
function tekunGround(h: Household, i: number): string | undefined {
  const m = h.request.members[i];
  if (m.childStatus && COVERED_AS_CHILD.has(m.childStatus)) return undefined;
  const group = m.age >= 60 ? `${m.age}岁，年满60周岁` : m.age < 18 ? `${m.age}岁，未满18周岁` : m.disabilityGrade === 1 || m.disabilityGrade === 2 ? `${m.disabilityGrade === 1 ? '一' : '二'}级残疾` : undefined;
  if (!group || m.canWork !== false || m.hasSupporter !== false || h.incomes[i].countedFen !== 0) return undefined;
  return `${memberLabel(i)}（${group}）无劳动能力、无收入、无法定赡养抚养扶养义务人，符合特困人员条件`;
}

/** Indexes of members who qualify for tekun: they are then not counted for dibao. */
export function tekunMembers(h: Household): number[] {
  return h.request.members.flatMap((_, i) => (tekunGround(h, i) ? [i] : []));
}

/**
 * The monthly tekun amount per person. Where the rate also says "不低于低保标准的 k 倍"
 * (`minMultipleOfDibao`), that floor is k × the monthly dibao standard of the same hukou, rounded
 * half up to the fen (k read as per-mille, integer arithmetic), and the higher floor applies.
 */
function tekunFloor(h: Household, rate: PersonRate): { perPersonFen: number; reasons: string[] } {
  const published = monthlyRateFen(rate);
  if (rate.minMultipleOfDibao === undefined) return { perPersonFen: published, reasons: [] };
  const multiple = rate.minMultipleOfDibao;
  const dibao = h.standards.rates.dibao?.[h.request.hukou];
  if (!dibao) return { perPersonFen: published, reasons: [`${h.region}暂无${h.hukouLabel}低保标准数据，“不低于低保标准的 ${multiple} 倍”无法计算，按公布的金额测算`] };
  const dibaoMonthly = monthlyRateFen(dibao);
  const fromMultiple = divideRoundHalfUp(Math.round(multiple * 1000) * dibaoMonthly, 1000);
  const multipleText = `不低于低保标准的 ${multiple} 倍：${formatYuan(dibaoMonthly)} × ${multiple} = ${formatYuan(fromMultiple)} 元/人·月（四舍五入到分）`;
  if (fromMultiple > published) {
    return { perPersonFen: fromMultiple, reasons: [multipleText, `两个下限取较高者：按低保标准的 ${multiple} 倍 ${formatYuan(fromMultiple)} 元/人·月测算（高于公布金额折算的 ${formatYuan(published)} 元/人·月）`] };
  }
  return { perPersonFen: published, reasons: [multipleText, `两个下限取较高者：按公布金额 ${formatYuan(published)} 元/人·月测算（不低于低保标准的 ${multiple} 倍 ${formatYuan(fromMultiple)} 元/人·月）`] };
}

export function assessTekun(h: Household, members: number[]): EstimateResult {
  if (members.length === 0) return { programme: 'tekun', eligible: false, reasons: [`没有符合特困人员条件的成员（${CONDITION}）`] };
  const grounds = members.map((i) => tekunGround(h, i) as string);
  const rate = h.standards.rates.tekun?.[h.request.hukou];
  if (!rate) {
    return { programme: 'tekun', eligible: false, noStandard: true, memberIndexes: members, reasons: [...grounds, `${h.region}暂无${h.hukouLabel}特困人员基本生活标准数据，无法测算该项目`] };
  }
  const floor = tekunFloor(h, rate);
  const perPerson = floor.perPersonFen;
  const total = perPerson * members.length;
  return {
    programme: 'tekun',
    eligible: true,
    monthlyAmountFen: total,
    memberIndexes: members,
    reasons: [
      ...grounds,
      describeRate(`${h.region}${h.hukouLabel}特困人员基本生活标准`, rate),
      ...floor.reasons,
      `特困供养金 = ${formatYuan(perPerson)} × ${members.length} 人 = ${formatYuan(total)} 元/月`,
      ...floorNote(rate),
      '特困人员不再计入低保家庭人数（特困与低保不重复享受）',
    ],
  };
}
