/**
 * Programmes that appear in the ledger and on the 幸福清单, with wording an older person
 * understands. `cash` programmes are money paid; `otherHelp` entries (微心愿, services) are help
 * received that the statement lists separately.
 */
export type ProgrammeCategory = 'cash' | 'otherHelp';

export interface LedgerProgramme {
  code: string;
  /** Short name shown on the statement. */
  name: string;
  /** One plain sentence: what this money is. */
  plain: string;
  category: ProgrammeCategory;
}

export const LEDGER_PROGRAMMES: readonly LedgerProgramme[] = [
  { code: 'dibao', name: '最低生活保障金（低保）', plain: '每月发放的基本生活费', category: 'cash' },
  { code: 'dibaoEdge', name: '低保边缘家庭救助', plain: '收入略高于低保标准的家庭得到的帮扶', category: 'cash' },
  { code: 'tekun', name: '特困人员供养金', plain: '没有劳动能力、没有收入、没有人赡养的人员的生活费', category: 'cash' },
  { code: 'expenditureHardship', name: '支出型困难家庭救助', plain: '因看病、上学等开支造成困难时的帮扶', category: 'cash' },
  { code: 'temporary', name: '临时救助', plain: '遇到急事难事时一次性发放的救助金', category: 'cash' },
  { code: 'disabilityLiving', name: '困难残疾人生活补贴', plain: '每月发给困难残疾人的生活补贴', category: 'cash' },
  { code: 'disabilityCare', name: '重度残疾人护理补贴', plain: '每月发给重度残疾人的护理补贴', category: 'cash' },
  { code: 'orphan', name: '孤儿基本生活费', plain: '每月发给孤儿的生活费', category: 'cash' },
  { code: 'unsupportedChild', name: '事实无人抚养儿童生活费', plain: '每月发给无人抚养儿童的生活费', category: 'cash' },
  { code: 'childInHardship', name: '重点困境儿童生活费', plain: '每月发给困境儿童的生活费', category: 'cash' },
  { code: 'heating', name: '取暖补贴', plain: '冬季一次性发放的取暖费', category: 'cash' },
  { code: 'medical', name: '医疗救助', plain: '看病费用中由政府帮您承担的部分', category: 'cash' },
  { code: 'education', name: '教育救助', plain: '上学费用的补助', category: 'cash' },
  { code: 'housing', name: '住房救助', plain: '住房、危房改造的补助', category: 'cash' },
  { code: 'employment', name: '就业救助', plain: '找工作、参加培训的补助', category: 'cash' },
  { code: 'disaster', name: '受灾人员救助', plain: '遭受自然灾害后的救助', category: 'cash' },
  { code: 'winterSpring', name: '冬春生活救助', plain: '冬季和春季的生活救助', category: 'cash' },
  { code: 'charity', name: '慈善救助', plain: '慈善组织给予的帮助', category: 'cash' },
  { code: 'wish', name: '微心愿', plain: '爱心人士帮您实现的心愿', category: 'otherHelp' },
  { code: 'service', name: '关爱服务', plain: '上门探访、照料等服务', category: 'otherHelp' },
];

const BY_CODE = new Map(LEDGER_PROGRAMMES.map((p) => [p.code, p]));

export function ledgerProgramme(code: string): LedgerProgramme {
  return BY_CODE.get(code) ?? { code, name: code, plain: '', category: 'cash' };
}

export function isLedgerProgramme(code: string): boolean {
  return BY_CODE.has(code);
}
