import { estimatePolicy, type EstimateMember, type EstimateResult, type RegionPolicy } from '@dajiuzhu/shared';
import { loadPolicyStandards } from '../src/policy';
import { ConfigError } from '../src/fromEnvironment';
import { dezhou } from './371400-dezhou';

/** Every published rate of every configured region (shared/domain/STANDARDS.md), reproduced through the estimate. */
const policy = loadPolicyStandards();
const DATES: Record<string, string> = { '371400': '2021-06-01', '371500': '2024-06-01', '431300': '2023-06-01' };

function estimate(regionCode: string, hukou: 'urban' | 'rural', members: EstimateMember[]) {
  const standards = policy.standardsFor(regionCode, DATES[regionCode]);
  if (!standards) throw new Error(`no standards for ${regionCode}`);
  const res = estimatePolicy({ regionCode, hukou, members }, standards, DATES[regionCode]);
  return (p: EstimateResult['programme']) => res.results.find((r) => r.programme === p) as EstimateResult;
}

const single: EstimateMember[] = [{ age: 40 }];
const tekunPerson: EstimateMember[] = [{ age: 75, canWork: false, hasSupporter: false }];
const disabled = (grade: 1 | 2 | 3 | 4): EstimateMember[] => [{ age: 40, disabilityGrade: grade }];
const child = (childStatus: EstimateMember['childStatus']): EstimateMember[] => [{ age: 10, childStatus }];

type Row = [string, 'urban' | 'rural', EstimateResult['programme'], EstimateMember[], number, string];
// [region, hukou, programme, household, monthly fen, the standard as the reason shows it]
const PUBLISHED: Row[] = [
  ['371400', 'urban', 'dibao', single, 75500, '德州市城市低保标准 755.00 元/人·月'],
  ['371400', 'rural', 'dibao', single, 56500, '德州市农村低保标准 565.00 元/人·月'],
  ['371400', 'urban', 'tekun', tekunPerson, 113000, '德州市城市特困人员基本生活标准 1130.00 元/人·月'],
  ['371400', 'rural', 'tekun', tekunPerson, 81500, '德州市农村特困人员基本生活标准 815.00 元/人·月'],
  ['371400', 'urban', 'disabilityLiving', disabled(2), 16000, '160.00 元/人·月'],
  ['371400', 'urban', 'disabilityLiving', disabled(3), 13000, '130.00 元/人·月'],
  ['371400', 'urban', 'disabilityCare', disabled(1), 14000, '140.00 元/人·月'],
  ['371400', 'urban', 'disabilityCare', disabled(2), 12000, '120.00 元/人·月'],
  ['371400', 'urban', 'orphan', child('orphanInstitutional'), 194000, '德州市机构养育孤儿基本生活费标准 1940.00 元/人·月'],
  ['371400', 'rural', 'orphan', child('orphanCommunity'), 154000, '德州市社会散居孤儿基本生活费标准 1540.00 元/人·月'],
  ['371400', 'urban', 'childInHardship', child('childInHardship'), 108000, '德州市重点困境儿童基本生活费标准 1080.00 元/人·月'],
  ['371400', 'urban', 'unsupportedChild', child('unsupportedChild'), 154000, '德州市事实无人抚养儿童基本生活费标准 1540.00 元/人·月'],
  ['371500', 'urban', 'dibao', single, 93100, '聊城市城市低保标准 931.00 元/人·月'],
  ['371500', 'rural', 'dibao', single, 75300, '聊城市农村低保标准 753.00 元/人·月'],
  ['371500', 'urban', 'tekun', tekunPerson, 124200, '聊城市城市特困人员基本生活标准 1242.00 元/人·月'],
  ['371500', 'rural', 'tekun', tekunPerson, 97900, '聊城市农村特困人员基本生活标准 979.00 元/人·月'],
  ['371500', 'rural', 'orphan', child('orphanInstitutional'), 232800, '2328.00 元/人·月'],
  ['371500', 'rural', 'orphan', child('orphanCommunity'), 186200, '1862.00 元/人·月'],
  ['371500', 'urban', 'disabilityLiving', disabled(1), 18700, '187.00 元/人·月'],
  ['371500', 'urban', 'disabilityLiving', disabled(4), 14000, '140.00 元/人·月'],
  ['371500', 'urban', 'disabilityCare', disabled(1), 16800, '168.00 元/人·月'],
  ['371500', 'urban', 'disabilityCare', disabled(2), 14000, '140.00 元/人·月'],
  ['431300', 'urban', 'dibao', single, 60200, '娄底市城市低保标准 602.00 元/人·月'],
  // Yearly figures: yearly fen ÷ 12, rounded half up to the fen.
  ['431300', 'rural', 'dibao', single, 42283, '娄底市农村低保标准 5074.00 元/人·年，按月折算 422.83 元/人·月'],
  // Loudi tekun has two floors (≥ 1.3 × dibao and ≥ the yearly figure): the higher one, 1.3 × dibao, applies.
  ['431300', 'urban', 'tekun', tekunPerson, 78260, '娄底市城市特困人员基本生活标准 不低于 9360.00 元/人·年，按月折算 780.00 元/人·月'],
  ['431300', 'rural', 'tekun', tekunPerson, 54968, '娄底市农村特困人员基本生活标准 不低于 6284.20 元/人·年，按月折算 523.68 元/人·月'],
];

describe('every published rate', () => {
  it.each(PUBLISHED)('%s %s %s → %i fen', (region, hukou, programme, members, fen, shown) => {
    const r = estimate(region, hukou, members)(programme);
    expect(r).toMatchObject({ eligible: true, monthlyAmountFen: fen });
    expect(r.reasons.join('\n')).toContain(shown);
  });

  it('pays Dezhou heating once per winter per household, urban ≥ 600, rural ≥ 300', () => {
    expect(estimate('371400', 'urban', single)('heating')).toMatchObject({ eligible: true, winterAmountFen: 60000 });
    expect(estimate('371400', 'rural', tekunPerson)('heating')).toMatchObject({ eligible: true, winterAmountFen: 30000 });
    expect(estimate('371400', 'urban', single)('heating').monthlyAmountFen).toBeUndefined();
  });

  it('mentions the Dezhou unsupported-child school grant (10000 per school year) without adding it monthly', () => {
    const r = estimate('371400', 'urban', child('unsupportedChild'))('unsupportedChild');
    expect(r.monthlyAmountFen).toBe(154000);
    expect(r.reasons.join()).toContain('10000.00 元/人·学年');
  });

  it('takes the higher of Loudi\'s two tekun floors and says which applied', () => {
    const urban = estimate('431300', 'urban', tekunPerson)('tekun');
    expect(urban.monthlyAmountFen).toBe(78260); // 1.3 × 60200 = 78260 > 936000 ÷ 12 = 78000
    expect(urban.reasons.join('\n')).toContain('不低于低保标准的 1.3 倍：602.00 × 1.3 = 782.60 元/人·月');
    expect(urban.reasons.join('\n')).toContain('两个下限取较高者：按低保标准的 1.3 倍 782.60 元/人·月测算（高于公布金额折算的 780.00 元/人·月）');
    const rural = estimate('431300', 'rural', [...tekunPerson, { age: 80, canWork: false, hasSupporter: false }])('tekun');
    // 1.3 × 42283 = 54967.9 → 54968 (half up, once per person) > 628420 ÷ 12 → 52368.
    expect(rural.monthlyAmountFen).toBe(2 * 54968);
    expect(rural.reasons.join('\n')).toContain('422.83 × 1.3 = 549.68 元/人·月');
  });

  it('keeps the published figure when it is the higher floor', () => {
    const base = policy.standardsFor('431300', DATES['431300'])!;
    const lowDibao = { ...base, rates: { ...base.rates, dibao: { urban: { fen: 50000, per: 'month' as const, source: 'loudi-2023-four-assistances.txt' } } } };
    const r = estimatePolicy({ regionCode: '431300', hukou: 'urban', members: tekunPerson }, lowDibao, DATES['431300']).results.find((x) => x.programme === 'tekun')!;
    expect(r.monthlyAmountFen).toBe(78000); // 1.3 × 50000 = 65000 < 78000
    expect(r.reasons.join('\n')).toContain('按公布金额 780.00 元/人·月测算');
  });

  it('reproduces the worked examples', () => {
    // Two rural Liaocheng members with 500 yuan total income: 2 × 753 − 500.
    const two = estimate('371500', 'rural', [{ age: 50, incomes: [{ kind: 'business', monthlyFen: 30000 }] }, { age: 48, incomes: [{ kind: 'pension', monthlyFen: 20000 }] }]);
    expect(two('dibao').monthlyAmountFen).toBe(2 * 75300 - 50000);
    // Loudi rural, three members: 3 × 42283 (the monthly amount is rounded once per person).
    expect(estimate('431300', 'rural', [{ age: 40 }, { age: 38 }, { age: 9 }])('dibao').monthlyAmountFen).toBe(3 * 42283);
  });

  it.each([
    ['371500', 'childInHardship', child('childInHardship'), '聊城市暂无重点困境儿童基本生活费标准数据'],
    ['371500', 'unsupportedChild', child('unsupportedChild'), '聊城市暂无事实无人抚养儿童基本生活费标准数据'],
    ['371500', 'heating', single, '聊城市暂无城市取暖补贴标准数据'],
    ['431300', 'disabilityCare', disabled(1), '娄底市暂无重度残疾人护理补贴标准数据'],
    ['431300', 'disabilityLiving', disabled(1), '娄底市暂无困难残疾人生活补贴标准数据'],
    ['431300', 'orphan', child('orphanCommunity'), '娄底市暂无社会散居孤儿基本生活费标准数据'],
  ] as const)('%s %s is not published: the estimate says it cannot estimate it', (region, programme, members, text) => {
    const r = estimate(region, 'urban', [...members])(programme);
    expect(r).toMatchObject({ eligible: false, noStandard: true });
    expect(r.reasons.join()).toContain(text);
    expect(r.reasons.join()).toContain('无法测算');
  });
});

describe('standardsFor', () => {
  it('chooses the period in effect on the date', () => {
    expect(policy.standardsFor('371400', '2020-12-31')).toBeUndefined();
    expect(policy.standardsFor('371400', '2021-01-01')?.effectiveFrom).toBe('2021-01-01');
    expect(policy.standardsFor('371500', '2023-12-31')).toBeUndefined();
    expect(policy.standardsFor('371500', '2024-01-01')?.rates.dibao?.urban?.fen).toBe(93100);
    expect(policy.standardsFor('431300', '2022-12-31')).toBeUndefined();
    expect(policy.standardsFor('431300', '2030-01-01')?.regionName).toBe('娄底市');
  });

  it('matches the most specific configured region covering the code', () => {
    expect(policy.standardsFor('371402001', '2021-06-01')?.regionCode).toBe('371400');
    expect(policy.standardsFor('371402001001', '2021-06-01')?.regionName).toBe('德州市');
    expect(policy.standardsFor('110000', '2021-06-01')).toBeUndefined();
    expect(policy.standardsFor('370000', '2021-06-01')).toBeUndefined(); // the province is wider than any file
    expect(policy.standardsFor('371400', '2021-02-30')).toBeUndefined();

    const county: RegionPolicy = { ...dezhou, regionCode: '371402', regionName: '德城区', periods: [{ ...dezhou.periods[0], effectiveFrom: '2022-01-01' }] };
    const both = loadPolicyStandards([dezhou, county]);
    expect(both.standardsFor('371402001', '2022-06-01')?.regionName).toBe('德城区');
    expect(both.standardsFor('371403', '2022-06-01')?.regionName).toBe('德州市');
    // Before the county's own figures start, the city's apply.
    expect(both.standardsFor('371402001', '2021-06-01')?.regionName).toBe('德州市');
  });

  it('picks the later period from its effective date, leaving the earlier one as it was', () => {
    const raised = { ...dezhou.periods[0], effectiveFrom: '2022-01-01', rates: { ...dezhou.periods[0].rates, dibao: { urban: { fen: 80000, per: 'month' as const, source: 'dezhou-2021-big-assistance.txt' } } } };
    const p = loadPolicyStandards([{ ...dezhou, periods: [dezhou.periods[0], raised] }]);
    expect(p.standardsFor('371400', '2021-12-31')?.rates.dibao?.urban?.fen).toBe(75500);
    expect(p.standardsFor('371400', '2022-01-01')?.rates.dibao?.urban?.fen).toBe(80000);
  });
});

describe('loadPolicyStandards validation', () => {
  const withRate = (patch: object) => ({ ...dezhou, periods: [{ ...dezhou.periods[0], rates: { ...dezhou.periods[0].rates, ...patch } }] });

  it('names the region and key of bad data', () => {
    expect(() => loadPolicyStandards([withRate({ dibao: { urban: { fen: 755.5, per: 'month', source: 'dezhou-2021-big-assistance.txt' } } })])).toThrow(/政策标准错误 371400 periods\.0\.rates\.dibao\.urban\.fen/);
    expect(() => loadPolicyStandards([withRate({ dibao: { urban: { fen: 75500, per: 'month' } } })])).toThrow(/371400 periods\.0\.rates\.dibao\.urban/);
    expect(() => loadPolicyStandards([withRate({ heating: { urban: { fen: 60000, per: 'month', source: 'dezhou-2021-big-assistance.txt' } } })])).toThrow(/371400 periods\.0\.rates\.heating\.urban\.per/);
    expect(() => loadPolicyStandards([withRate({ typo: {} })])).toThrow(/371400 periods\.0\.rates\.typo/);
    expect(() => loadPolicyStandards([{ ...dezhou, periods: [{ ...dezhou.periods[0], effectiveFrom: '2021-02-30' }] }])).toThrow(/371400 periods\.0\.effectiveFrom/);
    expect(() => loadPolicyStandards([{ ...dezhou, periods: [dezhou.periods[0], dezhou.periods[0]] }])).toThrow(/371400 periods\.1\.effectiveFrom.*ascending/);
    expect(() => loadPolicyStandards([dezhou, dezhou])).toThrow(/371400 regionCode: configured twice/);
    expect(() => loadPolicyStandards([{ regionName: 'x' }])).toThrow(ConfigError);
  });

  it('loads the configured files frozen, so nothing changes a period at run time', () => {
    expect(policy.regions.map((r) => r.regionCode)).toEqual(['371400', '371500', '431300']);
    expect(Object.isFrozen(policy.regions[0].periods[0].rates.dibao)).toBe(true);
    // Every rate names the article it came from.
    for (const region of policy.regions) {
      for (const period of region.periods) {
        const rates = Object.values(period.rates).flatMap((r) => ('fen' in r ? [r] : Object.values(r)));
        for (const rate of rates) expect(rate.source).toMatch(/^(dezhou-2021-big-assistance|liaocheng-2024-standards|loudi-2023-four-assistances)\.txt$/);
      }
    }
  });
});
