import { AppError } from '../errors/AppError';
import { resumableJobs, type JobStatePatch, type ResumableJob } from './resumableJobs';

interface Job extends ResumableJob { error: { code: string; message: string } | null }

/** The owning domain's store, kept in memory: the attempt keys behave as a unique index (insert wins). */
function store() {
  const writes: { id: string; set: JobStatePatch }[] = [];
  const keys = new Set<string>();
  return {
    writes,
    last: (field: keyof JobStatePatch) => [...writes].reverse().find((w) => field in w.set)?.set[field],
    async updateJob(id: string, set: JobStatePatch) { writes.push({ id, set }); },
    async takeLease(id: string, attempt: number) {
      const key = `${id}:${attempt}`;
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    },
  };
}

const log = { error: jest.fn() } as never;
const job = (over: Partial<Job> = {}): Job => ({ _id: 'j1', status: 'queued', attempt: 1, heartbeatAt: new Date(), error: null, ...over });

it('a job that throws is failed with its stable code; an unexpected error is failed as INTERNAL with a message for people', async () => {
  const s = store();
  const runner = resumableJobs<Job>({ store: s, log, heartbeatMs: 1000, name: 'test', notResumable: 'LEDGER_JOB_NOT_RESUMABLE' });
  await runner.run(job(), async () => { throw new AppError('LEDGER_SOURCE_UNKNOWN'); });
  expect(s.last('status')).toBe('failed');
  expect(s.last('error')).toMatchObject({ code: 'LEDGER_SOURCE_UNKNOWN' });
  await runner.run(job({ _id: 'j2' }), async () => { throw new Error('boom'); });
  expect(s.last('error')).toEqual({ code: 'INTERNAL', message: '任务执行失败，请重试' });
});

it('closing the app stops a job at its next check and leaves it interrupted (resumable), not failed', async () => {
  const s = store();
  const runner = resumableJobs<Job>({ store: s, log, heartbeatMs: 1000, name: 'test', notResumable: 'LEDGER_JOB_NOT_RESUMABLE' });
  let checks = 0;
  let working!: () => void;
  const started = new Promise<void>((r) => { working = r; });
  const running = runner.run(job(), async (_j, shouldStop) => {
    while (!shouldStop()) { checks++; working(); await new Promise((r) => setTimeout(r, 5)); }
  });
  expect(runner.isRunningHere('j1')).toBe(true);
  await started;
  await runner.close();
  await running;
  expect(checks).toBeGreaterThan(0);
  expect(s.writes.map((w) => w.set.status).filter(Boolean)).toEqual(['running', 'interrupted']);
  expect(runner.isRunningHere('j1')).toBe(false);
});

it('an error that stands for a killed process leaves the job as it was (running), for a takeover', async () => {
  class Crash extends Error {}
  const s = store();
  const runner = resumableJobs<Job>({ store: s, log, heartbeatMs: 1000, name: 'test', notResumable: 'LEDGER_JOB_NOT_RESUMABLE', leavesAsKilled: (e) => e instanceof Crash });
  await runner.run(job(), async () => { throw new Crash(); });
  expect(s.last('status')).toBe('running');
});

it('an interrupted or dead job is taken over by exactly one of two takers; a live or finished one by none', async () => {
  const s = store();
  const runner = resumableJobs<Job>({ store: s, log, heartbeatMs: 1000, name: 'test', notResumable: 'MONITORING_JOB_NOT_RESUMABLE' });
  const interrupted = job({ status: 'interrupted', attempt: 2 });
  const results = await Promise.allSettled([runner.takeOver(interrupted, 60_000), runner.takeOver(interrupted, 60_000)]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect(results.find((r) => r.status === 'fulfilled')).toMatchObject({ value: { status: 'running', attempt: 3 } });
  expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'MONITORING_JOB_NOT_RESUMABLE' } });

  const dead = job({ _id: 'j2', status: 'running', heartbeatAt: new Date(Date.now() - 120_000) });
  await expect(runner.takeOver(dead, 60_000)).resolves.toMatchObject({ attempt: 2 });
  const alive = job({ _id: 'j3', status: 'running', heartbeatAt: new Date() });
  await expect(runner.takeOver(alive, 60_000)).rejects.toMatchObject({ code: 'MONITORING_JOB_NOT_RESUMABLE' });
  await expect(runner.takeOver(job({ _id: 'j4', status: 'done' }), 60_000)).rejects.toMatchObject({ code: 'MONITORING_JOB_NOT_RESUMABLE' });
});
