import { regionLineage } from '@dajiuzhu/shared';
import type { LedgerRepository } from '../repository';

/** A payment as 电子监察 reads it (no name, no full ID number). */
export interface SupervisedPayment { id: string; beneficiaryKey: string; idNumberMasked: string; programme: string; period: string; amountFen: number; regionCode: string; source: string }

/**
 * What 电子监察 (the supervision domain) reads of the ledger, through app.ledger.supervision:
 * a person's payments (应退未退), a region's payments of a year (amounts against the entitlement),
 * and whether a month's payment run covering a region was made (slow payment).
 */
export function supervisionReader(repo: Pick<LedgerRepository, 'disbursementsOf' | 'statementRowsInRegion' | 'listJobs'>) {
  return {
    /** Index beneficiaryKey_1_year_1. */
    async paymentsOf(beneficiaryKey: string): Promise<SupervisedPayment[]> {
      return (await repo.disbursementsOf(beneficiaryKey)).map((d) => ({
        id: d._id, beneficiaryKey: d.beneficiaryKey, idNumberMasked: d.idNumberMasked, programme: d.programme, period: d.period, amountFen: d.amountFen, regionCode: d.regionCode, source: d.source,
      }));
    },
    /** A region's rows of a year (only what a sum needs), streamed. Index year_1_regionCode_1. */
    paymentsInRegion: (year: number, scope: string) => repo.statementRowsInRegion(year, scope),
    /** Whether a finished payment run for `period` covers `regionCode` (a run of the region or of any region above it). */
    async paymentRunMade(regionCode: string, period: string): Promise<boolean> {
      for (const code of regionLineage(regionCode)) {
        const jobs = await repo.listJobs('paymentRun', code, 200);
        if (jobs.some((j) => j.regionCode === code && j.period === period && j.status === 'done')) return true;
      }
      return false;
    },
  };
}
export type LedgerSupervisionReader = ReturnType<typeof supervisionReader>;
