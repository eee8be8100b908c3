import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { Jobs } from '../../../core/jobs/jobs';
import { resumableJobs, type JobWork } from '../../../core/jobs/resumableJobs';
import { AppError } from '../../../core/errors/AppError';

export const newJobId = (prefix: 'mim' | 'mev') => `${prefix}_${randomBytes(12).toString('base64url')}`;

export function newJob(init: Pick<JobDoc, '_id' | 'kind' | 'regionCode' | 'actorId'> & Partial<JobDoc>, at: Date): JobDoc {
  return {
    status: 'queued', attempt: 1, checkpoint: 0, counts: {}, source: '', fileName: '', filePath: '', format: '', encoding: '', sha256: '', columns: {},
    asOf: '', evaluationId: null, error: null, heartbeatAt: at, createdAt: at, finishedAt: null, ...init,
  };
}

export type Work = JobWork<JobDoc>;

/**
 * Runs monitoring jobs (imports, evaluations) in the API process with the core's resumable-job
 * runner (core/jobs/resumableJobs.ts: heartbeat, interrupted on close, one taker of a dead job).
 * Each run also holds a lease of the core job service (`app.jobs.runExclusive`: one process across
 * all API processes) for its key, and stops at the next batch when that lease is lost (the job is
 * then `interrupted`, resumable from its checkpoint).
 */
export function jobRunner(deps: { repo: MonitoringRepository; jobs: Jobs; log: FastifyBaseLogger; heartbeatMs: number; leaseTtlMs: number }) {
  const runs = resumableJobs<JobDoc>({ store: deps.repo, log: deps.log, heartbeatMs: deps.heartbeatMs, name: 'monitoring', notResumable: 'MONITORING_JOB_NOT_RESUMABLE' });
  const leased = new Map<string, Promise<unknown>>();

  return {
    /**
     * Starts `work` under the lease `key` (default: the job's own). Resolves once it is known whether
     * it started: false when another run holds the key (e.g. an evaluation of the same region).
     */
    start(job: JobDoc, work: Work, key = `monitoring.job:${job._id}`): Promise<boolean> {
      let started!: (v: boolean) => void;
      const startedP = new Promise<boolean>((r) => { started = r; });
      const run = deps.jobs.runExclusive(key, deps.leaseTtlMs, async (signal) => {
        started(true);
        await runs.run(job, work, () => signal.aborted);
      }).then((r) => { if (!r.ran) started(false); }, (err: unknown) => {
        started(false);
        deps.log.error({ err, jobId: job._id }, 'monitoring job lease failed');
      }).finally(() => leased.delete(job._id));
      leased.set(job._id, run);
      return startedP;
    },

    /** Takes over an interrupted, failed or dead job: one taker wins (insert into the attempt's key). */
    async takeOver(job: JobDoc, staleMs: number): Promise<JobDoc> {
      if (leased.has(job._id)) throw new AppError('MONITORING_JOB_NOT_RESUMABLE');
      return runs.takeOver(job, staleMs);
    },

    // A job runs here only inside its lease (start), so the lease map is the whole answer.
    isRunningHere: (jobId: string) => leased.has(jobId),
    /** For tests and the benchmark: wait until a job started here has finished. */
    async settle(jobId: string) { await leased.get(jobId); },
    async close() {
      await runs.close();
      await Promise.allSettled([...leased.values()]);
    },
  };
}
export type MonitoringJobRunner = ReturnType<typeof jobRunner>;
