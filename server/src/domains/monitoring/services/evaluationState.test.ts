import { addToTally, DEFAULT_ALERT_RULES, judgeTally, type DepartmentRecord, type MedicalTally } from '@dajiuzhu/shared';
import { medicalTallies, populationIndex } from './evaluationState';

/** The compact evaluation state gives staff the same alerts and evidence as the shared rules' own tally. */
const rule = DEFAULT_ALERT_RULES.find((r) => r.kind === 'medicalOutOfPocket')!;
const asOf = '2026-11-30';
const bill = (date: string, amountFen: number | null, kind: DepartmentRecord['kind'] = 'medicalCost'): DepartmentRecord =>
  ({ kind, date, amountFen, totalFen: null, grade: null, text: '', reference: '' }) as DepartmentRecord;

test('a medical tally keeps the same sum, last date and five largest bills as the shared tally', () => {
  const bills = [
    bill('2026-10-01', 900_000), bill('2026-09-01', 100_000), bill('2026-08-15', 900_000), bill('2025-01-01', 5_000_000), // outside the window
    bill('2026-07-01', 300_000), bill('2026-11-02', 300_000), bill('2026-06-01', 50_000), bill('2026-05-01', 2_000_000), bill('2026-04-01', null),
    bill('2026-03-01', 700_000, 'unemployment'),
  ];
  let shared: MedicalTally | null = null;
  for (const b of bills) shared = addToTally(shared, rule, b, asOf);
  const compact = medicalTallies(asOf);
  for (const b of bills) compact.add(7, rule, b);
  const [only, ...more] = [...compact.judged()];
  expect(more).toHaveLength(0);
  expect(only!.row).toBe(7);
  expect(only!.tally).toEqual(shared);
  const person = { group: 'dibao' as const, householdIncomeFen: 150_000 };
  expect(judgeTally(rule, person, only!.tally)).toEqual(judgeTally(rule, person, shared));
});

test('the population index answers each person\'s facts, and -1 for someone not watched', () => {
  const people = populationIndex();
  people.add({ _id: 'k1', name: '张三', idNumberMasked: '3***1', group: 'dibao', householdIncomeFen: null, householdSize: 3, regionCode: '371402001001' });
  people.add({ _id: 'k2', name: '李四', idNumberMasked: '3***2', group: 'dibaoEdge', householdIncomeFen: 60_000, householdSize: null, regionCode: '371402001001' });
  people.add({ _id: 'k1', name: 'again', idNumberMasked: '', group: 'tekun', householdIncomeFen: 1, householdSize: 1, regionCode: 'x' });
  expect(people.size).toBe(2);
  expect(people.rowOf('nobody')).toBe(-1);
  const r2 = people.rowOf('k2');
  expect(people.keyOf(r2)).toBe('k2');
  expect(people.facts(r2)).toEqual({ group: 'dibaoEdge', householdIncomeFen: 60_000 });
  expect(people.alertFacts(people.rowOf('k1'))).toEqual({ name: '张三', idNumberMasked: '3***1', group: 'dibao', householdSize: 3, householdIncomeFen: null, regionCode: '371402001001' });
});
