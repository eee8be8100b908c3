import type { ApplicationDocument, ApplicationForm } from '../schemas/application';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES } from '../rules/idNumber';
import { PROGRAMME_DEFINITIONS, type ApplicationProgramme } from './programmes';

export interface FormProblem {
  path: string;
  message: string;
}

const CHILD_PROGRAMME_STATUS: Partial<Record<ApplicationProgramme, readonly string[]>> = {
  orphan: ['orphanInstitutional', 'orphanCommunity'],
  childInHardship: ['childInHardship'],
  unsupportedChild: ['unsupportedChild'],
};

/**
 * What still stands between a form and its submission, in plain Chinese. The same check runs on
 * the phone (the review page lists it) and on the server (submission refused while any remain).
 * The applicant's own ID number comes from the real-name profile (or the helper's entry), so the
 * "self" member needs none here; every other member needs a valid one.
 */
export function findApplicationProblems(programme: ApplicationProgramme, form: ApplicationForm, documents: readonly ApplicationDocument[], today?: string): FormProblem[] {
  const def = PROGRAMME_DEFINITIONS[programme];
  const out: FormProblem[] = [];
  const members = form.members ?? [];
  if (def.household && !form.hukou) out.push({ path: '/form/hukou', message: '请选择户籍类型（城市/农村）' });
  if (members.length === 0) out.push({ path: '/form/members', message: '请填写家庭成员（至少包括申请人本人）' });
  const selves = members.filter((m) => m.relation === 'self');
  if (members.length > 0 && selves.length !== 1) out.push({ path: '/form/members', message: '家庭成员中应有且只有一位“本人”' });
  if (!def.household && members.length > 1) out.push({ path: '/form/members', message: '该项目只需填写申请人本人' });
  const keys = new Set<string>();
  members.forEach((m, i) => {
    const at = `/form/members/${i}`;
    if (keys.has(m.key)) out.push({ path: `${at}/key`, message: '家庭成员重复' });
    keys.add(m.key);
    if (!m.name.trim()) out.push({ path: `${at}/name`, message: `请填写第${i + 1}位成员的姓名` });
    if (m.relation !== 'self') {
      if (m.idNumber) {
        const problem = findIdNumberProblem(m.idNumber, today);
        if (problem) out.push({ path: `${at}/idNumber`, message: `${m.name || `第${i + 1}位成员`}：${ID_NUMBER_PROBLEM_MESSAGES[problem]}` });
      } else if (!m.idNumberMasked) out.push({ path: `${at}/idNumber`, message: `请填写${m.name || `第${i + 1}位成员`}的身份证号` });
    }
  });
  const self = selves[0];
  if (self) {
    if (programme === 'disabilityLiving' && !self.disabilityGrade) out.push({ path: '/form/members/0/disabilityGrade', message: '请选择残疾等级' });
    if (programme === 'disabilityCare' && self.disabilityGrade !== 1 && self.disabilityGrade !== 2) out.push({ path: '/form/members/0/disabilityGrade', message: '重度残疾人护理补贴限一级、二级残疾人' });
    const childStatuses = CHILD_PROGRAMME_STATUS[programme];
    if (childStatuses && !(self.childStatus && childStatuses.includes(self.childStatus))) out.push({ path: '/form/members/0/childStatus', message: '请选择儿童情况' });
    if (childStatuses && self.age !== undefined && self.age >= 18) out.push({ path: '/form/members/0/age', message: '该项目只面向未满18周岁的儿童' });
  }
  if (!form.reason || form.reason.trim().length < 4) out.push({ path: '/form/reason', message: '请简要说明申请理由（至少4个字）' });
  if (programme === 'temporary' && !form.temporaryKind) out.push({ path: '/form/temporaryKind', message: '请选择临时救助类型（急难型/支出型）' });
  for (const item of def.documents) {
    if (item.required && !documents.some((d) => d.item === item.key)) out.push({ path: `/documents/${item.key}`, message: `请上传：${item.label}` });
  }
  for (const d of documents) {
    if (!def.documents.some((item) => item.key === d.item)) out.push({ path: `/documents/${d.item}`, message: '材料不在该项目的清单中' });
  }
  return out;
}
