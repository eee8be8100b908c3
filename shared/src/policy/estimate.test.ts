import { Value } from '@sinclair/typebox/value';
import { estimatePolicy } from './estimate';
import type { StandardsInEffect } from './standards';
import { EstimateRequest, type EstimateMember, type EstimateResult } from '../schemas/policy';

/**
 * Rule tests against a small fixture shaped like Dezhou 2021 (the real files are tested with every
 * published rate in config/policy/standards.test.ts). The wage deduction here is 20% to exercise it.
 */
const m = (fen: number) => ({ fen, per: 'month' as const, source: 'dezhou-2021-big-assistance.txt' });
const FIXTURE: StandardsInEffect = {
  regionCode: '371400',
  regionName: '德州市',
  effectiveFrom: '2021-01-01',
  rates: {
    dibao: { urban: m(75500), rural: m(56500) },
    tekun: { urban: m(113000), rural: m(81500) },
    disabilityLiving: { grade1to2: m(16000), grade3to4: m(13000) },
    disabilityCare: { grade1: m(14000), grade2: m(12000) },
    orphan: { institutional: m(194000), community: m(154000) },
    unsupportedChild: m(154000),
    heating: { urban: { fen: 60000, per: 'winter', atLeast: true, source: 'dezhou-2021-big-assistance.txt' } },
  },
  employmentDeduction: { value: 0.2, note: 'test' },
  dibaoEdgeMultiple: { value: 1.5, note: 'test' },
};

const adult: EstimateMember = { age: 40 };
function run(members: EstimateMember[], extra: Partial<EstimateRequest> = {}, standards = FIXTURE) {
  const res = estimatePolicy({ regionCode: '371402', hukou: 'urban', members, ...extra }, standards, '2021-06-01');
  const by = (p: EstimateResult['programme']) => res.results.find((r) => r.programme === p) as EstimateResult;
  return { res, by };
}

describe('dibao', () => {
  it('pays the gap: standard × members − counted income', () => {
    const { by } = run([adult]);
    expect(by('dibao')).toMatchObject({ eligible: true, monthlyAmountFen: 75500 });
    expect(by('dibao').reasons).toContain('德州市城市低保标准 755.00 元/人·月');
    expect(by('dibao').reasons.join()).toContain('755.00 × 1 − 0.00 = 755.00 元/月');
    const two = run([{ age: 40, incomes: [{ kind: 'pension', monthlyFen: 30000 }] }, { age: 38, incomes: [{ kind: 'business', monthlyFen: 20000 }] }]);
    expect(two.by('dibao').monthlyAmountFen).toBe(2 * 75500 - 50000);
  });

  it('does not count assistance income', () => {
    const { by } = run([{ age: 40, incomes: [{ kind: 'assistance', monthlyFen: 50000 }, { kind: 'transfer', monthlyFen: 10000 }] }]);
    expect(by('dibao').monthlyAmountFen).toBe(75500 - 10000);
    expect(by('dibao').reasons.join()).toContain('救助金 500.00 元/月不计入家庭收入');
  });

  it('reduces wage income by the employment-cost deduction share', () => {
    const { by } = run([{ age: 40, incomes: [{ kind: 'wage', monthlyFen: 50000 }] }]);
    expect(by('dibao').monthlyAmountFen).toBe(75500 - 40000);
    expect(by('dibao').reasons.join()).toContain('就业成本 100.00 元/月（扣除比例 20%）');
  });

  it('is not paid when per-capita income reaches the standard', () => {
    const { by } = run([{ age: 40, incomes: [{ kind: 'pension', monthlyFen: 75500 }] }]);
    expect(by('dibao').eligible).toBe(false);
    expect(by('dibao').monthlyAmountFen).toBeUndefined();
  });

  it('uses the rural standard for rural hukou', () => {
    expect(run([adult], { hukou: 'rural' }).by('dibao').monthlyAmountFen).toBe(56500);
  });
});

describe('dibaoEdge and single-person dibao (单人保)', () => {
  const edgeIncome = (fen: number) => ({ age: 40, incomes: [{ kind: 'pension' as const, monthlyFen: fen }] });

  it('marks a household below 1.5 × the standard as near-dibao, without an allowance', () => {
    const { by } = run([edgeIncome(100000)]);
    expect(by('dibao').eligible).toBe(false);
    expect(by('dibaoEdge')).toMatchObject({ eligible: true });
    expect(by('dibaoEdge').monthlyAmountFen).toBeUndefined();
    expect(by('dibaoEdge').reasons.join()).toContain('1.5 倍，即 1132.50 元/人·月');
    // 113250 is the line itself: not below it.
    expect(run([edgeIncome(113250)]).by('dibaoEdge').eligible).toBe(false);
    expect(run([edgeIncome(113249)]).by('dibaoEdge').eligible).toBe(true);
  });

  it('honours a configured multiple', () => {
    const strict = { ...FIXTURE, dibaoEdgeMultiple: { value: 1.2, note: 'test' } };
    expect(run([edgeIncome(100000)], {}, strict).by('dibaoEdge').eligible).toBe(false);
    expect(run([edgeIncome(90000)], {}, strict).by('dibaoEdge').eligible).toBe(true);
  });

  it('grants 单人保 to a grade 1–2 or seriously ill member of a near-dibao household', () => {
    const { by } = run([edgeIncome(260000), { age: 30, disabilityGrade: 2 }, { age: 50, seriousIllness: true, incomes: [{ kind: 'pension', monthlyFen: 20000 }] }]);
    expect(by('dibaoEdge').eligible).toBe(true);
    expect(by('dibao')).toMatchObject({ eligible: true, memberIndexes: [1, 2], monthlyAmountFen: 75500 + (75500 - 20000) });
    expect(by('dibao').reasons.join()).toContain('单人保');
    // …and the single-person recipient is a dibao recipient for the disability living subsidy.
    expect(by('disabilityLiving')).toMatchObject({ eligible: true, memberIndexes: [1], monthlyAmountFen: 16000 });
  });

  it('gives no 单人保 outside a near-dibao household or to grade 3–4', () => {
    expect(run([edgeIncome(400000), { age: 30, disabilityGrade: 1 }]).by('dibao').eligible).toBe(false);
    expect(run([edgeIncome(160000), { age: 30, disabilityGrade: 3 }]).by('dibao').eligible).toBe(false);
  });
});

describe('tekun', () => {
  const alone = { age: 70, canWork: false, hasSupporter: false };

  it('pays the tekun rate and leaves that member out of dibao', () => {
    const { by } = run([alone, { age: 40, incomes: [{ kind: 'business', monthlyFen: 30000 }] }]);
    expect(by('tekun')).toMatchObject({ eligible: true, monthlyAmountFen: 113000, memberIndexes: [0] });
    expect(by('dibao')).toMatchObject({ eligible: true, monthlyAmountFen: 75500 - 30000, memberIndexes: [1] });
    expect(by('dibao').reasons.join()).toContain('第1位成员按特困人员测算，不计入低保家庭人数');
  });

  it('covers under 18 and grade 1–2 disability, and needs all three conditions', () => {
    expect(run([{ age: 12, canWork: false, hasSupporter: false }]).by('tekun').eligible).toBe(true);
    expect(run([{ age: 40, disabilityGrade: 1, canWork: false, hasSupporter: false }]).by('tekun').eligible).toBe(true);
    expect(run([{ age: 40, disabilityGrade: 3, canWork: false, hasSupporter: false }]).by('tekun').eligible).toBe(false);
    expect(run([{ age: 70, hasSupporter: false }]).by('tekun').eligible).toBe(false); // canWork not said: counted as able
    expect(run([{ age: 70, canWork: false }]).by('tekun').eligible).toBe(false); // supporter not said: counted as present
    expect(run([{ ...alone, incomes: [{ kind: 'pension', monthlyFen: 1 }] }]).by('tekun').eligible).toBe(false);
    // Assistance is not counted income, so it does not stop tekun.
    expect(run([{ ...alone, incomes: [{ kind: 'assistance', monthlyFen: 5000 }] }]).by('tekun').eligible).toBe(true);
  });

  it('does not combine with dibao when everyone is tekun', () => {
    const { by } = run([alone]);
    expect(by('tekun').monthlyAmountFen).toBe(113000);
    expect(by('dibao').eligible).toBe(false);
    expect(by('heating')).toMatchObject({ eligible: true, winterAmountFen: 60000 });
  });
});

describe('disability subsidies', () => {
  it('pays the living subsidy by grade to members of a dibao household', () => {
    const { by } = run([{ age: 40, disabilityGrade: 1 }, { age: 45, disabilityGrade: 3 }, { age: 20, disabilityGrade: 4 }]);
    expect(by('disabilityLiving')).toMatchObject({ eligible: true, monthlyAmountFen: 16000 + 13000 + 13000, memberIndexes: [0, 1, 2] });
  });

  it('refuses the living subsidy outside dibao but pays the care subsidy regardless of income', () => {
    const rich = [{ age: 40, disabilityGrade: 1 as const, incomes: [{ kind: 'pension' as const, monthlyFen: 900000 }] }, { age: 45, disabilityGrade: 2 as const }];
    const { by } = run(rich);
    expect(by('disabilityLiving').eligible).toBe(false);
    expect(by('disabilityCare')).toMatchObject({ eligible: true, monthlyAmountFen: 14000 + 12000, memberIndexes: [0, 1] });
    expect(run([{ age: 40, disabilityGrade: 3 }]).by('disabilityCare').eligible).toBe(false);
  });
});

describe('children', () => {
  it('pays orphan, unsupported-child rates to children who say so', () => {
    const { by } = run([{ age: 8, childStatus: 'orphanInstitutional' }, { age: 9, childStatus: 'orphanCommunity' }, { age: 10, childStatus: 'unsupportedChild' }]);
    expect(by('orphan')).toMatchObject({ eligible: true, monthlyAmountFen: 194000 + 154000, memberIndexes: [0, 1] });
    expect(by('unsupportedChild')).toMatchObject({ eligible: true, monthlyAmountFen: 154000, memberIndexes: [2] });
  });

  it('does not assess an orphan as tekun as well', () => {
    const { by } = run([{ age: 8, canWork: false, hasSupporter: false, childStatus: 'orphanCommunity' }]);
    expect(by('tekun').eligible).toBe(false);
    expect(by('orphan').monthlyAmountFen).toBe(154000);
  });

  it('stops at 18', () => {
    expect(run([{ age: 18, childStatus: 'orphanCommunity' }]).by('orphan').eligible).toBe(false);
  });

  it('says in Chinese when the region publishes no figure', () => {
    const r = run([{ age: 8, childStatus: 'childInHardship' }]).by('childInHardship');
    expect(r).toMatchObject({ eligible: false, noStandard: true });
    expect(r.reasons.join()).toMatch(/德州市暂无重点困境儿童基本生活费标准数据，无法测算/);
    expect(run([adult], { hukou: 'rural' }).by('heating')).toMatchObject({ eligible: false, noStandard: true });
  });
});

describe('the estimate as a whole', () => {
  it('returns every programme once, amounts in integer fen, reasons in Chinese', () => {
    const { res } = run([{ age: 70, canWork: false, hasSupporter: false, disabilityGrade: 2 }, { age: 33, incomes: [{ kind: 'wage', monthlyFen: 33333 }] }, { age: 5, childStatus: 'unsupportedChild' }]);
    expect(res.results.map((r) => r.programme)).toEqual(['dibao', 'dibaoEdge', 'tekun', 'disabilityLiving', 'disabilityCare', 'orphan', 'childInHardship', 'unsupportedChild', 'heating']);
    for (const r of res.results) {
      if (r.monthlyAmountFen !== undefined) expect(Number.isInteger(r.monthlyAmountFen)).toBe(true);
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const line of r.reasons) expect(line).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(res).toMatchObject({ regionCode: '371402', regionName: '德州市', date: '2021-06-01', effectiveFrom: '2021-01-01' });
  });

  it('says assets are accepted but not yet evaluated', () => {
    const { by } = run([adult], { assets: { savingsFen: 1_000_000, houses: 1 } });
    expect(by('dibao').reasons.join()).toContain('暂未评估财产状况');
    expect(run([adult]).by('dibao').reasons.join()).not.toContain('财产');
  });
});

describe('EstimateRequest schema', () => {
  const ok = { regionCode: '371400', hukou: 'urban', members: [{ age: 40, incomes: [{ kind: 'wage', monthlyFen: 1 }] }] };
  it('accepts a valid request and refuses bad ones', () => {
    expect(Value.Check(EstimateRequest, ok)).toBe(true);
    expect(Value.Check(EstimateRequest, { ...ok, members: [] })).toBe(false);
    expect(Value.Check(EstimateRequest, { ...ok, members: Array(21).fill({ age: 1 }) })).toBe(false);
    expect(Value.Check(EstimateRequest, { ...ok, members: [{ age: 1, incomes: [{ kind: 'wage', monthlyFen: -1 }] }] })).toBe(false);
    expect(Value.Check(EstimateRequest, { ...ok, members: [{ age: 1, incomes: [{ kind: 'wage', monthlyFen: 1.5 }] }] })).toBe(false);
    expect(Value.Check(EstimateRequest, { ...ok, members: [{ age: 1, incomes: [{ kind: 'wage', monthlyFen: 1_000_000_001 }] }] })).toBe(false);
    expect(Value.Check(EstimateRequest, { ...ok, members: [{ age: 1, incomes: Array(11).fill({ kind: 'wage', monthlyFen: 1 }) }] })).toBe(false);
    expect(Value.Check(EstimateRequest, { ...ok, isAdmin: true })).toBe(false);
    expect(Value.Check(EstimateRequest, { ...ok, date: '2021-13-01' })).toBe(false);
  });
});
