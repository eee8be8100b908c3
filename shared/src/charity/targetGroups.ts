/** Whom a project helps (filters of the square), with Chinese labels; the API uses the code names. */
export const CHARITY_TARGET_GROUPS = ['children', 'elderly', 'disabled', 'illness', 'students', 'disaster', 'lowIncome', 'other'] as const;
export type CharityTargetGroup = (typeof CHARITY_TARGET_GROUPS)[number];
export const CHARITY_TARGET_GROUP_LABELS: Record<CharityTargetGroup, string> = {
  children: '困境儿童',
  elderly: '困难老人',
  disabled: '残疾人',
  illness: '大病救助',
  students: '助学',
  disaster: '灾害救助',
  lowIncome: '低收入家庭',
  other: '其他',
};

/** How money of a spending line reached people. `general` = project costs with no named person. */
export const CHARITY_SPENDING_KINDS = ['general', 'cash', 'inKind'] as const;
export type CharitySpendingKind = (typeof CHARITY_SPENDING_KINDS)[number];

export const CHARITY_REPORT_KINDS = ['progress', 'final'] as const;
export type CharityReportKind = (typeof CHARITY_REPORT_KINDS)[number];

export const CHARITY_TITLE_MAX_CHARS = 40;
export const CHARITY_STORY_MAX_CHARS = 2000;
export const CHARITY_MAX_BUDGET_LINES = 20;
export const CHARITY_GOAL_MAX_FEN = 1_000_000_000;
