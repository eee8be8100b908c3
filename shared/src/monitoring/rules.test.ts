import { DEFAULT_ALERT_RULES, findRuleProblems, type AlertRule } from './rules';
import { addToTally, judgeRecord, judgeTally } from './evaluate';
import type { DepartmentRecord } from './records';

const medical = DEFAULT_ALERT_RULES.find((r) => r.kind === 'medicalOutOfPocket')!;
const rec = (over: Partial<DepartmentRecord>): DepartmentRecord => ({ kind: 'medicalCost', date: '2026-10-01', amountFen: 0, totalFen: null, grade: null, text: '', reference: '', ...over });
const tallyOf = (rule: AlertRule, amounts: [string, number][], asOf = '2026-11-30') =>
  amounts.reduce((t, [date, fen]) => addToTally(t, rule, rec({ date, amountFen: fen }), asOf), null as ReturnType<typeof addToTally>);

describe('medical out-of-pocket', () => {
  test('sums the window only; red above the red amount, yellow above the amount, nothing below', () => {
    const person = { group: 'dibao' as const, householdIncomeFen: null };
    expect(judgeTally(medical, person, tallyOf(medical, [['2026-09-01', 4_000_000], ['2026-10-01', 2_000_000]]))).toMatchObject({ level: 'red', period: '2026-10', evidence: { measuredFen: 6_000_000, thresholdFen: 5_000_000 } });
    expect(judgeTally(medical, person, tallyOf(medical, [['2026-09-01', 2_500_000]]))?.level).toBe('yellow');
    expect(judgeTally(medical, person, tallyOf(medical, [['2026-09-01', 1_000_000], ['2025-06-01', 9_000_000]]))).toBeNull();
  });

  test('a share of the household income counts too: both thresholds → orange, the red share → red', () => {
    // ¥1,000 a month → ¥12,000 a year; ¥20,000 is 167 %, above the red share of 100 %.
    expect(judgeTally(medical, { group: 'dibao', householdIncomeFen: 100_000 }, tallyOf(medical, [['2026-09-01', 2_000_000]]))).toMatchObject({ level: 'red', evidence: { sharePercent: 166.7, thresholdPercent: 100 } });
    // ¥3,000 a month → ¥36,000; ¥25,000 is 69 %: over the amount and the share → orange.
    expect(judgeTally(medical, { group: 'dibao', householdIncomeFen: 300_000 }, tallyOf(medical, [['2026-09-01', 2_500_000]]))?.level).toBe('orange');
    // Below the amount but above half the income → yellow.
    expect(judgeTally(medical, { group: 'dibao', householdIncomeFen: 100_000 }, tallyOf(medical, [['2026-09-01', 700_000]]))?.level).toBe('yellow');
  });

  test('the tally stays small however many records', () => {
    const t = tallyOf(medical, Array.from({ length: 1000 }, (_, i) => ['2026-10-01', 100 + i] as [string, number]));
    expect(t!.top).toHaveLength(5);
    expect(t!.top[0].amountFen).toBe(1099);
  });
});

describe('event rules', () => {
  const rule = (kind: AlertRule['kind']) => DEFAULT_ALERT_RULES.find((r) => r.kind === kind)!;
  test('a new grade 1–2 disability in a low-income household; grade 3 or an old certificate is not new', () => {
    const r = rule('severeDisability');
    expect(judgeRecord(r, { group: 'dibao', householdIncomeFen: null }, rec({ kind: 'disabilityCertificate', grade: 2 }), '2026-11-30')).toMatchObject({ level: 'orange', period: '2026-10' });
    expect(judgeRecord(r, { group: 'dibao', householdIncomeFen: null }, rec({ kind: 'disabilityCertificate', grade: 3 }), '2026-11-30')).toBeNull();
    expect(judgeRecord(r, { group: 'dibao', householdIncomeFen: null }, rec({ kind: 'disabilityCertificate', grade: 1, date: '2024-01-01' }), '2026-11-30')).toBeNull();
  });
  test('unemployment only in an edge household; a vehicle only on 低保/特困; a large school cost by amount', () => {
    expect(judgeRecord(rule('edgeUnemployment'), { group: 'dibaoEdge', householdIncomeFen: null }, rec({ kind: 'unemployment' }), '2026-11-30')).not.toBeNull();
    expect(judgeRecord(rule('edgeUnemployment'), { group: 'dibao', householdIncomeFen: null }, rec({ kind: 'unemployment' }), '2026-11-30')).toBeNull();
    expect(judgeRecord(rule('assetOnBeneficiary'), { group: 'dibao', householdIncomeFen: null }, rec({ kind: 'vehicle' }), '2026-11-30')?.level).toBe('orange');
    expect(judgeRecord(rule('assetOnBeneficiary'), { group: 'dibaoEdge', householdIncomeFen: null }, rec({ kind: 'vehicle' }), '2026-11-30')).toBeNull();
    expect(judgeRecord(rule('largeSchoolCost'), { group: 'dibao', householdIncomeFen: null }, rec({ kind: 'schoolCost', amountFen: 2_500_000 }), '2026-11-30')?.level).toBe('red');
    expect(judgeRecord(rule('largeSchoolCost'), { group: 'dibao', householdIncomeFen: null }, rec({ kind: 'schoolCost', amountFen: 100_000 }), '2026-11-30')).toBeNull();
  });
});

test('invalid thresholds are all named; the defaults are valid', () => {
  expect(findRuleProblems(DEFAULT_ALERT_RULES)).toEqual([]);
  const bad = { ...medical, thresholds: { amountFen: 0, redAmountFen: 1.5, windowMonths: 40 }, source: { title: ' ' } };
  expect(findRuleProblems([bad]).map((p) => p.field)).toEqual(['source.title', 'thresholds.amountFen', 'thresholds.redAmountFen', 'thresholds.windowMonths']);
  expect(findRuleProblems([medical, medical]).map((p) => p.field)).toEqual(['id']);
});
