import { dueMonths } from './statementImage';

describe('months due', () => {
  it('counts a past year whole, a future year not at all, and this year up to this month', () => {
    expect(dueMonths(2025, '2026-11')).toBe(12);
    expect(dueMonths(2027, '2026-11')).toBe(0);
    expect(dueMonths(2026, '2026-11')).toBe(11);
    expect(dueMonths(2026, '2026-01')).toBe(1);
  });
});
