import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { emptyCounts, type LedgerJobDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { AppError } from '../../../core/errors/AppError';
import { resumableJobs, type JobWork } from '../../../core/jobs/resumableJobs';

export const newJobId = (prefix: 'imp' | 'pub' | 'run') => `${prefix}_${randomBytes(12).toString('base64url')}`;

/** A new job, queued, with every field a job of another kind uses set to its empty value. */
export function newJob(init: Pick<LedgerJobDoc, '_id' | 'kind' | 'regionCode' | 'actorId'> & Partial<LedgerJobDoc>, at: Date): LedgerJobDoc {
  return {
    status: 'queued', attempt: 1, checkpoint: 0, counts: emptyCounts(), totalFen: 0, error: null,
    source: '', fileName: '', filePath: '', format: '', encoding: '', amountUnit: 'yuan', sha256: '', size: 0, columns: {}, sameFileAs: null, resumes: null,
    year: null, period: null, createdAt: at, heartbeatAt: at, finishedAt: null,
    ...init,
  };
}

/** Thrown by an after-batch hook to stop a worker dead, as if the process had been killed mid-way. */
export class SimulatedCrash extends Error {}

/**
 * Called after each committed batch of an import or publish (its rows and checkpoint stored).
 * Throwing SimulatedCrash leaves the job exactly as a killed process would: how the tests prove
 * that an import killed half way resumes with every row once. Given only when the runner is built
 * (the ledger domain's `ledgerHooks` option, which buildApp passes from its options); production
 * passes none, and nothing can set one later.
 */
export type AfterBatchHook = (jobId: string, batch: number) => void | Promise<void>;

/**
 * Runs ledger jobs (imports, publishing, payment runs) inside the API process with the core's
 * resumable-job runner (core/jobs/resumableJobs.ts: heartbeat, interrupted on close, one taker of
 * a dead job), plus the ledger's after-batch hook.
 */
export function jobRunner(deps: { repo: LedgerRepository; log: FastifyBaseLogger; heartbeatMs: number; afterBatch?: AfterBatchHook }) {
  const { afterBatch } = deps;
  const jobs = resumableJobs<LedgerJobDoc>({
    store: deps.repo, log: deps.log, heartbeatMs: deps.heartbeatMs, name: 'ledger', notResumable: 'LEDGER_JOB_NOT_RESUMABLE',
    leavesAsKilled: (err) => err instanceof SimulatedCrash,
  });

  return {
    get closing() { return jobs.closing; },
    isRunningHere: jobs.isRunningHere,

    /** Workers call this once a batch is committed: the point where a stop (or a simulated kill) leaves a resumable job. */
    async batchCommitted(jobId: string, batch: number) { await afterBatch?.(jobId, batch); },

    /** Starts work on a job whose lease this process holds. */
    start: (job: LedgerJobDoc, work: JobWork<LedgerJobDoc>) => jobs.run(job, work),

    /** Takes over an interrupted, failed or dead job: one taker wins (insert into the lease key). */
    async takeOver(jobId: string, staleMs: number): Promise<LedgerJobDoc> {
      const job = await deps.repo.findJob(jobId);
      if (!job) throw new AppError('NOT_FOUND');
      return jobs.takeOver(job, staleMs);
    },

    close: jobs.close,
    /** For tests and the benchmark: wait until a job started here has finished. */
    settle: jobs.settle,
  };
}
export type JobRunner = ReturnType<typeof jobRunner>;
