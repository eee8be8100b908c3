import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { JobDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { Jobs } from '../../../core/jobs/jobs';
import { AppError } from '../../../core/errors/AppError';

export const newJobId = (prefix: 'mim' | 'mev') => `${prefix}_${randomBytes(12).toString('base64url')}`;

export function newJob(init: Pick<JobDoc, '_id' | 'kind' | 'regionCode' | 'actorId'> & Partial<JobDoc>, at: Date): JobDoc {
  return {
    status: 'queued', attempt: 1, checkpoint: 0, counts: {}, source: '', fileName: '', filePath: '', format: '', encoding: '', sha256: '', columns: {},
    asOf: '', evaluationId: null, error: null, heartbeatAt: at, createdAt: at, finishedAt: null, ...init,
  };
}

export type Work = (job: JobDoc, shouldStop: () => boolean) => Promise<void>;

/**
 * Runs monitoring jobs (imports, evaluations) in the API process. Each run holds a lease of the
 * core job service (`app.jobs.runExclusive`, core/jobs: one process across all API processes) for
 * its key, keeps a heartbeat on its job document (progress for the screens; a dead process's job
 * shows an old heartbeat and is taken over), and stops at the next batch when the app closes or the
 * lease is lost (the job is then `interrupted`, resumable from its checkpoint).
 */
export function jobRunner(deps: { repo: MonitoringRepository; jobs: Jobs; log: FastifyBaseLogger; heartbeatMs: number; leaseTtlMs: number }) {
  const running = new Map<string, Promise<unknown>>();
  let closing = false;

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
        const timer = setInterval(() => { void deps.repo.updateJob(job._id, { heartbeatAt: new Date() }).catch(() => {}); }, deps.heartbeatMs);
        timer.unref();
        const stop = () => closing || signal.aborted;
        try {
          await deps.repo.updateJob(job._id, { status: 'running', attempt: job.attempt, heartbeatAt: new Date() });
          await work(job, stop);
          if (stop()) await deps.repo.updateJob(job._id, { status: 'interrupted' });
        } catch (err) {
          const code = err instanceof AppError ? err.code : 'INTERNAL';
          if (!(err instanceof AppError)) deps.log.error({ err, jobId: job._id }, 'monitoring job failed');
          await deps.repo.updateJob(job._id, { status: 'failed', error: { code, message: err instanceof AppError ? err.message : '任务执行失败，请重试' }, finishedAt: new Date() }).catch(() => {});
        } finally {
          clearInterval(timer);
        }
      }).then((r) => { if (!r.ran) started(false); }, (err: unknown) => {
        started(false);
        deps.log.error({ err, jobId: job._id }, 'monitoring job lease failed');
      }).finally(() => running.delete(job._id));
      running.set(job._id, run);
      return startedP;
    },

    /** Takes over an interrupted, failed or dead job: one taker wins (insert into the attempt's key). */
    async takeOver(job: JobDoc, staleMs: number): Promise<JobDoc> {
      const dead = job.status === 'running' && !running.has(job._id) && Date.now() - new Date(job.heartbeatAt).getTime() > staleMs;
      if (!(job.status === 'interrupted' || job.status === 'failed' || job.status === 'queued' || dead) || running.has(job._id)) throw new AppError('MONITORING_JOB_NOT_RESUMABLE');
      const attempt = job.attempt + 1;
      if (!(await deps.repo.takeLease(job._id, attempt))) throw new AppError('MONITORING_JOB_NOT_RESUMABLE');
      await deps.repo.updateJob(job._id, { attempt, status: 'running', error: null, heartbeatAt: new Date() });
      return { ...job, attempt, status: 'running', error: null };
    },

    isRunningHere: (jobId: string) => running.has(jobId),
    /** For tests and the benchmark: wait until a job started here has finished. */
    async settle(jobId: string) { await running.get(jobId); },
    async close() {
      closing = true;
      await Promise.allSettled([...running.values()]);
    },
  };
}
export type MonitoringJobRunner = ReturnType<typeof jobRunner>;
