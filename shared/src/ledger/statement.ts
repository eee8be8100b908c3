/**
 * The 幸福清单 as a pure function of a beneficiary's disbursements in one year: per programme the
 * twelve monthly amounts and the yearly total, the grand total, other help, and — between two
 * versions — what changed. Same code on the server (publishing, PDF) and on the phone.
 */
import { formatYuan } from '../money';
import { ledgerProgramme, LEDGER_PROGRAMMES } from './programmes';
import { periodMonth, periodYear } from './period';

export interface StatementInputRow {
  programme: string;
  period: string;
  amountFen: number;
  /** How many payments this row stands for (an aggregated row); default 1. Used for other help only. */
  count?: number;
}

export interface StatementProgramme {
  programme: string;
  name: string;
  plain: string;
  /** Index 0 = January. Fen. */
  months: number[];
  totalFen: number;
  /** Months of the year in which this programme paid something. */
  payments: number;
}

export interface StatementOtherHelp {
  programme: string;
  name: string;
  plain: string;
  times: number;
  /** Value in fen where known (0 when the help was a service). */
  valueFen: number;
}

export interface StatementBody {
  year: number;
  programmes: StatementProgramme[];
  otherHelp: StatementOtherHelp[];
  monthlyTotals: number[];
  grandTotalFen: number;
}

export interface StatementChange {
  programme: string;
  name: string;
  /** 1..12, or 0 for the yearly total of a programme that appeared or disappeared. */
  month: number;
  beforeFen: number;
  afterFen: number;
  text: string;
}

const ORDER = new Map(LEDGER_PROGRAMMES.map((p, i) => [p.code, i]));
const byCatalogue = (a: { programme: string }, b: { programme: string }) =>
  (ORDER.get(a.programme) ?? 999) - (ORDER.get(b.programme) ?? 999) || a.programme.localeCompare(b.programme);

export function assembleStatement(year: number, rows: Iterable<StatementInputRow>): StatementBody {
  const cash = new Map<string, StatementProgramme>();
  const other = new Map<string, StatementOtherHelp>();
  for (const r of rows) {
    if (periodYear(r.period) !== year) continue;
    const meta = ledgerProgramme(r.programme);
    const times = r.count ?? 1;
    if (meta.category === 'otherHelp') {
      const o = other.get(r.programme) ?? { programme: r.programme, name: meta.name, plain: meta.plain, times: 0, valueFen: 0 };
      o.times += times;
      o.valueFen += r.amountFen;
      other.set(r.programme, o);
      continue;
    }
    const p = cash.get(r.programme) ?? { programme: r.programme, name: meta.name, plain: meta.plain, months: new Array<number>(12).fill(0), totalFen: 0, payments: 0 };
    p.months[periodMonth(r.period) - 1] += r.amountFen;
    p.totalFen += r.amountFen;
    cash.set(r.programme, p);
  }
  const programmes = [...cash.values()].sort(byCatalogue);
  for (const p of programmes) p.payments = p.months.filter((v) => v !== 0).length;
  const monthlyTotals = new Array<number>(12).fill(0);
  for (const p of programmes) p.months.forEach((v, i) => { monthlyTotals[i] += v; });
  return {
    year,
    programmes,
    otherHelp: [...other.values()].sort(byCatalogue),
    monthlyTotals,
    grandTotalFen: programmes.reduce((s, p) => s + p.totalFen, 0),
  };
}

/** What changed from one published version to the next, in words. */
export function diffStatements(before: StatementBody | null, after: StatementBody): StatementChange[] {
  if (!before) return [];
  const changes: StatementChange[] = [];
  const codes = new Set([...before.programmes.map((p) => p.programme), ...after.programmes.map((p) => p.programme)]);
  for (const code of [...codes].sort((a, b) => byCatalogue({ programme: a }, { programme: b }))) {
    const b = before.programmes.find((p) => p.programme === code);
    const a = after.programmes.find((p) => p.programme === code);
    const name = ledgerProgramme(code).name;
    if (!b || !a) {
      changes.push({ programme: code, name, month: 0, beforeFen: b?.totalFen ?? 0, afterFen: a?.totalFen ?? 0, text: a ? `新增：${name}，全年 ${formatYuan(a.totalFen)} 元` : `删除：${name}（原全年 ${formatYuan(b!.totalFen)} 元）` });
      continue;
    }
    for (let m = 0; m < 12; m++) {
      if (a.months[m] !== b.months[m]) {
        changes.push({ programme: code, name, month: m + 1, beforeFen: b.months[m], afterFen: a.months[m], text: `${name} ${m + 1}月：${formatYuan(b.months[m])} 元 → ${formatYuan(a.months[m])} 元` });
      }
    }
  }
  return changes;
}

/** One sentence at the top of the statement. */
export function statementSummary(body: StatementBody): string {
  if (body.programmes.length === 0) return `${body.year}年，您没有领取救助金。`;
  return `${body.year}年，您一共领取了 ${body.programmes.length} 项救助，合计 ${formatYuan(body.grandTotalFen)} 元。`;
}

/** A stable, exact fingerprint of a statement's figures (decides whether a new version is needed). */
export function statementFingerprint(body: StatementBody): string {
  const parts = body.programmes.map((p) => `${p.programme}:${p.months.join(',')}`);
  parts.push(...body.otherHelp.map((o) => `${o.programme}:${o.times}:${o.valueFen}`));
  return `${body.year}|${parts.join('|')}`;
}
