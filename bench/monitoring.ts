/**
 * Monitoring evaluation benchmark (issue 10): monitored people and department rows in the embedded
 * FerretDB, the API in ITS OWN child process (this file run with `--api`: buildApp + listen, as
 * `npm start` does), so the memory measured is the API's alone. Figures, each beside a baseline
 * measured in the same run:
 *   1. the rule evaluation (the background job: load the watch list, stream every row, judge every
 *      rule, insert the alerts) in rows/s vs a raw driver read of the same rows (same filter and
 *      projection, nothing done with them, in this parent process);
 *   2. the API process's RSS: idle after start, and its peak during each evaluation (VmRSS from
 *      /proc/<pid>/status sampled every 100 ms; VmHWM, the kernel's own high-water mark, at the end);
 *   3. a second evaluation of the same data: the alerts it adds (must be 0) and its time.
 * The rows are written with the raw driver as an import leaves them (the import is the shared
 * streamed machinery, measured in bench/ledger.ts).
 * Run: `npm run bench:monitoring` — parametric: BENCH_PEOPLE (default 100,000), BENCH_ROWS (default
 * 1,000,000). Prints markdown (also /tmp/monitoring-bench.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { addMonthsToDate, checkCharFor, maskIdNumber, shanghaiDate, type EvaluationView } from '@dajiuzhu/shared';
import { loadConfig } from '@dajiuzhu/config';
import { startEmbeddedDatabase } from '../server/src/core/db/embedded';
import { createPiiCipher } from '../server/src/core/crypto/pii';
import { regionWithin } from '../server/src/core/scope/staffScope';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REGION = '371402';
const DB_NAME = 'mbench';
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (kb: number) => `${fmt(kb / 1024, 0)} MB`;
const benchConfig = (dataDir: string) => loadConfig({ NODE_ENV: 'test' }, { dataDir, logLevel: 'silent', monitoring: { contentCheck: 'off' } });

type FromApi = { ready: true } | { evaluated: EvaluationView; heapUsed: number; heapTotal: number } | { failed: string };

/** The child: the API process. Evaluations are started by message (the same `runNow` the demo and tests use) and answered when done. */
async function apiProcess(): Promise<void> {
  const { buildApp } = await import('../server/src/app');
  await import('../server/src/domains/monitoring/api');
  const app = await buildApp(benchConfig(process.env.BENCH_DATA_DIR!), { databaseUri: process.env.BENCH_DB_URI!, databaseName: DB_NAME });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const send = (m: FromApi) => process.send!(m);
  process.on('message', (m: { cmd: 'evaluate' | 'close' }) => {
    if (m.cmd === 'close') { void app.close().finally(() => process.exit(0)); return; }
    app.monitoring.evaluations.runNow(REGION).then((v) => send({ evaluated: v, ...process.memoryUsage() }), (err: Error) => send({ failed: String(err?.stack ?? err) }));
  });
  send({ ready: true });
}

/** A field of /proc/<pid>/status in kB (VmRSS now, VmHWM the peak since start). */
function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

function nextMessage(child: ChildProcess): Promise<FromApi> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`the API process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (m: FromApi) => { child.off('exit', onExit); resolve(m); });
  });
}

/** Peak RSS of the API process while `fn` runs, sampled every 100 ms. */
async function withApiPeak<T>(pid: number, fn: () => Promise<T>): Promise<{ result: T; peakKb: number; ms: number }> {
  let peak = procKb(pid, 'VmRSS');
  const timer = setInterval(() => { try { peak = Math.max(peak, procKb(pid, 'VmRSS')); } catch { /* exited */ } }, 100);
  const t = Date.now();
  try {
    const result = await fn();
    return { result, peakKb: Math.max(peak, procKb(pid, 'VmRSS')), ms: Date.now() - t };
  } finally {
    clearInterval(timer);
  }
}

function idNumberOf(i: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `371402${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharFor(first17);
}
const GROUPS = ['dibao', 'tekun', 'dibaoEdge', 'expenditureHardship', 'poorestThreePercent'];
const regionOfPerson = (p: number) => `371402${String(1 + (p % 9)).padStart(3, '0')}001`;

async function main() {
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-mbench-'));
  const out: string[] = [];
  const say = (s: string) => { out.push(s); console.log(s); };
  const db = await startEmbeddedDatabase({ dataDir });
  const conn = await mongoose.createConnection(db.uri, { dbName: DB_NAME }).asPromise();
  const raw = conn.db!;
  const pii = createPiiCipher(benchConfig(dataDir).pii);
  const today = shanghaiDate();
  let child: ChildProcess | null = null;
  try {
    // The API, its own process (the same Node flags as this one: tsx's loader, as `npm start`), started
    // first, as in production: it creates the collections' indexes before the data arrives.
    // BENCH_API_FLAGS: extra Node flags for the API process, e.g. `--max-old-space-size=192` (a V8 heap sized for the API).
    const apiFlags = (process.env.BENCH_API_FLAGS ?? '').split(' ').filter(Boolean);
    child = fork(__filename, ['--api'], { execArgv: [...process.execArgv, ...apiFlags], env: { ...process.env, BENCH_DB_URI: db.uri, BENCH_DATA_DIR: dataDir }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await nextMessage(child);
    if (!('ready' in ready)) throw new Error(`API did not start: ${JSON.stringify(ready)}`);

    // People: generated a batch at a time; only their blind indexes are kept (the rows point at them).
    let t = Date.now();
    const keys: string[] = new Array(PEOPLE);
    for (let i = 0; i < PEOPLE; i += 5000) {
      const docs = [];
      for (let j = i; j < Math.min(PEOPLE, i + 5000); j++) {
        const id = idNumberOf(j);
        const key = pii.blindIndex(id);
        keys[j] = key;
        docs.push({ _id: key, name: '王建国', idNumberMasked: maskIdNumber(id), idNumberCipher: '', group: GROUPS[j % 5], regionCode: regionOfPerson(j), householdKey: key, householdIncomeFen: 150_000 + (j % 7) * 50_000, householdSize: 1 + (j % 5), origins: ['list:bench'], updatedAt: new Date() });
      }
      await raw.collection('monitoring_people').insertMany(docs as never[], { ordered: false });
    }
    say(`generated ${fmt(PEOPLE)} monitored people in ${fmt((Date.now() - t) / 1000, 1)} s`);

    // Rows: mostly medical bills over 11 months, a few disability, unemployment, school, vehicle, death rows.
    t = Date.now();
    const kinds = ['medicalCost', 'medicalCost', 'medicalCost', 'medicalCost', 'medicalCost', 'medicalCost', 'medicalCost', 'disabilityCertificate', 'unemployment', 'schoolCost'];
    for (let i = 0; i < ROWS; i += 5000) {
      const docs = [];
      for (let r = i; r < Math.min(ROWS, i + 5000); r++) {
        const p = r % PEOPLE;
        const kind = r % 997 === 0 ? 'vehicle' : r % 1009 === 0 ? 'death' : kinds[Math.floor(r / PEOPLE) % kinds.length];
        const amount = kind === 'medicalCost' ? 50_000 + ((r * 7919) % 400_000) : kind === 'schoolCost' ? (r % 13 === 0 ? 900_000 : 200_000) : null;
        docs.push({ _id: `bench:${r}`, personKey: keys[p], source: 'bench', kind, date: addMonthsToDate(today, -(1 + (r % 11))), amountFen: amount, totalFen: null, grade: kind === 'disabilityCertificate' ? 1 + (r % 4) : null, text: '', reference: `B${r}`, regionCode: regionOfPerson(p), importId: 'bench', line: r, createdAt: new Date() });
      }
      await raw.collection('monitoring_records').insertMany(docs as never[], { ordered: false });
    }
    say(`generated ${fmt(ROWS)} department rows in ${fmt((Date.now() - t) / 1000, 1)} s`);
    keys.length = 0;

    // Baseline: the raw driver reads the same rows (same filter and projection, same batch size as the job), does nothing with them.
    t = Date.now();
    let baseRows = 0;
    const cursor = raw.collection('monitoring_records').find({ regionCode: regionWithin(REGION) }, { projection: { _id: 0, personKey: 1, kind: 1, date: 1, amountFen: 1, totalFen: 1, grade: 1, text: 1, reference: 1 }, batchSize: 2000 });
    for await (const _ of cursor) baseRows++;
    const baseMs = Date.now() - t;
    say(`raw driver read of ${fmt(baseRows)} rows: ${fmt(baseMs / 1000, 1)} s`);

    const pid = child.pid!;
    const idleKb = procKb(pid, 'VmRSS');
    const evaluate = async () => {
      const reply = nextMessage(child!);
      child!.send({ cmd: 'evaluate' });
      const m = await reply;
      if (!('evaluated' in m)) throw new Error(`evaluation failed: ${JSON.stringify(m)}`);
      if (m.evaluated.status !== 'done') throw new Error(`evaluation ${m.evaluated.status}: ${JSON.stringify(m.evaluated.error)}`);
      return { ...m.evaluated, heapUsedKb: m.heapUsed / 1024, heapTotalKb: m.heapTotal / 1024 };
    };
    const first = await withApiPeak(pid, evaluate);
    const second = await withApiPeak(pid, evaluate);
    const hwmKb = procKb(pid, 'VmHWM');
    const rate = (ms: number) => fmt(ROWS / (ms / 1000));
    const lines = [
      `### ${fmt(PEOPLE)} monitored people, ${fmt(ROWS)} department rows (embedded FerretDB v1.24, 2 cores shared with other work; API flags: ${apiFlags.join(' ') || 'none'}; whole run ${fmt((Date.now() - started) / 60_000, 1)} min)`,
      '',
      '| measure | evaluation (API process) | baseline (same run) | ratio |',
      '|---|---|---|---|',
      `| rows/s, first run | **${rate(first.ms)} rows/s** (${fmt(first.ms / 1000, 1)} s; ${fmt(first.result.counts.alertsNew)} alerts) | raw driver read of the same rows ${rate(baseMs)} rows/s (${fmt(baseMs / 1000, 1)} s, ${fmt(baseRows)} rows) | ${fmt(baseMs / first.ms, 2)}× the raw read |`,
      `| second run of the same data | ${rate(second.ms)} rows/s (${fmt(second.ms / 1000, 1)} s); **${fmt(second.result.counts.alertsNew)} new alerts**, ${fmt(second.result.counts.alertsExisting)} already there | — | — |`,
      `| RSS of the API process | **peak ${mb(first.peakKb)}** first run, ${mb(second.peakKb)} second; VmHWM ${mb(hwmKb)} | ${mb(idleKb)} idle after start | — |`,
      `| V8 heap of the API process at the end of each run (used / total) | ${mb(first.result.heapUsedKb)} / ${mb(first.result.heapTotalKb)} first, ${mb(second.result.heapUsedKb)} / ${mb(second.result.heapTotalKb)} second | — | — |`,
    ];
    for (const l of lines) say(l);
    writeFileSync('/tmp/monitoring-bench.md', out.join('\n') + '\n');
    if (second.result.counts.alertsNew !== 0) throw new Error('a second run created alerts');
  } finally {
    if (child && child.exitCode === null) {
      const gone = new Promise((r) => child!.once('exit', r));
      child.send({ cmd: 'close' });
      await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill();
    }
    await conn.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--api')) apiProcess().catch((err) => { console.error(err); process.exit(1); });
else main().catch((err) => { console.error(err); process.exit(1); });
