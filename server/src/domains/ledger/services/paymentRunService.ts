import { isPeriod, paymentFor, periodYear, shanghaiDate, shanghaiMonth, type LedgerJobView } from '@dajiuzhu/shared';
import type { EntitlementReader } from '../../applications/api';
import type { DisbursementDoc, LedgerJobDoc } from '../models/ledger';
import { emptyCounts } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { toJobView } from '../views/jobView';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import { newJob, newJobId, type JobRunner } from './ledgerJobs';

/**
 * A month's payment run for a region: one disbursement per active entitlement, `_id` =
 * "run:<entitlementId>:<YYYY-MM>" (a one-off grant: "run:<entitlementId>:once"), inserted unordered;
 * a key already there is a payment already made. So a second run, or two staff running the same
 * month at once, pays each entitlement once. Entitlements come from the applications domain's
 * reader (app.applications.entitlements); each pays the amount in force for the period, and nothing
 * for a month from its end (退出, after a 渐退期) or its suspension (a death) on.
 */
export function paymentRunService(deps: { repo: LedgerRepository; entitlements: EntitlementReader; audit: AuditService; runner: JobRunner; batch: number; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function work(job: LedgerJobDoc) {
    const period = job.period!;
    const counts = { ...emptyCounts() };
    let totalFen = 0;
    const today = shanghaiDate(now());
    let batch: DisbursementDoc[] = [];
    const flush = async () => {
      const dups = await deps.repo.insertDisbursements(batch);
      batch.forEach((d, i) => { if (dups.has(i)) counts.unchanged++; else { counts.created++; totalFen += d.amountFen; } });
      counts.done += batch.length;
      batch = [];
      await deps.repo.updateJob(job._id, { counts, totalFen, heartbeatAt: new Date() });
    };
    // Every entitlement, ended ones too: a run for a month before an end still pays that month (paymentFor decides).
    for await (const e of deps.entitlements.inRegion(job.regionCode)) {
      counts.total++;
      const monthly = e.payment === 'monthly';
      // The amount in force for the period (versions); 0 before the start, from an end or a suspension on (docs/recheck.md).
      const amount = paymentFor(e.terms, period);
      if (amount <= 0 || !e.beneficiary?.idNumberBlindIndex) { counts.skipped++; counts.done++; continue; }
      batch.push({
        _id: `run:${e.id}:${monthly ? period : 'once'}`, beneficiaryKey: e.beneficiary.idNumberBlindIndex, idNumberMasked: e.beneficiary.idNumberMasked ?? '', regionCode: e.regionCode,
        programme: e.programme, amountFen: amount, period, year: periodYear(period), paidOn: today, source: 'paymentRun', sourceRef: job._id, line: 0, correctsId: '', reason: '',
        createdBy: job.actorId, createdAt: now(),
      });
      if (batch.length >= deps.batch) await flush();
    }
    await flush();
    await deps.repo.updateJob(job._id, { status: 'done', counts, totalFen, finishedAt: new Date() });
  }

  return {
    async start(ctx: ActionContext, period: string, regionCode?: string): Promise<LedgerJobView> {
      const region = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, region);
      // The route's schema refuses a malformed month; a caller past it gets the same 400. A month
      // that has not come yet is well-formed, refused for today's date: 409.
      if (!isPeriod(period)) throw new AppError('LEDGER_PERIOD_INVALID');
      if (period > shanghaiMonth(now())) throw new AppError('LEDGER_PERIOD_NOT_YET');
      const job = newJob({ _id: newJobId('run'), kind: 'paymentRun', regionCode: region, actorId: ctx.actor._id, year: periodYear(period), period }, now());
      await deps.repo.takeLease(job._id, 1);
      await deps.repo.createJob(job);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'ledger.paymentRun', requestId: ctx.requestId, details: { period, regionCode: region, jobId: job._id } });
      void deps.runner.start(job, work);
      return toJobView(job);
    },
    work,
  };
}
export type PaymentRunService = ReturnType<typeof paymentRunService>;
