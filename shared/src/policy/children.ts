import type { ChildStatus, EstimateResult } from '../schemas/policy';
import type { PersonRate } from './standards';
import { memberLabel, type Household } from './household';
import { describeRate, monthlyRateFen } from './rates';
import { formatYuan } from '../money';

type ChildProgramme = 'orphan' | 'childInHardship' | 'unsupportedChild';

const STATUS: Record<ChildStatus, { programme: ChildProgramme; label: string; rate: (h: Household) => PersonRate | undefined }> = {
  orphanInstitutional: { programme: 'orphan', label: '机构养育孤儿基本生活费标准', rate: (h) => h.standards.rates.orphan?.institutional },
  orphanCommunity: { programme: 'orphan', label: '社会散居孤儿基本生活费标准', rate: (h) => h.standards.rates.orphan?.community },
  childInHardship: { programme: 'childInHardship', label: '重点困境儿童基本生活费标准', rate: (h) => h.standards.rates.childInHardship },
  unsupportedChild: { programme: 'unsupportedChild', label: '事实无人抚养儿童基本生活费标准', rate: (h) => h.standards.rates.unsupportedChild },
};

const NAME: Record<ChildProgramme, string> = { orphan: '孤儿', childInHardship: '重点困境儿童', unsupportedChild: '事实无人抚养儿童' };

/** Children's allowances for the members who say they are in that situation (under 18 only). */
export function assessChildren(h: Household, programme: ChildProgramme): EstimateResult {
  const claimed = h.request.members.flatMap((m, i) => (m.childStatus && STATUS[m.childStatus].programme === programme ? [i] : []));
  if (claimed.length === 0) return { programme, eligible: false, reasons: [`家庭成员中没有${NAME[programme]}`] };
  const reasons: string[] = [];
  const paid: number[] = [];
  let total = 0;
  let missing = false;
  for (const i of claimed) {
    const m = h.request.members[i];
    const spec = STATUS[m.childStatus as ChildStatus];
    const rate = spec.rate(h);
    if (m.age >= 18) { reasons.push(`${memberLabel(i)}已满18周岁，不再享受${NAME[programme]}基本生活费`); continue; }
    if (!rate) { missing = true; reasons.push(`${h.region}暂无${spec.label.replace('标准', '')}标准数据，无法测算该项目`); continue; }
    reasons.push(`${memberLabel(i)}：${describeRate(`${h.region}${spec.label}`, rate)}`);
    paid.push(i);
    total += monthlyRateFen(rate);
  }
  const grant = programme === 'unsupportedChild' ? h.standards.rates.unsupportedChildSchoolGrant : undefined;
  if (grant && paid.length) reasons.push(`另有${describeRate('事实无人抚养儿童助学金（试点）', grant)}，不计入月额`);
  if (paid.length === 0) return { programme, eligible: false, ...(missing ? { noStandard: true } : {}), memberIndexes: claimed, reasons };
  if (paid.length > 1) reasons.push(`合计 ${formatYuan(total)} 元/月`);
  return { programme, eligible: true, monthlyAmountFen: total, memberIndexes: paid, reasons };
}
