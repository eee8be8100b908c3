import { addToTally, type AlertRule, type DepartmentRecord, type MedicalTally, type MonitoredGroup, type PersonFacts } from '@dajiuzhu/shared';
import type { MonitoredPersonDoc } from '../models/monitoring';

/**
 * What an evaluation keeps in memory, sized for 100,000 people in ≤ 300 MB RSS (docs/benchmarks.md,
 * "Monitoring evaluation"). The records are streamed and never kept; what stays is one compact row
 * per watched person and one compact tally per person and medical rule.
 */

type PersonRow = Pick<MonitoredPersonDoc, '_id' | 'name' | 'idNumberMasked' | 'group' | 'householdIncomeFen' | 'householdSize' | 'regionCode'>;

/**
 * The region's watch list as parallel arrays behind one Map from blind index to a row number:
 * small integers (group, region as a dictionary index, income, size; -1 = unknown) instead of an
 * object per person, and the name and masked ID an alert needs, so raising alerts reads nothing
 * back from the database (it used to fetch every batch's people with an `$in`, which FerretDB
 * answers by scanning the collection).
 */
export function populationIndex() {
  const rowOf = new Map<string, number>();
  const keys: string[] = [];
  const groups: MonitoredGroup[] = [];
  const incomes: number[] = [];
  const sizes: number[] = [];
  const regionIdx: number[] = [];
  const names: string[] = [];
  const masks: string[] = [];
  const regions: string[] = [];
  const regionNo = new Map<string, number>();
  const groupNames = new Map<string, MonitoredGroup>();

  return {
    add(p: PersonRow): void {
      if (rowOf.has(p._id)) return;
      let r = regionNo.get(p.regionCode);
      if (r === undefined) { r = regions.length; regions.push(p.regionCode); regionNo.set(p.regionCode, r); }
      // One copy of each group name (the strings decoded from each document are all distinct).
      let g = groupNames.get(p.group);
      if (!g) { g = p.group; groupNames.set(g, g); }
      rowOf.set(p._id, groups.length);
      keys.push(p._id);
      groups.push(g);
      incomes.push(p.householdIncomeFen ?? -1);
      sizes.push(p.householdSize ?? -1);
      regionIdx.push(r);
      names.push(p.name ?? '');
      masks.push(p.idNumberMasked ?? '');
    },
    get size() { return groups.length; },
    /** The row of a person, -1 when not watched. */
    rowOf: (key: string): number => rowOf.get(key) ?? -1,
    keyOf: (row: number): string => keys[row]!,
    facts: (row: number): PersonFacts => ({ group: groups[row]!, householdIncomeFen: incomes[row]! < 0 ? null : incomes[row]! }),
    regionOf: (row: number): string => regions[regionIdx[row]!]!,
    alertFacts: (row: number) => ({
      name: names[row]!, idNumberMasked: masks[row]!, group: groups[row]!, householdSize: sizes[row]! < 0 ? null : sizes[row]!,
      householdIncomeFen: incomes[row]! < 0 ? null : incomes[row]!, regionCode: regions[regionIdx[row]!]!,
    }),
  };
}
export type PopulationIndex = ReturnType<typeof populationIndex>;

const TOP_ITEMS = 5;
const dateInt = (d: string) => Number(d.slice(0, 4)) * 10_000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
const dateText = (n: number) => `${Math.floor(n / 10_000)}-${String(Math.floor(n / 100) % 100).padStart(2, '0')}-${String(n % 100).padStart(2, '0')}`;

/** A person's tally for one medical rule: the sum, the last date and the five largest bills as [amount, yyyymmdd, …]. */
interface CompactTally { totalFen: number; last: number; top: number[] }

/**
 * Medical tallies (the out-of-pocket rule sums a person's bills over its window) keyed by a number
 * (row × 64 + the rule's slot), each a few numbers instead of five evidence objects and their
 * strings. Which bills count is the shared `addToTally`'s decision; the largest five are kept in its
 * order (amount down, then date up), and `judged` rebuilds the shared tally for `judgeTally`.
 */
export function medicalTallies(asOf: string) {
  const tallies = new Map<number, CompactTally>();
  const slots = new Map<AlertRule, number>();
  const rules: AlertRule[] = [];

  return {
    add(row: number, rule: AlertRule, record: DepartmentRecord): void {
      if (!addToTally(null, rule, record, asOf)) return; // not a bill of this rule's window
      let slot = slots.get(rule);
      if (slot === undefined) { slot = rules.length; if (slot >= 64) throw new Error('more than 64 medical rules in one evaluation'); rules.push(rule); slots.set(rule, slot); }
      const key = row * 64 + slot;
      const amount = record.amountFen!;
      const date = dateInt(record.date);
      let t = tallies.get(key);
      if (!t) { t = { totalFen: 0, last: date, top: [] }; tallies.set(key, t); }
      t.totalFen += amount;
      if (date > t.last) t.last = date;
      let i = 0;
      while (i < t.top.length && (t.top[i]! > amount || (t.top[i] === amount && t.top[i + 1]! <= date))) i += 2;
      if (i < TOP_ITEMS * 2) {
        t.top.splice(i, 0, amount, date);
        if (t.top.length > TOP_ITEMS * 2) t.top.length = TOP_ITEMS * 2;
      }
    },
    get size() { return tallies.size; },
    /** Every tally as the shared shape, one at a time. */
    *judged(): Generator<{ row: number; rule: AlertRule; tally: MedicalTally }> {
      for (const [key, t] of tallies) {
        const top = [];
        for (let i = 0; i < t.top.length; i += 2) top.push({ kind: 'medicalCost' as const, date: dateText(t.top[i + 1]!), amountFen: t.top[i]!, grade: null, text: '' });
        yield { row: Math.floor(key / 64), rule: rules[key % 64]!, tally: { totalFen: t.totalFen, lastDate: dateText(t.last), top } };
      }
    },
  };
}
