import type { FastifyBaseLogger } from 'fastify';
import type { ErrorCode } from '@dajiuzhu/shared';
import { AppError } from '../errors/AppError';

/** What every resumable job document has (a domain's import, publish, payment run, evaluation …). */
export interface ResumableJob {
  _id: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'interrupted';
  attempt: number;
  heartbeatAt: Date;
}

/** The fields this runner writes on a job document. */
export interface JobStatePatch {
  status?: 'running' | 'failed' | 'interrupted';
  attempt?: number;
  heartbeatAt?: Date;
  error?: { code: string; message: string } | null;
  finishedAt?: Date;
}

/** The owning domain's repository: its job documents and its attempt keys (insert wins). */
export interface ResumableJobStore {
  updateJob(id: string, set: JobStatePatch): Promise<unknown>;
  /** Inserts "<jobId>:<attempt>": false when another taker won that attempt. */
  takeLease(id: string, attempt: number): Promise<boolean>;
}

export type JobWork<J> = (job: J, shouldStop: () => boolean) => Promise<void>;

/**
 * Runs a domain's long jobs inside the API process, the same way for every domain: a heartbeat on
 * the job document while it runs (progress for the screens; a dead process's job shows an old
 * heartbeat), `running` → `interrupted` when the app closes (or `stopAlso` says so) at the work's
 * next check, `failed` with a stable code when it throws; and a takeover of an interrupted, failed
 * or dead job by exactly one taker (the next attempt's key, insert wins), resumed from its checkpoint.
 */
export function resumableJobs<J extends ResumableJob>(deps: {
  store: ResumableJobStore;
  log: FastifyBaseLogger;
  heartbeatMs: number;
  /** In log lines: "<name> job failed". */
  name: string;
  /** The domain's code for "this job cannot be taken over now". */
  notResumable: ErrorCode;
  /** An error that leaves the job exactly as a killed process would (no status change): the tests' simulated crash. */
  leavesAsKilled?: (err: unknown) => boolean;
}) {
  const { store } = deps;
  const running = new Map<string, Promise<void>>();
  let closing = false;

  return {
    get closing() { return closing; },
    isRunningHere: (jobId: string) => running.has(jobId),

    /** Works `job` here now; `stopAlso`: another reason to stop at the next check (a lost lease). */
    run(job: J, work: JobWork<J>, stopAlso: () => boolean = () => false): Promise<void> {
      const timer = setInterval(() => { void store.updateJob(job._id, { heartbeatAt: new Date() }).catch(() => {}); }, deps.heartbeatMs);
      timer.unref();
      const stop = () => closing || stopAlso();
      const p = (async () => {
        try {
          await store.updateJob(job._id, { status: 'running', attempt: job.attempt, heartbeatAt: new Date() });
          await work(job, stop);
          if (stop()) await store.updateJob(job._id, { status: 'interrupted' });
        } catch (err) {
          if (deps.leavesAsKilled?.(err)) return;
          const code = err instanceof AppError ? err.code : 'INTERNAL';
          if (!(err instanceof AppError)) deps.log.error({ err, jobId: job._id }, `${deps.name} job failed`);
          await store.updateJob(job._id, { status: 'failed', error: { code, message: err instanceof AppError ? err.message : '任务执行失败，请重试' }, finishedAt: new Date() }).catch(() => {});
        } finally {
          clearInterval(timer);
          running.delete(job._id);
        }
      })();
      running.set(job._id, p);
      return p;
    },

    /** Takes over an interrupted, failed, queued or dead job: one taker wins. Returns the job as now running. */
    async takeOver(job: J, staleMs: number): Promise<J> {
      const dead = job.status === 'running' && !running.has(job._id) && Date.now() - new Date(job.heartbeatAt).getTime() > staleMs;
      const resumable = job.status === 'interrupted' || job.status === 'failed' || job.status === 'queued' || dead;
      if (!resumable || running.has(job._id)) throw new AppError(deps.notResumable);
      const attempt = job.attempt + 1;
      if (!(await store.takeLease(job._id, attempt))) throw new AppError(deps.notResumable);
      await store.updateJob(job._id, { attempt, status: 'running', error: null, heartbeatAt: new Date() });
      return { ...job, attempt, status: 'running', error: null } as J;
    },

    /** For tests and the benchmark: wait until a job started here has finished. */
    async settle(jobId: string) { await running.get(jobId); },
    async close() {
      closing = true;
      await Promise.allSettled([...running.values()]);
    },
  };
}
