import { assembleStatement } from '@dajiuzhu/shared';
import { PersonYearSums } from './personYearSums';

describe('PersonYearSums', () => {
  it('sums per programme and month, keeps a month whose rows cancel out, and keeps odd periods', () => {
    const s = new PersonYearSums(2025);
    s.add('dibao', '2025-01', 60_000);
    s.add('dibao', '2025-01', 5_000);
    s.add('dibao', '2025-03', 60_000);
    s.add('dibao', '2025-03', -60_000); // a payment and its correction: the month still had rows
    s.add('wish', '2025-12', 8_000);
    s.add('medical', '2024-12', 1_000); // not a month of the year: kept as it came
    expect(s.rows()).toEqual([
      { programme: 'dibao', period: '2025-01', amountFen: 65_000 },
      { programme: 'dibao', period: '2025-03', amountFen: 0 },
      { programme: 'wish', period: '2025-12', amountFen: 8_000 },
      { programme: 'medical', period: '2024-12', amountFen: 1_000 },
    ]);
  });

  it('gives the statement the same figures as summing every row', () => {
    const raw: [string, string, number][] = [['dibao', '2025-02', 63_000], ['dibao', '2025-02', 1_000], ['tekun', '2025-07', 90_000], ['wish', '2025-05', 5_000], ['wish', '2025-09', 3_000]];
    const s = new PersonYearSums(2025);
    for (const [p, period, fen] of raw) s.add(p, period, fen);
    const summed = new Map<string, number>();
    for (const [p, period, fen] of raw) summed.set(`${p}|${period}`, (summed.get(`${p}|${period}`) ?? 0) + fen);
    const byMap = [...summed].map(([k, amountFen]) => ({ programme: k.split('|')[0], period: k.split('|')[1], amountFen }));
    expect(assembleStatement(2025, s.rows())).toEqual(assembleStatement(2025, byMap));
  });
});
