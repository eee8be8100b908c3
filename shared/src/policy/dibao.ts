import type { EstimateResult } from '../schemas/policy';
import { memberLabel, type Household } from './household';
import { describeRate, monthlyRateFen } from './rates';
import { divideRoundHalfUp, formatYuan } from '../money';

export interface DibaoAssessment {
  dibao: EstimateResult;
  dibaoEdge: EstimateResult;
  /** Members who would receive dibao (the counted household, or 单人保 members): they qualify for disabilityLiving and heating. */
  recipients: number[];
}

const ASSETS_NOTE = '已填写家庭财产，本测算暂未评估财产状况，实际认定以家庭经济状况核对为准';

/** The income lines: total counted, what was left out and why. */
function incomeReasons(h: Household, counted: number[], incomeFen: number): string[] {
  const assistance = counted.reduce((s, i) => s + h.incomes[i].assistanceFen, 0);
  const deduction = counted.reduce((s, i) => s + h.incomes[i].wageDeductionFen, 0);
  const lines = [`计入低保的家庭成员 ${counted.length} 人，家庭月计算收入 ${formatYuan(incomeFen)} 元，人均 ${formatYuan(divideRoundHalfUp(incomeFen, counted.length))} 元/月`];
  if (assistance > 0) lines.push(`救助金 ${formatYuan(assistance)} 元/月不计入家庭收入`);
  if (deduction > 0) lines.push(`工资收入已扣除就业成本 ${formatYuan(deduction)} 元/月（扣除比例 ${h.deductionBasisPoints / 100}%）`);
  return lines;
}

/**
 * Dibao for the household (standard × counted members − counted income, when per-capita income is
 * below the standard), near-dibao (below the configured multiple), and single-person dibao (单人保)
 * for a member of a near-dibao household with disability grade 1–2 or a serious illness.
 */
export function assessDibao(h: Household, tekun: number[]): DibaoAssessment {
  const rate = h.standards.rates.dibao?.[h.request.hukou];
  const label = `${h.region}${h.hukouLabel}低保标准`;
  if (!rate) {
    const reasons = [`${h.region}暂无${h.hukouLabel}低保标准数据，无法测算该项目`];
    return { dibao: { programme: 'dibao', eligible: false, noStandard: true, reasons }, dibaoEdge: { programme: 'dibaoEdge', eligible: false, noStandard: true, reasons }, recipients: [] };
  }
  const counted = h.request.members.flatMap((_, i) => (tekun.includes(i) ? [] : [i]));
  if (counted.length === 0) {
    const reasons = ['家庭成员均按特困人员测算，不再计算低保（特困与低保不重复享受）'];
    return { dibao: { programme: 'dibao', eligible: false, reasons }, dibaoEdge: { programme: 'dibaoEdge', eligible: false, reasons }, recipients: [] };
  }
  const standard = monthlyRateFen(rate);
  const incomeFen = counted.reduce((s, i) => s + h.incomes[i].countedFen, 0);
  const assets = h.request.assets ? [ASSETS_NOTE] : [];
  const common = [describeRate(label, rate), ...(tekun.length ? [`${tekun.map(memberLabel).join('、')}按特困人员测算，不计入低保家庭人数`] : []), ...incomeReasons(h, counted, incomeFen)];

  // Per-capita income < standard  ⇔  income < standard × members: compared without division.
  if (incomeFen < standard * counted.length) {
    const amount = standard * counted.length - incomeFen;
    return {
      dibao: {
        programme: 'dibao', eligible: true, monthlyAmountFen: amount, ...(tekun.length ? { memberIndexes: counted } : {}),
        reasons: [...common, `人均收入低于低保标准，低保金 = ${formatYuan(standard)} × ${counted.length} − ${formatYuan(incomeFen)} = ${formatYuan(amount)} 元/月`, ...assets],
      },
      dibaoEdge: { programme: 'dibaoEdge', eligible: false, reasons: ['家庭已符合低保条件，不按低保边缘家庭测算'] },
      recipients: counted,
    };
  }

  const multiple = h.edgePermille / 1000;
  const edgeLine = `低保边缘家庭标准：人均收入低于低保标准的 ${multiple} 倍，即 ${formatYuan(divideRoundHalfUp(h.edgePermille * standard, 1000))} 元/人·月`;
  const notDibao = `人均收入不低于低保标准 ${formatYuan(standard)} 元，家庭不符合低保条件`;
  const isEdge = incomeFen * 1000 < h.edgePermille * standard * counted.length;
  const dibaoEdge: EstimateResult = isEdge
    ? { programme: 'dibaoEdge', eligible: true, reasons: [...common, edgeLine, '人均收入低于该标准，属于低保边缘家庭（可获专项救助等帮扶，不发低保金）', ...assets] }
    : { programme: 'dibaoEdge', eligible: false, reasons: [...common, edgeLine, '人均收入不低于该标准，不属于低保边缘家庭', ...assets] };
  if (!isEdge) return { dibao: { programme: 'dibao', eligible: false, reasons: [...common, notDibao, ...assets] }, dibaoEdge, recipients: [] };

  // 单人保: the member alone is treated as a household of one (standard − own counted income).
  const single = counted.filter((i) => {
    const m = h.request.members[i];
    return (m.disabilityGrade === 1 || m.disabilityGrade === 2 || m.seriousIllness === true) && h.incomes[i].countedFen < standard;
  });
  if (single.length === 0) {
    return { dibao: { programme: 'dibao', eligible: false, reasons: [...common, notDibao, '家庭中没有可单独纳入低保（单人保）的一、二级残疾或重病成员', ...assets] }, dibaoEdge, recipients: [] };
  }
  const lines = single.map((i) => {
    const m = h.request.members[i];
    const why = m.disabilityGrade === 1 || m.disabilityGrade === 2 ? `${m.disabilityGrade === 1 ? '一' : '二'}级残疾` : '患重病';
    const own = h.incomes[i].countedFen;
    return `${memberLabel(i)}${why}，可单独纳入低保（单人保）：${formatYuan(standard)} − 本人月计算收入 ${formatYuan(own)} = ${formatYuan(standard - own)} 元/月`;
  });
  const amount = single.reduce((s, i) => s + standard - h.incomes[i].countedFen, 0);
  return {
    dibao: {
      programme: 'dibao', eligible: true, monthlyAmountFen: amount, memberIndexes: single,
      reasons: [...common, notDibao, '低保边缘家庭中的一、二级残疾或重病成员可按单人保单独纳入低保', ...lines, ...assets],
    },
    dibaoEdge,
    recipients: single,
  };
}
