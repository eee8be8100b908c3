import { divideRoundHalfUp, formatYuan, monthlyFromYearlyFen } from './index';
import { describeRate, monthlyRateFen } from '../policy/rates';

describe('fen arithmetic', () => {
  it('rounds half up to the fen with integers only', () => {
    expect(divideRoundHalfUp(507400, 12)).toBe(42283); // 42283.33
    expect(divideRoundHalfUp(628420, 12)).toBe(52368); // 52368.33
    expect(divideRoundHalfUp(18, 12)).toBe(2); // 1.5 → 2
    expect(divideRoundHalfUp(17, 12)).toBe(1); // 1.41 → 1
    expect(divideRoundHalfUp(0, 7)).toBe(0);
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });

  it('converts a yearly rate to monthly fen by the one written rule', () => {
    expect(monthlyFromYearlyFen(507400)).toBe(42283);
    expect(monthlyFromYearlyFen(936000)).toBe(78000);
    expect(monthlyRateFen({ fen: 507400, per: 'year', source: 'x.txt' })).toBe(42283);
    expect(monthlyRateFen({ fen: 75500, per: 'month', source: 'x.txt' })).toBe(75500);
  });

  it('shows yuan with two decimals', () => {
    expect(formatYuan(75500)).toBe('755.00');
    expect(formatYuan(42283)).toBe('422.83');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1010)).toBe('-10.10');
  });

  it('describes rates in plain Chinese', () => {
    expect(describeRate('德州市城市低保标准', { fen: 75500, per: 'month', source: 'x.txt' })).toBe('德州市城市低保标准 755.00 元/人·月');
    expect(describeRate('娄底市农村低保标准', { fen: 507400, per: 'year', source: 'x.txt' })).toBe('娄底市农村低保标准 5074.00 元/人·年，按月折算 422.83 元/人·月（年标准 ÷ 12，四舍五入到分）');
    expect(describeRate('取暖补贴', { fen: 60000, per: 'winter', atLeast: true, source: 'x.txt' })).toBe('取暖补贴 每户不低于 600.00 元（每个冬季发放一次）');
  });
});
