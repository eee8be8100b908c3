/**
 * Two API processes (the real server entry, `npm start`'s) on one database, as behind a load
 * balancer: a periodic background job runs in one process only and is taken over when that process
 * is killed; a rate limit counts the requests of both; a session started on one works on the
 * other, and a sign-out on one is refused by the other within the session cache's bound
 * (docs/security.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { client, type HttpResult } from '../support/http';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const SESSION_CACHE_MS = 2000;
const LEASE_TTL_MS = 3000;
const JOB_INTERVAL_MS = 1000;
const RATE_MAX = 20;

interface ApiProcess { name: string; child: ChildProcess; url: string; jobRuns: () => number; leaseTaken: () => boolean; exited: Promise<unknown> }

async function startApi(name: string, databaseUri: string): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, NODE_ENV: 'development', PORT: '0', H5_DIR: '', SEED_DEMO: 'false', LOG_LEVEL: 'debug', MONGODB_URI: databaseUri,
      SESSION_CACHE_MS: String(SESSION_CACHE_MS), JOB_LEASE_TTL_MS: String(LEASE_TTL_MS), WISH_LAPSE_JOB_INTERVAL_MS: String(JOB_INTERVAL_MS), RATE_LIMIT_MAX: String(RATE_MAX),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let runs = 0;
  let taken = false;
  let pending = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stderr!.on('data', (c) => { out += c; });
  child.stdout!.on('data', (c: Buffer) => {
    pending += c.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) { out += `${line}\n`; continue; }
      if (!line.includes('"job":"wishes.lapse"')) continue;
      if (line.includes('"msg":"job run"')) runs += 1;
      if (line.includes('"msg":"job lease taken"')) taken = true;
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${out}`)), 90_000);
    const look = () => { const m = /open (http:\/\/\S+?)\/\s/.exec(out); if (m) { clearTimeout(timer); resolve(m[1]); } };
    child.stdout!.on('data', look);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited ${code}:\n${out}`)); });
  });
  return { name, child, url, jobRuns: () => runs, leaseTaken: () => taken, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A status with its error code ("503 SERVICE_UNAVAILABLE"), so a failure says which refusal it was. */
const described = (res: HttpResult) => (res.status < 400 ? String(res.status) : `${res.status} ${res.body?.error?.code ?? ''}`.trim());

/**
 * A 503 is a process saying "not now" (its event loop or the database is busy: a load balancer
 * would try again); what these tests check is the answer once it comes. Up to 30 s.
 */
async function answered(send: () => Promise<HttpResult>): Promise<HttpResult> {
  const until = Date.now() + 30_000;
  for (;;) {
    const res = await send();
    if (res.status !== 503 || Date.now() > until) return res;
    await sleep(200);
  }
}

/** The process answers /readyz (database reachable, not draining; no rate limit, so the test's counts start at 0). */
async function ready(p: ApiProcess) {
  const readyz = await answered(() => client(p.url).get('/readyz'));
  if (readyz.status !== 200) throw new Error(`${p.name} is not ready: ${described(readyz)}`);
}

let a: ApiProcess;
let b: ApiProcess;

beforeAll(async () => {
  const base = process.env.TEST_MONGODB_URI!.replace(/\/?$/, '/');
  const databaseUri = `${base}two_${randomBytes(5).toString('hex')}`;
  a = await startApi('A', databaseUri);
  b = await startApi('B', databaseUri);
  await ready(a);
  await ready(b);
});
afterAll(async () => {
  for (const p of [a, b]) if (p && p.child.exitCode === null && p.child.signalCode === null) { p.child.kill('SIGTERM'); await p.exited; }
});

it('a session started on one process works on the other; a sign-out on one is refused by the other within the cache bound', async () => {
  const onA = client(a.url);
  const onB = client(b.url);
  const me = await onA.signIn('two-process-resident');
  expect(described(await answered(() => onB.get('/api/v1/me', me.accessToken)))).toBe('200'); // B now remembers the session
  expect(described(await answered(() => onA.post('/api/v1/auth/logout', undefined, me.accessToken)))).toBe('204');
  expect(described(await answered(() => onA.get('/api/v1/me', me.accessToken)))).toMatch(/^401/); // at once where it was signed out
  const signedOutAt = Date.now();
  let refusedAfter = -1;
  const seen: string[] = [];
  // A poll every 250 ms: the account's rate limit (RATE_MAX a minute, counted across both
  // processes) must not run out before the cache does, or B would answer 429 instead of 401.
  while (Date.now() - signedOutAt < SESSION_CACHE_MS + 3000) {
    const res = await onB.get('/api/v1/me', me.accessToken);
    seen.push(described(res));
    if (res.status === 401) { refusedAfter = Date.now() - signedOutAt; break; }
    await sleep(250);
  }
  // The statuses B gave are in the failure message: a 429 or 503 here says why, not just "-1".
  expect({ refused: refusedAfter >= 0, seen }).toMatchObject({ refused: true });
  // The bound is the cache's lifetime (the poll's own step and a loaded machine aside).
  expect(refusedAfter).toBeLessThanOrEqual(SESSION_CACHE_MS + 1000);
});

it('a rate limit counts the requests of both processes', async () => {
  // Fixed one-minute windows: do not start in the last seconds of one.
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await sleep(60_000 - intoMinute + 200);
  const clients = [client(a.url), client(b.url)];
  const statuses: number[] = [];
  // A 503 (a starved process) is refused before the rate limit counts it: sent again, not counted.
  for (let i = 0; i < 2 * RATE_MAX; i += 1) statuses.push((await answered(() => clients[i % 2].get('/api/v1/auth/options'))).status);
  const firstRefused = statuses.indexOf(429);
  // Counted per process, each would let RATE_MAX through (2 × RATE_MAX in all, no 429 at all).
  // Counted in the database: from half the limit on each answer waits for the database's total of
  // both processes, so the limit is met within a few requests, never at twice it.
  expect(firstRefused).toBeGreaterThanOrEqual(RATE_MAX - 1);
  expect(firstRefused).toBeLessThanOrEqual(RATE_MAX + 4);
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(RATE_MAX + 4);
  expect(statuses.slice(RATE_MAX + 4).every((s) => s === 429)).toBe(true);
});

it('a periodic job runs in one process only, and the other takes it over when that one is killed', async () => {
  const startA = a.jobRuns();
  const startB = b.jobRuns();
  await sleep(5 * JOB_INTERVAL_MS + 500);
  const ranA = a.jobRuns() - startA;
  const ranB = b.jobRuns() - startB;
  // Each process ticks every second; only the lease holder runs: about 5 runs in all, not 10.
  expect(Math.min(ranA, ranB)).toBe(0);
  expect(ranA + ranB).toBeGreaterThanOrEqual(3);
  expect(ranA + ranB).toBeLessThanOrEqual(7);
  const [holder, other] = ranA > 0 ? [a, b] : [b, a];
  expect(other.leaseTaken()).toBe(false);

  holder.child.kill('SIGKILL'); // no release: the lease must expire and be taken over
  await holder.exited;
  const killedAt = Date.now();
  const before = other.jobRuns();
  while (other.jobRuns() === before && Date.now() - killedAt < LEASE_TTL_MS + 10_000) await sleep(100);
  expect(other.leaseTaken()).toBe(true);
  expect(other.jobRuns()).toBeGreaterThan(before);
  // Not before the dead holder's lease expired, and soon after.
  expect(Date.now() - killedAt).toBeLessThanOrEqual(LEASE_TTL_MS + 2 * JOB_INTERVAL_MS + 3000);
});
