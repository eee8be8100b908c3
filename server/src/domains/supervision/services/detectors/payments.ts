import { addMonths, formatYuanText, paymentFor, periodYear, programmeName } from '@dajiuzhu/shared';
import type { Detector, FlagCandidate } from './types';

const monthOf = (date: string) => date.slice(0, 7);

/**
 * 应退未退: a payment for a month after the person died (公安 death data, through monitoring's death
 * alerts), or from the month their entitlement ended or was suspended. One flag per payment.
 */
export const shouldHaveExited: Detector = async (scope, s) => {
  const out: FlagCandidate[] = [];
  const flag = (p: { id: string; period: string; amountFen: number; programme: string; regionCode: string; idNumberMasked: string; beneficiaryKey: string }, name: string, why: string) => out.push({
    kind: 'shouldHaveExited', regionCode: p.regionCode, period: p.period,
    subject: { kind: 'disbursement', id: p.id, name, idNumberMasked: p.idNumberMasked, personKey: p.beneficiaryKey },
    summary: `${why}，仍发放了${p.period}的${programmeName(p.programme)}${formatYuanText(p.amountFen)}，应予追回`,
    facts: [{ label: '发放月份', value: p.period }, { label: '金额', value: formatYuanText(p.amountFen) }, { label: '原因', value: why }],
  });
  for (const d of await s.monitoring.alertsOfRule(scope, 'deathInHousehold')) {
    if (!d.personKey || !d.evidenceDate) continue;
    const died = monthOf(d.evidenceDate);
    for (const p of await s.ledger.paymentsOf(d.personKey)) if (p.period > died && p.amountFen > 0) flag(p, d.subjectName, `已于${d.evidenceDate}死亡（公安数据）`);
  }
  for await (const e of s.entitlements.inRegion(scope)) {
    const stop = [e.terms?.endFromMonth, e.terms?.suspendedFromMonth].filter((m): m is string => !!m).sort()[0];
    if (!stop || stop > s.month) continue;
    const why = e.terms.endFromMonth === stop ? `${programmeName(e.programme)}已于${stop}停止` : `${programmeName(e.programme)}已于${stop}暂停发放`;
    for (const p of await s.ledger.paymentsOf(e.beneficiary.idNumberBlindIndex)) {
      if (p.programme === e.programme && p.period >= stop && p.amountFen > 0) flag(p, e.beneficiary.name, why);
    }
  }
  // A payment found by both routes is one flag (the same key): the death, found first, names the cause.
  const seen = new Map<string, FlagCandidate>();
  for (const c of out) if (!seen.has(c.subject.id)) seen.set(c.subject.id, c);
  return [...seen.values()];
};

/**
 * 发放金额与核定标准不一致: what was paid a person for a programme in a month (every source summed)
 * differs from what their entitlement's terms pay that month. Last month and this month.
 */
export const amountMismatch: Detector = async (scope, s) => {
  const periods = [addMonths(s.month, -1), s.month];
  const expected = new Map<string, { fen: number; name: string; masked: string; regionCode: string; programme: string; period: string; key: string }>();
  for await (const e of s.entitlements.inRegion(scope)) {
    if (e.payment !== 'monthly') continue;
    for (const period of periods) {
      const fen = paymentFor(e.terms, period);
      if (fen > 0) expected.set(`${e.beneficiary.idNumberBlindIndex}|${e.programme}|${period}`, { fen, name: e.beneficiary.name, masked: e.beneficiary.idNumberMasked, regionCode: e.regionCode, programme: e.programme, period, key: e.beneficiary.idNumberBlindIndex });
    }
  }
  const paid = new Map<string, number>();
  for (const year of [...new Set(periods.map(periodYear))]) {
    for await (const row of s.ledger.paymentsInRegion(year, scope)) {
      if (!periods.includes(row.period)) continue;
      const k = `${row.beneficiaryKey}|${row.programme}|${row.period}`;
      paid.set(k, (paid.get(k) ?? 0) + row.amountFen);
    }
  }
  const out: FlagCandidate[] = [];
  for (const [k, x] of expected) {
    const got = paid.get(k);
    // Not paid at all is the payment run's lateness (paymentRunLate), not a wrong amount.
    if (got === undefined || got === x.fen) continue;
    out.push({
      kind: 'amountMismatch', regionCode: x.regionCode, period: x.period,
      subject: { kind: 'entitlement', id: `${x.key}:${x.programme}`, name: x.name, idNumberMasked: x.masked, personKey: x.key },
      summary: `${x.period}${programmeName(x.programme)}实发${formatYuanText(got)}，核定${formatYuanText(x.fen)}`,
      facts: [{ label: '发放月份', value: x.period }, { label: '实发', value: formatYuanText(got) }, { label: '核定', value: formatYuanText(x.fen) }, { label: '差额', value: formatYuanText(got - x.fen) }],
    });
  }
  return out;
};

/**
 * 发放迟缓: a county with entitlements payable in a month (last month; this month after the
 * configured day) for which neither a finished payment run covering it nor any payment of those
 * entitlements is on the ledger (a month paid through an imported 代发 file counts as paid).
 */
export const paymentRunLate: Detector = async (scope, s) => {
  const day = Number(s.today.slice(8, 10));
  const periods = [addMonths(s.month, -1), ...(day > s.paymentRunDay ? [s.month] : [])];
  const due = new Map<string, Set<string>>();
  const payable = new Set<string>();
  for await (const e of s.entitlements.inRegion(scope, { activeOnly: true })) {
    const county = e.regionCode.slice(0, 6);
    for (const period of periods) if (e.payment === 'monthly' && paymentFor(e.terms, period) > 0) {
      if (!due.has(county)) due.set(county, new Set());
      due.get(county)!.add(period);
      payable.add(`${e.beneficiary.idNumberBlindIndex}|${e.programme}|${period}`);
    }
  }
  const paidIn = new Set<string>();
  for (const county of due.keys()) {
    for (const year of [...new Set(periods.map(periodYear))]) {
      for await (const row of s.ledger.paymentsInRegion(year, county)) {
        if (payable.has(`${row.beneficiaryKey}|${row.programme}|${row.period}`)) paidIn.add(`${county}|${row.period}`);
      }
    }
  }
  const out: FlagCandidate[] = [];
  for (const [county, set] of due) {
    for (const period of set) {
      if (paidIn.has(`${county}|${period}`) || (await s.ledger.paymentRunMade(county, period))) continue;
      const by = period === s.month ? `${period}-${String(s.paymentRunDay).padStart(2, '0')}` : `${period}月底`;
      out.push({
        kind: 'paymentRunLate', regionCode: county, period,
        subject: { kind: 'region', id: county, name: '', idNumberMasked: '', personKey: '' },
        summary: `${period}的资金未在${by}前发放`,
        facts: [{ label: '发放月份', value: period }, { label: '应发放日期', value: by }],
      });
    }
  }
  return out;
};
