/**
 * 低收入人口动态监测: who is watched (监测对象, `monitoredPerson`) and in which group. The five groups
 * of 德州's model (RULES.md, "低收入人口动态监测"): 低保, 特困, 低保边缘, 支出型困难家庭, and the
 * poorest 3 % of households not in any of them.
 */
export const MONITORED_GROUPS = ['dibao', 'tekun', 'dibaoEdge', 'expenditureHardship', 'poorestThreePercent'] as const;
export type MonitoredGroup = (typeof MONITORED_GROUPS)[number];

export const MONITORED_GROUP_LABELS: Record<MonitoredGroup, string> = {
  dibao: '低保',
  tekun: '特困',
  dibaoEdge: '低保边缘',
  expenditureHardship: '支出型困难家庭',
  poorestThreePercent: '最困难3%家庭',
};

/** Wording of an imported list's group cell → the group (departments write it several ways). */
const GROUP_ALIASES: Record<string, MonitoredGroup> = {
  低保: 'dibao', 最低生活保障: 'dibao', 低保户: 'dibao', dibao: 'dibao',
  特困: 'tekun', 特困供养: 'tekun', 特困人员: 'tekun', tekun: 'tekun',
  低保边缘: 'dibaoEdge', 边缘: 'dibaoEdge', 低保边缘家庭: 'dibaoEdge', dibaoEdge: 'dibaoEdge',
  支出型: 'expenditureHardship', 支出型困难: 'expenditureHardship', 支出型困难家庭: 'expenditureHardship', 刚性支出困难家庭: 'expenditureHardship', expenditureHardship: 'expenditureHardship',
  '最困难3%': 'poorestThreePercent', '3%': 'poorestThreePercent', 低收入: 'poorestThreePercent', 防返贫监测: 'poorestThreePercent', poorestThreePercent: 'poorestThreePercent',
};

export function groupOf(text: string): MonitoredGroup | null {
  const t = text.trim().replace(/\s+/g, '').replace('％', '%');
  return Object.prototype.hasOwnProperty.call(GROUP_ALIASES, t) ? GROUP_ALIASES[t] : null;
}

/** Programmes whose beneficiaries are monitored, and their group (the product's own entitlements). */
export const PROGRAMME_GROUPS: Record<string, MonitoredGroup> = {
  dibao: 'dibao', tekun: 'tekun', dibaoEdge: 'dibaoEdge', expenditureHardship: 'expenditureHardship',
};

/** When a person is in several groups, the most protected one is kept (one person, one group). */
export function strongerGroup(a: MonitoredGroup, b: MonitoredGroup): MonitoredGroup {
  return MONITORED_GROUPS.indexOf(a) <= MONITORED_GROUPS.indexOf(b) ? a : b;
}
