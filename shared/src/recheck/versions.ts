/**
 * Entitlement versions (待遇变更): the monthly amount from a month on, and the months from which
 * nothing is paid (an end, or a suspension after a death). Pure: the applications domain stores
 * them, the ledger's payment run asks `paymentFor` what a month pays.
 */
export interface AmountVersion {
  /** YYYY-MM: the first month this amount is paid. */
  fromMonth: string;
  monthlyAmountFen: number;
  /** ISO instant of the decision: of two versions from the same month, the later decision holds. */
  decidedAt: string;
}

export interface PaymentTerms {
  payment: 'monthly' | 'oneOff';
  startMonth: string;
  /** Every version, any order; an old entitlement without history has one: (startMonth, its amount). */
  amounts: readonly AmountVersion[];
  oneOffAmountFen: number | null;
  /** YYYY-MM from which nothing is paid (退出, the end of a 渐退期), or null. */
  endFromMonth: string | null;
  /** YYYY-MM from which payment is held (a death reported): nothing is paid from then on, or null. */
  suspendedFromMonth: string | null;
}

/** The versions in force order: by month, then by decision. */
export function sortedVersions(amounts: readonly AmountVersion[]): AmountVersion[] {
  return [...amounts].sort((a, b) => (a.fromMonth === b.fromMonth ? a.decidedAt.localeCompare(b.decidedAt) : a.fromMonth.localeCompare(b.fromMonth)));
}

/** The monthly amount in force in `month` (YYYY-MM), or null before the first version. */
export function amountInForce(amounts: readonly AmountVersion[], month: string): number | null {
  let amount: number | null = null;
  for (const v of sortedVersions(amounts)) if (v.fromMonth <= month) amount = v.monthlyAmountFen;
  return amount;
}

/** Whether `month` falls in a stopped stretch (ended or suspended). */
export function isStoppedIn(terms: Pick<PaymentTerms, 'endFromMonth' | 'suspendedFromMonth'>, month: string): boolean {
  return (!!terms.endFromMonth && month >= terms.endFromMonth) || (!!terms.suspendedFromMonth && month >= terms.suspendedFromMonth);
}

/**
 * What a payment run for `period` pays on these terms (fen), or 0: nothing before the start,
 * nothing from the end or suspension on; a monthly entitlement the amount in force that month; a
 * one-off grant its amount (the run pays it once: its key has no month).
 */
export function paymentFor(terms: PaymentTerms, period: string): number {
  if (period < terms.startMonth || isStoppedIn(terms, period)) return 0;
  if (terms.payment === 'oneOff') return terms.oneOffAmountFen ?? 0;
  return amountInForce(terms.amounts, period) ?? 0;
}
