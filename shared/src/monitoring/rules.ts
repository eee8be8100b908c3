import { MONITORED_GROUPS, type MonitoredGroup } from './groups';

/**
 * 预警规则 (`alertRule`) as data: a city sets them per region and period (versioned like the policy
 * standards: a new version starts on a date, the past is never changed), each with the document it
 * rests on. The evaluation functions (evaluate.ts) read only this.
 */
export const ALERT_LEVELS = ['red', 'orange', 'yellow'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = { red: '红色预警', orange: '橙色预警', yellow: '黄色预警' };
/** Red first: the order of lists and of the dashboard. */
export const levelRank = (l: AlertLevel) => ALERT_LEVELS.indexOf(l);

export const RULE_KINDS = ['medicalOutOfPocket', 'severeDisability', 'edgeUnemployment', 'largeSchoolCost', 'assetOnBeneficiary', 'deathInHousehold', 'hotlineReferral'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  medicalOutOfPocket: '医疗个人自付费用过高',
  severeDisability: '低收入家庭新增一、二级残疾',
  edgeUnemployment: '低保边缘家庭成员失业',
  largeSchoolCost: '教育支出较大',
  assetOnBeneficiary: '低保家庭名下有车辆、企业或房产（监督核查）',
  deathInHousehold: '救助家庭成员死亡（动态管理）',
  hotlineReferral: '12345 热线转办',
};

export const ASSET_KINDS = ['vehicle', 'company', 'realEstate'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export interface RuleThresholds {
  /** medicalOutOfPocket: out-of-pocket in the window at or above this (fen) → yellow; at or above redAmountFen → red. largeSchoolCost: the same for one school cost. */
  amountFen?: number;
  redAmountFen?: number;
  /** medicalOutOfPocket: out-of-pocket as a share of the household's income over the window, in percent. */
  incomeSharePercent?: number;
  redIncomeSharePercent?: number;
  /** medicalOutOfPocket: months summed (default 12). */
  windowMonths?: number;
  /** severeDisability: grades up to this one count (1–4; 2 = 一、二级). */
  maxGrade?: number;
  /** Event rules: only events this many months back or newer are "new". */
  recentMonths?: number;
  assetKinds?: AssetKind[];
}

export interface RuleSource {
  /** The document the rule rests on, e.g. "铜陵市低收入人口动态监测实施办法". */
  title: string;
  url?: string;
}

export interface AlertRule {
  /** Stable within a region's rule sets: an alert's key names it. */
  id: string;
  kind: RuleKind;
  enabled: boolean;
  /** Groups the rule watches; empty = every monitored group. */
  groups: MonitoredGroup[];
  /** The level of an event rule, and the lowest level of a threshold rule. */
  level: AlertLevel;
  thresholds: RuleThresholds;
  source: RuleSource;
}

export type RuleProblem = { ruleId: string; field: string; problem: string };

const MAX_FEN = 100_000_000_00; // ¥100 million: any threshold above is a typing error
const isPositiveFen = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= MAX_FEN;

/**
 * Every problem of a set of rules (empty = valid): thresholds present for the kind, whole positive
 * fen, red above yellow, shares in (0, 1000] percent, windows 1–36 months, grades 1–4, distinct ids.
 * The server refuses a set with any problem (422 MONITORING_RULE_INVALID, the problems in details).
 */
export function findRuleProblems(rules: readonly AlertRule[]): RuleProblem[] {
  const out: RuleProblem[] = [];
  const ids = new Set<string>();
  for (const r of rules) {
    const p = (field: string, problem: string) => out.push({ ruleId: r.id, field, problem });
    if (ids.has(r.id)) p('id', '规则编号重复');
    ids.add(r.id);
    if (!r.source?.title?.trim()) p('source.title', '请注明规则依据的文件');
    for (const g of r.groups) if (!(MONITORED_GROUPS as readonly string[]).includes(g)) p('groups', `未知的监测类别 ${g}`);
    const t = r.thresholds ?? {};
    const months = (field: 'windowMonths' | 'recentMonths', required: boolean) => {
      const v = t[field];
      if (v === undefined) { if (required) p(`thresholds.${field}`, '缺少月数'); return; }
      if (!Number.isInteger(v) || v < 1 || v > 36) p(`thresholds.${field}`, '月数应为 1–36 的整数');
    };
    const amounts = (requiredRed: boolean) => {
      if (!isPositiveFen(t.amountFen)) p('thresholds.amountFen', '金额阈值应为大于 0 的整数（分）');
      if (t.redAmountFen !== undefined || requiredRed) {
        if (!isPositiveFen(t.redAmountFen)) p('thresholds.redAmountFen', '红色预警金额阈值应为大于 0 的整数（分）');
        else if (isPositiveFen(t.amountFen) && t.redAmountFen <= t.amountFen) p('thresholds.redAmountFen', '红色预警金额阈值应高于黄色预警阈值');
      }
    };
    switch (r.kind) {
      case 'medicalOutOfPocket': {
        amounts(true);
        const share = (v: number | undefined) => v !== undefined && Number.isFinite(v) && v > 0 && v <= 1000;
        if (t.incomeSharePercent !== undefined || t.redIncomeSharePercent !== undefined) {
          if (!share(t.incomeSharePercent)) p('thresholds.incomeSharePercent', '收入占比阈值应在 0–1000（%）之间');
          if (!share(t.redIncomeSharePercent)) p('thresholds.redIncomeSharePercent', '红色预警收入占比阈值应在 0–1000（%）之间');
          else if (share(t.incomeSharePercent) && t.redIncomeSharePercent! <= t.incomeSharePercent!) p('thresholds.redIncomeSharePercent', '红色预警收入占比阈值应高于黄色预警阈值');
        }
        months('windowMonths', false);
        break;
      }
      case 'largeSchoolCost':
        amounts(false);
        break;
      case 'severeDisability':
        if (!Number.isInteger(t.maxGrade) || t.maxGrade! < 1 || t.maxGrade! > 4) p('thresholds.maxGrade', '残疾等级应为 1–4');
        months('recentMonths', true);
        break;
      case 'edgeUnemployment':
      case 'deathInHousehold':
        months('recentMonths', true);
        break;
      case 'assetOnBeneficiary':
        if (!t.assetKinds?.length || t.assetKinds.some((k) => !(ASSET_KINDS as readonly string[]).includes(k))) p('thresholds.assetKinds', '请选择车辆、企业或房产');
        months('recentMonths', false);
        break;
      case 'hotlineReferral':
        break;
      default:
        p('kind', '未知的规则类型');
    }
  }
  return out;
}

const src = (title: string): RuleSource => ({ title });

/**
 * The rules a region has before it sets its own (the demo regions use them): amounts and shares
 * like those 铜陵 and 德州 publish (RULES.md), to be replaced by each city's own document.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  {
    id: 'medical-oop', kind: 'medicalOutOfPocket', enabled: true, groups: [], level: 'yellow',
    thresholds: { amountFen: 2_000_000, redAmountFen: 5_000_000, incomeSharePercent: 50, redIncomeSharePercent: 100, windowMonths: 12 },
    source: src('参照铜陵市低收入人口医疗自付费用预警做法（演示默认值）'),
  },
  { id: 'disability-severe', kind: 'severeDisability', enabled: true, groups: [], level: 'orange', thresholds: { maxGrade: 2, recentMonths: 12 }, source: src('困难残疾人生活补贴和重度残疾人护理补贴制度（演示默认值）') },
  { id: 'edge-unemployment', kind: 'edgeUnemployment', enabled: true, groups: ['dibaoEdge'], level: 'yellow', thresholds: { recentMonths: 6 }, source: src('低收入人口动态监测：就业状况变化（演示默认值）') },
  { id: 'school-cost', kind: 'largeSchoolCost', enabled: true, groups: [], level: 'yellow', thresholds: { amountFen: 800_000, redAmountFen: 2_000_000 }, source: src('教育救助：学杂费支出较大（演示默认值）') },
  { id: 'asset-dibao', kind: 'assetOnBeneficiary', enabled: true, groups: ['dibao', 'tekun'], level: 'orange', thresholds: { assetKinds: ['vehicle', 'company', 'realEstate'] }, source: src('最低生活保障审核确认办法：家庭财产状况（演示默认值）') },
  { id: 'death', kind: 'deathInHousehold', enabled: true, groups: ['dibao', 'tekun', 'dibaoEdge', 'expenditureHardship'], level: 'yellow', thresholds: { recentMonths: 12 }, source: src('动态管理：家庭人口变化（演示默认值）') },
  { id: 'hotline', kind: 'hotlineReferral', enabled: true, groups: [], level: 'orange', thresholds: {}, source: src('12345 热线转办（演示默认值）') },
];
