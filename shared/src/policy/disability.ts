import type { EstimateResult, EstimateProgramme } from '../schemas/policy';
import type { PersonRate } from './standards';
import { memberLabel, type Household } from './household';
import { describeRate, monthlyRateFen } from './rates';
import { formatYuan } from '../money';

const GRADE = ['', '一', '二', '三', '四'];

/** Sums a per-member rate over the given members, with one reason per member. */
function perMember(h: Household, programme: EstimateProgramme, members: number[], pick: (i: number) => { rate?: PersonRate; label: string }): EstimateResult {
  const reasons: string[] = [];
  const paid: number[] = [];
  let total = 0;
  for (const i of members) {
    const { rate, label } = pick(i);
    if (!rate) { reasons.push(`${memberLabel(i)}：${h.region}暂无${label}数据，无法测算`); continue; }
    const fen = monthlyRateFen(rate);
    reasons.push(`${memberLabel(i)}：${describeRate(`${h.region}${label}`, rate)}`);
    paid.push(i);
    total += fen;
  }
  if (paid.length === 0) return { programme, eligible: false, noStandard: true, memberIndexes: members, reasons };
  if (paid.length > 1) reasons.push(`合计 ${formatYuan(total)} 元/月`);
  return { programme, eligible: true, monthlyAmountFen: total, memberIndexes: paid, reasons };
}

/** 困难残疾人生活补贴: disabled members of a dibao household (or 单人保), by grade. */
export function assessDisabilityLiving(h: Household, dibaoRecipients: number[]): EstimateResult {
  const disabled = h.request.members.flatMap((m, i) => (m.disabilityGrade ? [i] : []));
  if (disabled.length === 0) return { programme: 'disabilityLiving', eligible: false, reasons: ['家庭成员中没有持证残疾人'] };
  if (!h.standards.rates.disabilityLiving) return { programme: 'disabilityLiving', eligible: false, noStandard: true, reasons: [`${h.region}暂无困难残疾人生活补贴标准数据，无法测算该项目`] };
  const inDibao = disabled.filter((i) => dibaoRecipients.includes(i));
  if (inDibao.length === 0) return { programme: 'disabilityLiving', eligible: false, reasons: ['困难残疾人生活补贴发给低保家庭中的残疾人；按本次测算，残疾成员不在低保范围内'] };
  const rates = h.standards.rates.disabilityLiving;
  return perMember(h, 'disabilityLiving', inDibao, (i) => {
    const grade = h.request.members[i].disabilityGrade as number;
    return grade <= 2 ? { rate: rates.grade1to2, label: '困难残疾人生活补贴（一、二级）标准' } : { rate: rates.grade3to4, label: '困难残疾人生活补贴（三、四级）标准' };
  });
}

/** 重度残疾人护理补贴: every member with disability grade 1 or 2, regardless of income. */
export function assessDisabilityCare(h: Household): EstimateResult {
  const severe = h.request.members.flatMap((m, i) => (m.disabilityGrade === 1 || m.disabilityGrade === 2 ? [i] : []));
  if (severe.length === 0) return { programme: 'disabilityCare', eligible: false, reasons: ['重度残疾人护理补贴发给一、二级残疾人，家庭成员中没有'] };
  if (!h.standards.rates.disabilityCare) return { programme: 'disabilityCare', eligible: false, noStandard: true, reasons: [`${h.region}暂无重度残疾人护理补贴标准数据，无法测算该项目`] };
  const rates = h.standards.rates.disabilityCare;
  const result = perMember(h, 'disabilityCare', severe, (i) => {
    const grade = h.request.members[i].disabilityGrade as 1 | 2;
    return { rate: grade === 1 ? rates.grade1 : rates.grade2, label: `重度残疾人护理补贴（${GRADE[grade]}级）标准` };
  });
  return { ...result, reasons: ['重度残疾人护理补贴不看家庭收入', ...result.reasons] };
}
