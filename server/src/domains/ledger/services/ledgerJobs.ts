import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { emptyCounts, type LedgerJobDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { AppError } from '../../../core/errors/AppError';

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
 * Runs ledger jobs inside the API process. Each job has a heartbeat; on close the runner stops at
 * the next batch and marks the job interrupted (it can be resumed); a job whose process died keeps
 * status running with an old heartbeat and is resumed the same way.
 */
export function jobRunner(deps: { repo: LedgerRepository; log: FastifyBaseLogger; heartbeatMs: number; afterBatch?: AfterBatchHook }) {
  const running = new Map<string, Promise<void>>();
  let closing = false;
  const { afterBatch } = deps;

  return {
    get closing() { return closing; },
    isRunningHere: (jobId: string) => running.has(jobId),

    /** Workers call this once a batch is committed: the point where a stop (or a simulated kill) leaves a resumable job. */
    async batchCommitted(jobId: string, batch: number) { await afterBatch?.(jobId, batch); },

    /** Starts work on a job whose lease this process holds. */
    start(job: LedgerJobDoc, work: (job: LedgerJobDoc, shouldStop: () => boolean) => Promise<void>) {
      const timer = setInterval(() => { void deps.repo.updateJob(job._id, { heartbeatAt: new Date() }).catch(() => {}); }, deps.heartbeatMs);
      timer.unref();
      const p = (async () => {
        try {
          await deps.repo.updateJob(job._id, { status: 'running', attempt: job.attempt, heartbeatAt: new Date() });
          await work(job, () => closing);
          if (closing) await deps.repo.updateJob(job._id, { status: 'interrupted' });
        } catch (err) {
          if (err instanceof SimulatedCrash) return; // as if killed: no status change
          const code = err instanceof AppError ? err.code : 'INTERNAL';
          if (!(err instanceof AppError)) deps.log.error({ err, jobId: job._id }, 'ledger job failed');
          await deps.repo.updateJob(job._id, { status: 'failed', error: { code, message: err instanceof AppError ? err.message : '任务执行失败，请重试' }, finishedAt: new Date() }).catch(() => {});
        } finally {
          clearInterval(timer);
          running.delete(job._id);
        }
      })();
      running.set(job._id, p);
      return p;
    },

    /** Takes over an interrupted, failed or dead job: one taker wins (insert into the lease key). */
    async takeOver(jobId: string, staleMs: number): Promise<LedgerJobDoc> {
      const job = await deps.repo.findJob(jobId);
      if (!job) throw new AppError('NOT_FOUND');
      const dead = job.status === 'running' && !running.has(jobId) && Date.now() - new Date(job.heartbeatAt).getTime() > staleMs;
      if (!(job.status === 'interrupted' || job.status === 'failed' || job.status === 'queued' || dead) || running.has(jobId)) throw new AppError('LEDGER_JOB_NOT_RESUMABLE');
      const attempt = job.attempt + 1;
      if (!(await deps.repo.takeLease(jobId, attempt))) throw new AppError('LEDGER_JOB_NOT_RESUMABLE');
      await deps.repo.updateJob(jobId, { attempt, status: 'running', error: null, heartbeatAt: new Date() });
      return { ...job, attempt, status: 'running', error: null };
    },

    async close() {
      closing = true;
      await Promise.allSettled([...running.values()]);
    },

    /** For tests and the benchmark: wait until a job started here has finished. */
    async settle(jobId: string) { await running.get(jobId); },
  };
}
export type JobRunner = ReturnType<typeof jobRunner>;
