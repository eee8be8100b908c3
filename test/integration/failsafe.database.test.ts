/**
 * The embedded database really killed (SIGKILL) and really stalled (SIGSTOP), under the real API
 * over real HTTP: requests get 503 DATABASE_UNAVAILABLE in the envelope (never 500, never a hang),
 * /healthz and /readyz tell the truth, and everything comes back by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/src/core/db/embedded';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope, type HttpResult } from '../support/http';

jest.setTimeout(90_000);

// This file runs its own database process, so killing it affects no other test.
let dataDir: string;
let db: EmbeddedDatabase;
let stack: Stack;
let api: ReturnType<typeof client>;
let token: string;
const REQUEST_TIMEOUT_MS = 5000; // the default (config/env/default.ts)

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-failsafe-db-'));
  // Restarts start at 500 ms (instead of 250) so the outage is long enough to watch on a busy machine.
  db = await startEmbeddedDatabase({ dataDir, restart: { firstDelayMs: 500 } });
  stack = await startStack({ databaseUri: db.uri });
  api = client(stack.baseUrl);
  token = (await api.signIn('fs-db-user')).accessToken;
});
afterAll(async () => {
  await stack.stop();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timed(run: () => Promise<HttpResult>) {
  const started = Date.now();
  const res = await run();
  return { res, ms: Date.now() - started };
}

async function waitFor(check: () => Promise<boolean>, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

describe('the embedded database killed', () => {
  it('answers 503 in the envelope while it is down, says so on /healthz, restarts it with backoff and is back by itself', async () => {
    expect((await api.get('/api/v1/me', token)).status).toBe(200);
    const restartsBefore = db.restarts();
    const pidsSeen = new Set<number>();

    // Kill every database process that appears for 4 s: a database that keeps dying.
    let killing = true;
    const killer = (async () => {
      while (killing) {
        const pid = db.pid();
        if (pid && !pidsSeen.has(pid)) {
          pidsSeen.add(pid);
          try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
        }
        await sleep(20);
      }
    })();
    // Meanwhile, three callers keep asking: the API, /healthz and /readyz.
    const sample = async (run: () => Promise<HttpResult>) => {
      const out: { res: HttpResult; ms: number }[] = [];
      while (killing) { out.push(await timed(run)); await sleep(50); }
      return out;
    };
    const sampled = Promise.all([sample(() => api.get('/api/v1/me', token)), sample(() => api.get('/healthz')), sample(() => api.get('/readyz'))]);
    await sleep(4000);
    killing = false;
    await killer;
    const [me, healthz, ready] = await sampled;

    // Never a 500, never a hang: 200 (the driver retried on a restarted process) or the 503 envelope.
    for (const s of me) {
      expect([200, 503]).toContain(s.res.status);
      if (s.res.status === 503) expectEnvelope(s.res, 503, 'DATABASE_UNAVAILABLE');
      expect(s.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);
    }
    expect(me.some((s) => s.res.status === 503)).toBe(true);
    // The probes tell the truth while it is down.
    const down = healthz.find((s) => s.res.status === 503);
    expect(down).toBeDefined();
    expectEnvelope(down!.res, 503, 'DATABASE_UNAVAILABLE');
    expect(down!.res.body.error.details).toMatchObject({ database: 'down' });
    expect(ready.some((s) => s.res.status === 503)).toBe(true);

    // Restarted with backoff (500 ms, 1 s, 2 s, …): a few restarts in 4 s, not a storm.
    expect(pidsSeen.size).toBeGreaterThanOrEqual(2);
    expect(pidsSeen.size).toBeLessThanOrEqual(5);

    // Back by itself, with the data written before.
    expect(await waitFor(async () => (await api.get('/healthz')).status === 200)).toBe(true);
    expect((await api.get('/healthz')).body).toEqual({ status: 'ok', database: 'up' });
    expect((await api.get('/readyz')).status).toBe(200);
    expect(await waitFor(async () => (await api.get('/api/v1/me', token)).status === 200)).toBe(true);
    expect(db.restarts()).toBeGreaterThan(restartsBefore);
    expect(db.pid()).not.toBeUndefined();
    expect(pidsSeen.has(db.pid()!)).toBe(false);
  });
});

describe('the embedded database stalled', () => {
  it(`answers 503 within requestTimeoutMs (${REQUEST_TIMEOUT_MS} ms) instead of hanging, and recovers after it resumes`, async () => {
    expect(await waitFor(async () => (await api.get('/api/v1/me', token)).status === 200)).toBe(true);
    const pid = db.pid()!;
    process.kill(pid, 'SIGSTOP');
    try {
      // A request already waiting when the database stalls, and one a moment later.
      const [first, second] = await Promise.all([
        timed(() => api.get('/api/v1/me', token)),
        sleep(500).then(() => timed(() => api.post('/api/v1/auth/dev', { openid: 'fs-db-during-stall' }))),
      ]);
      for (const r of [first, second]) {
        expectEnvelope(r.res, 503, 'DATABASE_UNAVAILABLE');
        expect(r.ms).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + 1000);
      }
      // Once the stall is known, new requests are refused at once and the probes say so.
      const third = await timed(() => api.get('/api/v1/me', token));
      expectEnvelope(third.res, 503, 'DATABASE_UNAVAILABLE');
      expect(third.ms).toBeLessThan(1000);
      expectEnvelope(await api.get('/healthz'), 503, 'DATABASE_UNAVAILABLE');
      expectEnvelope(await api.get('/readyz'), 503, 'DATABASE_UNAVAILABLE');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(await waitFor(async () => (await api.get('/api/v1/me', token)).status === 200, 15_000)).toBe(true);
    expect((await api.get('/healthz')).status).toBe(200);
    // The stalled process resumed; it was not replaced.
    expect(db.pid()).toBe(pid);
  });
});
