import type { LedgerJobView } from '@dajiuzhu/shared';
import { emptyCounts, type LedgerJobDoc } from '../models/ledger';

/** A publish or payment-run job as staff see it (progress and outcome). */
export function toJobView(j: LedgerJobDoc): LedgerJobView {
  const c = { ...emptyCounts(), ...j.counts };
  return {
    id: j._id, kind: j.kind as 'publish' | 'paymentRun', status: j.status, regionCode: j.regionCode, year: j.year, period: j.period,
    counts: { total: c.total, done: c.done, created: c.created, unchanged: c.unchanged, skipped: c.skipped }, totalFen: j.totalFen, error: j.error,
    createdAt: new Date(j.createdAt).toISOString(), finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}
