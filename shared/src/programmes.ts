/**
 * THE programme table: one name per programme for every screen, PDF, message and statement
 * (GLOSSARY.md, 救助项目). `name` is the full name people see; `shortName` fits a chip or a chart
 * label; `plain` is one sentence an older person understands; `standardName` names the published
 * standard where a region publishes one. `otherHelp` entries (微心愿, services) are help received,
 * not money paid, and the 幸福清单 lists them separately.
 */
export type ProgrammeCategory = 'cash' | 'otherHelp';

export interface ProgrammeInfo {
  code: string;
  name: string;
  shortName: string;
  plain: string;
  category: ProgrammeCategory;
  standardName?: string;
}

const P = (code: string, name: string, shortName: string, plain: string, extra: Partial<ProgrammeInfo> = {}): ProgrammeInfo =>
  ({ code, name, shortName, plain, category: 'cash', ...extra });

export const PROGRAMMES: readonly ProgrammeInfo[] = [
  P('dibao', '最低生活保障（低保）', '低保', '每月发放的基本生活费', { standardName: '低保标准' }),
  P('dibaoEdge', '低保边缘家庭救助', '低保边缘', '收入略高于低保标准的家庭得到的帮扶'),
  P('tekun', '特困人员救助供养', '特困供养', '没有劳动能力、没有收入、没有人赡养的人员的生活费', { standardName: '特困人员基本生活标准' }),
  P('expenditureHardship', '支出型困难家庭救助', '支出型救助', '因看病、上学等开支造成困难时的帮扶'),
  P('temporary', '临时救助', '临时救助', '遇到急事难事时一次性发放的救助金'),
  P('disabilityLiving', '困难残疾人生活补贴', '残疾人生活补贴', '每月发给困难残疾人的生活补贴', { standardName: '困难残疾人生活补贴标准' }),
  P('disabilityCare', '重度残疾人护理补贴', '残疾人护理补贴', '每月发给重度残疾人的护理补贴', { standardName: '重度残疾人护理补贴标准' }),
  P('orphan', '孤儿基本生活费', '孤儿生活费', '每月发给孤儿的生活费', { standardName: '孤儿基本生活费标准' }),
  P('unsupportedChild', '事实无人抚养儿童基本生活补贴', '无人抚养儿童补贴', '每月发给无人抚养儿童的生活费', { standardName: '事实无人抚养儿童基本生活补贴标准' }),
  P('childInHardship', '重点困境儿童基本生活费', '困境儿童生活费', '每月发给困境儿童的生活费', { standardName: '重点困境儿童基本生活费标准' }),
  P('heating', '取暖补贴', '取暖补贴', '冬季一次性发放的取暖费', { standardName: '取暖补贴标准' }),
  P('medical', '医疗救助', '医疗救助', '看病费用中由政府帮您承担的部分'),
  P('education', '教育救助', '教育救助', '上学费用的补助'),
  P('housing', '住房救助', '住房救助', '住房、危房改造的补助'),
  P('employment', '就业救助', '就业救助', '找工作、参加培训的补助'),
  P('disaster', '受灾人员救助', '受灾救助', '遭受自然灾害后的救助'),
  P('winterSpring', '冬春生活救助', '冬春救助', '冬季和春季的生活救助'),
  P('charity', '慈善救助', '慈善救助', '慈善组织给予的帮助'),
  P('wish', '微心愿', '微心愿', '爱心人士帮您实现的心愿', { category: 'otherHelp' }),
  P('service', '关爱服务', '关爱服务', '上门探访、照料等服务', { category: 'otherHelp' }),
  P('charityProject', '慈善项目帮扶', '慈善项目', '慈善组织的募捐项目给您的钱或物品', { category: 'otherHelp' }),
];

const BY_CODE = new Map(PROGRAMMES.map((p) => [p.code, p]));

/** The programme's entry; an unknown code (e.g. from an old import) is shown as itself. */
export function programmeInfo(code: string): ProgrammeInfo {
  return BY_CODE.get(code) ?? { code, name: code, shortName: code, plain: '', category: 'cash' };
}

export function programmeName(code: string): string {
  return programmeInfo(code).name;
}

export function isKnownProgramme(code: string): boolean {
  return BY_CODE.has(code);
}
