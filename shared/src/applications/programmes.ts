/**
 * The programmes a resident can apply for from the phone, each with its declared form and
 * document checklist. One place: the API validates submissions against it, the mini-program
 * renders the type picker, the checklist (shown before the resident starts) and the form from it.
 */
import { programmeName } from '../programmes';

export const APPLICATION_PROGRAMMES = [
  'dibao',
  'tekun',
  'temporary',
  'disabilityLiving',
  'disabilityCare',
  'orphan',
  'childInHardship',
  'unsupportedChild',
  'expenditureHardship',
] as const;
export type ApplicationProgramme = (typeof APPLICATION_PROGRAMMES)[number];

/** The form's steps, in order. `documents` is always last before the review page. */
export type FormStepKey = 'members' | 'incomes' | 'assets' | 'reason' | 'documents';

/** Optional per-member questions a programme asks (beyond name, relation and ID number). */
export type MemberFieldKey = 'age' | 'canWork' | 'hasSupporter' | 'disabilityGrade' | 'seriousIllness' | 'childStatus';

export interface DocumentItem {
  key: string;
  label: string;
  required: boolean;
  hint: string;
}

export interface ProgrammeDefinition {
  programme: ApplicationProgramme;
  name: string;
  summary: string;
  /** Who may be eligible, in plain words, shown on the type picker. */
  whoMayApply: string;
  /** Programmes for children: never publicly posted. */
  forChildren: boolean;
  /** Household programmes ask for every member; the others only for the person concerned. */
  household: boolean;
  /** Paid monthly, or once. */
  payment: 'monthly' | 'oneOff';
  steps: FormStepKey[];
  memberFields: MemberFieldKey[];
  documents: DocumentItem[];
}

const ID: DocumentItem = { key: 'idCard', label: '申请人身份证', required: true, hint: '正反面照片或扫描件' };
const HOUSEHOLD_REGISTER: DocumentItem = { key: 'householdRegister', label: '户口簿', required: true, hint: '户主页及每位家庭成员页' };
const INCOME: DocumentItem = { key: 'incomeProof', label: '家庭成员收入情况说明', required: false, hint: '工资单、养老金凭证等；无收入可不上传，由工作人员核实' };
const DISABILITY_CERT: DocumentItem = { key: 'disabilityCertificate', label: '残疾人证', required: false, hint: '家庭成员有残疾的请上传' };
const MEDICAL: DocumentItem = { key: 'medicalRecords', label: '病历或医疗费用票据', required: false, hint: '家庭成员患重病的请上传' };
const GUARDIAN: DocumentItem = { key: 'guardianId', label: '监护人身份证', required: true, hint: '由监护人代为申请' };

export const PROGRAMME_DEFINITIONS: Record<ApplicationProgramme, ProgrammeDefinition> = {
  dibao: {
    programme: 'dibao',
    name: programmeName('dibao'),
    summary: '家庭人均收入低于当地低保标准、财产符合规定的，按差额每月发放低保金。',
    whoMayApply: '共同生活的家庭成员人均月收入低于当地低保标准的家庭',
    forChildren: false,
    household: true,
    payment: 'monthly',
    steps: ['members', 'incomes', 'assets', 'reason', 'documents'],
    memberFields: ['age', 'canWork', 'disabilityGrade', 'seriousIllness'],
    documents: [ID, HOUSEHOLD_REGISTER, INCOME, DISABILITY_CERT, MEDICAL],
  },
  tekun: {
    programme: 'tekun',
    name: programmeName('tekun'),
    summary: '无劳动能力、无生活来源、无法定赡养抚养扶养义务人的老年人、残疾人和未成年人，按特困标准供养。',
    whoMayApply: '60周岁以上老年人、未满18周岁未成年人或重度残疾人，且“三无”的',
    forChildren: false,
    household: true,
    payment: 'monthly',
    steps: ['members', 'incomes', 'assets', 'reason', 'documents'],
    memberFields: ['age', 'canWork', 'hasSupporter', 'disabilityGrade', 'seriousIllness'],
    documents: [ID, HOUSEHOLD_REGISTER, DISABILITY_CERT, { key: 'noSupporterStatement', label: '无法定义务人或义务人无履行能力的说明', required: false, hint: '可由村（居）委会出具' }],
  },
  temporary: {
    programme: 'temporary',
    name: programmeName('temporary'),
    summary: '因火灾、交通事故、突发重病等意外（急难型），或因生活必需支出突然增加（支出型）导致基本生活暂时困难的，给予一次性救助。',
    whoMayApply: '遭遇突发事件、意外伤害或重大疾病，基本生活陷入困境的家庭或个人',
    forChildren: false,
    household: true,
    payment: 'oneOff',
    steps: ['members', 'incomes', 'reason', 'documents'],
    memberFields: ['age', 'seriousIllness'],
    documents: [ID, { key: 'hardshipProof', label: '困难情况证明材料', required: false, hint: '医疗票据、事故或受灾证明等；急难情况可先申请后补交' }],
  },
  disabilityLiving: {
    programme: 'disabilityLiving',
    name: programmeName('disabilityLiving'),
    summary: '低保家庭中的残疾人，按残疾等级每月发放生活补贴。',
    whoMayApply: '持第二代残疾人证、在低保家庭中的残疾人',
    forChildren: false,
    household: false,
    payment: 'monthly',
    steps: ['members', 'reason', 'documents'],
    memberFields: ['disabilityGrade'],
    documents: [ID, { ...DISABILITY_CERT, required: true, hint: '第二代残疾人证' }],
  },
  disabilityCare: {
    programme: 'disabilityCare',
    name: programmeName('disabilityCare'),
    summary: '残疾等级为一级、二级且需要长期照护的重度残疾人，每月发放护理补贴。',
    whoMayApply: '持第二代残疾人证、残疾等级为一级或二级的',
    forChildren: false,
    household: false,
    payment: 'monthly',
    steps: ['members', 'reason', 'documents'],
    memberFields: ['disabilityGrade'],
    documents: [ID, { ...DISABILITY_CERT, required: true, hint: '第二代残疾人证（一级或二级）' }],
  },
  orphan: {
    programme: 'orphan',
    name: programmeName('orphan'),
    summary: '失去父母或查找不到生父母的未满18周岁儿童，每月发放基本生活费。',
    whoMayApply: '未满18周岁的孤儿（由监护人代为申请）',
    forChildren: true,
    household: false,
    payment: 'monthly',
    steps: ['members', 'reason', 'documents'],
    memberFields: ['age', 'childStatus'],
    documents: [{ ...ID, label: '儿童身份证或户口簿' }, GUARDIAN, { key: 'parentsDeathProof', label: '父母死亡或宣告失踪证明', required: true, hint: '死亡证明、法院宣告失踪文书等' }],
  },
  childInHardship: {
    programme: 'childInHardship',
    name: programmeName('childInHardship'),
    summary: '因家庭贫困、自身残疾或重病等陷入困境的重点儿童，每月发放基本生活费。',
    whoMayApply: '未满18周岁、符合当地重点困境儿童认定条件的儿童（由监护人代为申请）',
    forChildren: true,
    household: false,
    payment: 'monthly',
    steps: ['members', 'reason', 'documents'],
    memberFields: ['age', 'childStatus', 'disabilityGrade', 'seriousIllness'],
    documents: [{ ...ID, label: '儿童身份证或户口簿' }, GUARDIAN, { key: 'hardshipProof', label: '困境情况证明', required: false, hint: '残疾证、病历或低保证等' }],
  },
  unsupportedChild: {
    programme: 'unsupportedChild',
    name: programmeName('unsupportedChild'),
    summary: '父母双方均符合重残、重病、服刑、失联等情形之一的儿童，参照孤儿标准发放基本生活补贴。',
    whoMayApply: '未满18周岁、父母均无法履行抚养义务的儿童（由监护人代为申请）',
    forChildren: true,
    household: false,
    payment: 'monthly',
    steps: ['members', 'reason', 'documents'],
    memberFields: ['age', 'childStatus'],
    documents: [{ ...ID, label: '儿童身份证或户口簿' }, GUARDIAN, { key: 'parentsSituationProof', label: '父母情况证明', required: true, hint: '残疾证、病历、服刑或失联证明等' }],
  },
  expenditureHardship: {
    programme: 'expenditureHardship',
    name: programmeName('expenditureHardship'),
    summary: '因医疗、教育等刚性支出过大，导致基本生活出现严重困难的家庭。',
    whoMayApply: '刚性支出超过家庭承受能力、人均收入扣除刚性支出后低于当地标准的家庭',
    forChildren: false,
    household: true,
    payment: 'monthly',
    steps: ['members', 'incomes', 'assets', 'reason', 'documents'],
    memberFields: ['age', 'canWork', 'disabilityGrade', 'seriousIllness'],
    documents: [ID, HOUSEHOLD_REGISTER, INCOME, { ...MEDICAL, label: '刚性支出票据', hint: '医疗、教育等支出票据' }],
  },
};

export const FORM_STEP_TITLES: Record<FormStepKey, string> = {
  members: '家庭成员',
  incomes: '收入情况',
  assets: '财产情况',
  reason: '申请理由',
  documents: '证明材料',
};

export const MEMBER_RELATIONS = ['self', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other'] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];
export const RELATION_LABELS: Record<MemberRelation, string> = {
  self: '本人', spouse: '配偶', child: '子女', parent: '父母', grandparent: '（外）祖父母', grandchild: '（外）孙子女', sibling: '兄弟姐妹', other: '其他共同生活人员',
};

export const INCOME_KIND_LABELS = {
  wage: '工资性收入', business: '经营净收入', property: '财产净收入', transfer: '转移净收入', pension: '养老金', assistance: '救助金（不计入收入）',
} as const;
export type ApplicationIncomeKind = keyof typeof INCOME_KIND_LABELS;

export const CHILD_STATUS_LABELS = {
  orphanInstitutional: '机构养育孤儿', orphanCommunity: '社会散居孤儿', childInHardship: '重点困境儿童', unsupportedChild: '事实无人抚养儿童',
} as const;
export type ApplicationChildStatus = keyof typeof CHILD_STATUS_LABELS;

export const MEMBER_FIELD_LABELS: Record<MemberFieldKey, string> = {
  age: '年龄', canWork: '有劳动能力', hasSupporter: '有法定赡养/抚养/扶养义务人', disabilityGrade: '残疾等级', seriousIllness: '患重病', childStatus: '儿童情况',
};

export const TEMPORARY_KIND_LABELS = { emergency: '急难型（突发事件、意外）', expenditure: '支出型（生活必需支出突增）' } as const;
export type TemporaryKind = keyof typeof TEMPORARY_KIND_LABELS;

/**
 * 家庭经济状况核对授权书: the text the resident agrees to. A new wording gets a new version; the
 * application records the version and the moment of consent.
 */
export const CHECK_AUTHORIZATION = {
  version: '2026-01',
  title: '家庭经济状况核对授权书',
  text:
    '本人及共同生活的家庭成员申请社会救助，自愿授权民政部门及其委托的核对机构，依法向公安、人力资源社会保障、自然资源、住房城乡建设、市场监管、税务、金融等部门和机构查询、核对本人及家庭成员的户籍、收入、财产等家庭经济状况信息。' +
    '授权期限自签署之日起至救助终止之日止，核对结果仅用于社会救助审核确认和复核，不作他用。本人承诺所提供的信息真实、完整，如有隐瞒或虚报，愿承担相应法律责任。',
} as const;

