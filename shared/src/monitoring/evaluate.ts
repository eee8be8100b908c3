import { addMonthsToDate } from '../applications/workingDays';
import { formatYuan } from '../money/index';
import { MONITORED_GROUP_LABELS, type MonitoredGroup } from './groups';
import { RECORD_KIND_LABELS, type DepartmentRecord, type RecordKind } from './records';
import { levelRank, type AlertLevel, type AlertRule, type RuleKind } from './rules';

/**
 * The pure evaluation of 预警规则: a rule, a monitored person's facts and their department records
 * → an alert or nothing. Written so a job can stream a million records: event rules judge one
 * record at a time; the medical rule folds records into a small tally per person (bounded: the
 * sum, the last date and the five largest items) and is judged once all records are read.
 */
export interface PersonFacts {
  group: MonitoredGroup;
  /** Monthly household income (fen), when known. */
  householdIncomeFen: number | null;
}

export interface EvidenceItem { kind: RecordKind; date: string; amountFen: number | null; grade: number | null; text: string }

/** What an alert shows as its reason: which data, which amounts, which threshold. */
export interface AlertEvidence {
  summary: string;
  items: EvidenceItem[];
  measuredFen: number | null;
  thresholdFen: number | null;
  sharePercent: number | null;
  thresholdPercent: number | null;
}

export interface Verdict {
  ruleId: string;
  kind: RuleKind;
  level: AlertLevel;
  /** YYYY-MM: with the person and the rule, the alert's key (the same data never raises a second alert). */
  period: string;
  evidence: AlertEvidence;
}

/** The record kinds each rule kind reads. */
export const RULE_RECORD_KINDS: Record<RuleKind, readonly RecordKind[]> = {
  medicalOutOfPocket: ['medicalCost'],
  severeDisability: ['disabilityCertificate'],
  edgeUnemployment: ['unemployment'],
  largeSchoolCost: ['schoolCost'],
  assetOnBeneficiary: ['vehicle', 'company', 'realEstate'],
  deathInHousehold: ['death'],
  hotlineReferral: ['referral'],
};

export function ruleWatches(rule: AlertRule, group: MonitoredGroup): boolean {
  return rule.enabled && (rule.groups.length === 0 || rule.groups.includes(group));
}

const item = (r: DepartmentRecord): EvidenceItem => ({ kind: r.kind, date: r.date, amountFen: r.amountFen, grade: r.grade, text: r.text });
const recent = (date: string, asOf: string, months: number | undefined) => months === undefined || (date > addMonthsToDate(asOf, -months) && date <= asOf);
const noMeasure = { measuredFen: null, thresholdFen: null, sharePercent: null, thresholdPercent: null };

/** Event rules: one record, judged alone. Null for the medical rule (see the tally) and for records the rule does not read. */
export function judgeRecord(rule: AlertRule, person: PersonFacts, record: DepartmentRecord, asOf: string): Verdict | null {
  if (!ruleWatches(rule, person.group) || !RULE_RECORD_KINDS[rule.kind].includes(record.kind)) return null;
  const t = rule.thresholds;
  const base = { ruleId: rule.id, kind: rule.kind, period: record.date.slice(0, 7) };
  const label = `${RECORD_KIND_LABELS[record.kind]}（${record.date}）`;
  switch (rule.kind) {
    case 'severeDisability':
      if (record.grade === null || record.grade > (t.maxGrade ?? 2) || !recent(record.date, asOf, t.recentMonths)) return null;
      return { ...base, level: rule.level, evidence: { summary: `${MONITORED_GROUP_LABELS[person.group]}家庭成员新办${record.grade}级残疾人证，${label}`, items: [item(record)], ...noMeasure } };
    case 'edgeUnemployment':
    case 'deathInHousehold':
    case 'hotlineReferral':
      if (!recent(record.date, asOf, t.recentMonths)) return null;
      return { ...base, level: rule.level, evidence: { summary: `${MONITORED_GROUP_LABELS[person.group]}对象：${label}${record.text ? `，${record.text}` : ''}`, items: [item(record)], ...noMeasure } };
    case 'assetOnBeneficiary':
      if (!(t.assetKinds ?? []).includes(record.kind as 'vehicle') || !recent(record.date, asOf, t.recentMonths)) return null;
      return { ...base, level: rule.level, evidence: { summary: `${MONITORED_GROUP_LABELS[person.group]}对象名下有${label}，请核查`, items: [item(record)], ...noMeasure, measuredFen: record.amountFen } };
    case 'largeSchoolCost': {
      const amount = record.amountFen ?? 0;
      if (amount < (t.amountFen ?? Number.MAX_SAFE_INTEGER)) return null;
      const red = t.redAmountFen !== undefined && amount >= t.redAmountFen;
      return {
        ...base, level: red ? 'red' : rule.level,
        evidence: { summary: `学杂费 ${formatYuan(amount)} 元，达到${red ? '红色' : ''}预警线 ${formatYuan(red ? t.redAmountFen! : t.amountFen!)} 元`, items: [item(record)], measuredFen: amount, thresholdFen: red ? t.redAmountFen! : t.amountFen!, sharePercent: null, thresholdPercent: null },
      };
    }
    default:
      return null;
  }
}

/** The medical rule's running state for one person: bounded whatever the number of records. */
export interface MedicalTally { totalFen: number; lastDate: string; top: EvidenceItem[] }

const TOP_ITEMS = 5;

/** Adds a record to the person's tally (records outside the rule's window are ignored). */
export function addToTally(tally: MedicalTally | null, rule: AlertRule, record: DepartmentRecord, asOf: string): MedicalTally | null {
  if (rule.kind !== 'medicalOutOfPocket' || record.kind !== 'medicalCost' || !record.amountFen) return tally;
  if (!recent(record.date, asOf, rule.thresholds.windowMonths ?? 12)) return tally;
  const t = tally ?? { totalFen: 0, lastDate: record.date, top: [] };
  t.totalFen += record.amountFen;
  if (record.date > t.lastDate) t.lastDate = record.date;
  t.top.push(item(record));
  t.top.sort((a, b) => (b.amountFen ?? 0) - (a.amountFen ?? 0) || a.date.localeCompare(b.date));
  if (t.top.length > TOP_ITEMS) t.top.length = TOP_ITEMS;
  return t;
}

/**
 * Out-of-pocket over the window at or above the amount, or at or above the share of the household's
 * income over the same months → yellow (the rule's level); both → orange; at or above either red
 * threshold → red. A share needs a known income above zero.
 */
export function judgeTally(rule: AlertRule, person: PersonFacts, tally: MedicalTally | null): Verdict | null {
  if (!tally || rule.kind !== 'medicalOutOfPocket' || !ruleWatches(rule, person.group)) return null;
  const t = rule.thresholds;
  const months = t.windowMonths ?? 12;
  const income = person.householdIncomeFen && person.householdIncomeFen > 0 ? person.householdIncomeFen * months : null;
  const share = income ? Math.round((tally.totalFen * 1000) / income) / 10 : null;
  const overAmount = tally.totalFen >= (t.amountFen ?? Number.MAX_SAFE_INTEGER);
  const overShare = share !== null && t.incomeSharePercent !== undefined && share >= t.incomeSharePercent;
  const redAmount = t.redAmountFen !== undefined && tally.totalFen >= t.redAmountFen;
  const redShare = share !== null && t.redIncomeSharePercent !== undefined && share >= t.redIncomeSharePercent;
  if (!overAmount && !overShare && !redAmount && !redShare) return null;
  let level: AlertLevel = redAmount || redShare ? 'red' : overAmount && overShare ? 'orange' : rule.level;
  if (levelRank(level) > levelRank(rule.level)) level = rule.level;
  const byShare = (redShare && !redAmount) || (!redAmount && !overAmount && overShare);
  const thresholdFen = redAmount ? t.redAmountFen! : t.amountFen ?? null;
  const thresholdPercent = (redShare ? t.redIncomeSharePercent : t.incomeSharePercent) ?? null;
  const summary = `近${months}个月医疗个人自付 ${formatYuan(tally.totalFen)} 元`
    + (share !== null ? `，占家庭同期收入 ${share}%` : '')
    + (byShare ? `，达到收入占比预警线 ${thresholdPercent}%` : `，达到预警线 ${formatYuan(thresholdFen ?? 0)} 元`);
  return {
    ruleId: rule.id, kind: rule.kind, level, period: tally.lastDate.slice(0, 7),
    evidence: { summary, items: [...tally.top], measuredFen: tally.totalFen, thresholdFen, sharePercent: share, thresholdPercent },
  };
}
