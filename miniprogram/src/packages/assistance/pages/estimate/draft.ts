import type { ChildStatus, DisabilityGrade, EstimateMember, EstimateRequest, Hukou, IncomeKind } from '@dajiuzhu/shared';
import { isRegionCode } from '@dajiuzhu/shared/src/rules/region';
import { parseYuanInput } from '@dajiuzhu/shared/src/money';

/** What the form holds: text as typed, so nothing is lost or rounded while the person types. */
export interface HouseholdMemberDraft {
  key: number;
  age: string;
  /** Unanswered stays absent in the request (the estimate then counts the member as able to work / supported). */
  canWork?: boolean;
  hasSupporter?: boolean;
  disabilityGrade: 0 | DisabilityGrade;
  seriousIllness: boolean;
  childStatus?: ChildStatus;
  incomes: Record<IncomeKind, string>;
}

export const INCOME_KINDS: { kind: IncomeKind; label: string }[] = [
  { kind: 'wage', label: '工资收入' },
  { kind: 'business', label: '经营收入' },
  { kind: 'property', label: '财产收入（租金、利息等）' },
  { kind: 'transfer', label: '转移性收入（赡养费等）' },
  { kind: 'pension', label: '养老金' },
  { kind: 'assistance', label: '救助金（不计入收入）' },
];

export const CHILD_STATUSES: { value: ChildStatus; label: string }[] = [
  { value: 'orphanInstitutional', label: '孤儿（福利机构养育）' },
  { value: 'orphanCommunity', label: '孤儿（社会散居）' },
  { value: 'childInHardship', label: '重点困境儿童' },
  { value: 'unsupportedChild', label: '事实无人抚养儿童' },
];

export const REGIONS: { code: string; name: string }[] = [
  { code: '371400', name: '德州市' },
  { code: '371500', name: '聊城市' },
  { code: '431300', name: '娄底市' },
];

let nextKey = 1;
export function emptyHouseholdMember(): HouseholdMemberDraft {
  return {
    key: nextKey++,
    age: '',
    disabilityGrade: 0,
    seriousIllness: false,
    incomes: { wage: '', business: '', property: '', transfer: '', pension: '', assistance: '' },
  };
}

export function parseAge(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 150 ? n : undefined;
}

export const isChild = (m: HouseholdMemberDraft) => {
  const age = parseAge(m.age);
  return age !== undefined && age < 18;
};

export interface FormDraft {
  regionCode: string;
  hukou: Hukou | '';
  members: HouseholdMemberDraft[];
}

/** Problems keyed `region`, `hukou`, `<memberKey>.age`, `<memberKey>.<incomeKind>`. */
export type Problems = Record<string, string>;

/** The request the estimate takes, or the problems that stop it (shown beside the fields). */
export function toRequest(form: FormDraft): { request?: EstimateRequest; problems: Problems } {
  const problems: Problems = {};
  const regionCode = form.regionCode.trim();
  if (!isRegionCode(regionCode)) problems.region = regionCode ? '地区代码应为6位、9位或12位数字，如 371400' : '请选择所在地区';
  if (!form.hukou) problems.hukou = '请选择户籍类型';
  const members: EstimateMember[] = form.members.map((m) => {
    const age = parseAge(m.age);
    if (age === undefined) problems[`${m.key}.age`] = m.age.trim() ? '年龄应为0到150之间的整数' : '请填写年龄';
    const incomes: NonNullable<EstimateMember['incomes']> = [];
    for (const { kind } of INCOME_KINDS) {
      const parsed = parseYuanInput(m.incomes[kind]);
      if ('problem' in parsed) problems[`${m.key}.${kind}`] = parsed.problem;
      else if (parsed.fen) incomes.push({ kind, monthlyFen: parsed.fen });
    }
    const member: EstimateMember = { age: age ?? 0 };
    if (m.canWork !== undefined) member.canWork = m.canWork;
    if (m.hasSupporter !== undefined) member.hasSupporter = m.hasSupporter;
    if (m.disabilityGrade) member.disabilityGrade = m.disabilityGrade;
    if (m.seriousIllness) member.seriousIllness = true;
    if (m.childStatus && age !== undefined && age < 18) member.childStatus = m.childStatus;
    if (incomes.length) member.incomes = incomes;
    return member;
  });
  if (members.length === 0) problems.members = '请至少添加一位家庭成员';
  if (Object.keys(problems).length > 0 || !form.hukou) return { problems };
  return { request: { regionCode, hukou: form.hukou, members }, problems };
}
