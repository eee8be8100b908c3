import type { Connection } from 'mongoose';
import { periodYear, regionCovers, regionPrefix, shanghaiDate, type LedgerJobView } from '@dajiuzhu/shared';
import type { DisbursementDoc, LedgerJobDoc } from '../models/ledger';
import { emptyCounts } from '../models/ledger';
import { regionFilter, type LedgerRepository } from '../repository';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { newJobId, type JobRunner } from './ledgerJobs';
import { staffScope } from './ledgerImportService';
import { toJobView } from './happinessListService';

interface EntitlementLike {
  _id: string;
  programme: string;
  beneficiary: { idNumberBlindIndex: string; idNumberMasked: string };
  regionCode: string;
  payment: 'monthly' | 'oneOff';
  monthlyAmountFen: number | null;
  oneOffAmountFen: number | null;
  startMonth: string;
  status: 'active' | 'ended';
}

/**
 * A month's payment run for a region: one disbursement per active entitlement, `_id` =
 * "run:<entitlementId>:<YYYY-MM>" (a one-off grant: "run:<entitlementId>:once"), inserted unordered;
 * a key already there is a payment already made. So a second run, or two staff running the same
 * month at once, pays each entitlement once. Entitlements come from the applications domain
 * (collection `entitlements`, read only).
 */
export function paymentRunService(deps: { repo: LedgerRepository; db: Connection; audit: AuditService; runner: JobRunner; batch: number; now?: () => Date }) {
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
    const cursor = deps.db.collection<EntitlementLike>('entitlements').find({ status: 'active', regionCode: regionFilter(regionPrefix(job.regionCode)) } as never);
    for await (const e of cursor) {
      counts.total++;
      const monthly = e.payment === 'monthly';
      const amount = monthly ? e.monthlyAmountFen : e.oneOffAmountFen;
      if (!amount || amount <= 0 || e.startMonth > period || !e.beneficiary?.idNumberBlindIndex) { counts.skipped++; counts.done++; continue; }
      batch.push({
        _id: `run:${e._id}:${monthly ? period : 'once'}`, beneficiaryKey: e.beneficiary.idNumberBlindIndex, idNumberMasked: e.beneficiary.idNumberMasked ?? '', regionCode: e.regionCode,
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
      const scope = staffScope(ctx);
      const region = regionCode ?? scope;
      if (!regionCovers(scope, region)) throw new AppError('NOT_FOUND');
      if (period > shanghaiDate(now()).slice(0, 7)) throw new AppError('LEDGER_PERIOD_INVALID');
      const id = newJobId('run');
      const at = now();
      const job: LedgerJobDoc = {
        _id: id, kind: 'paymentRun', status: 'queued', regionCode: region, actorId: ctx.actor._id, attempt: 1, checkpoint: 0, counts: emptyCounts(), totalFen: 0, error: null,
        source: '', fileName: '', filePath: '', format: '', encoding: '', amountUnit: 'yuan', sha256: '', size: 0, columns: {}, sameFileAs: null, resumes: null,
        year: periodYear(period), period, createdAt: at, heartbeatAt: at, finishedAt: null,
      };
      await deps.repo.takeLease(id, 1);
      await deps.repo.createJob(job);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'ledger.paymentRun', requestId: ctx.requestId, details: { period, regionCode: region, jobId: id } });
      void deps.runner.start(job, work);
      return toJobView(job);
    },
    work,
  };
}
export type PaymentRunService = ReturnType<typeof paymentRunService>;
