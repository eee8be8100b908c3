/**
 * API benchmark (issue 14): the real server entry (`server/src/main.ts`, production settings where
 * they matter: no per-query stack traces) in child processes on one fresh embedded FerretDB, each
 * figure beside a baseline measured in the same run:
 *   1. signed-in `GET /api/v1/me` vs a bare Fastify hello-world (autocannon);
 *   2. 300 concurrent writers (sign-ins: session, numbered slot, refresh token, audit): all settle;
 *   3. 1,000 simultaneous wish claims: all answered; claims/s vs 1,000 raw concurrent `insertOne`;
 *   4. two API processes vs one on reads (`GET /me`, the load split over both);
 *   5. the H5 app's first load: bytes on the wire with brotli/gzip vs uncompressed; first contentful
 *      paint under Fast 3G + CPU 4× vs a one-line page on the same server (bench/fcp.ts);
 * Run: `npm run bench:api` (BENCH_SECONDS per autocannon run, default 10). Prints a markdown report
 * (also written to /tmp/api-bench.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { measureFcp, writeOneLinePage } from './fcp';
import { MongoClient } from 'mongodb';
import { checkCharFor } from '@dajiuzhu/shared';
import { startEmbeddedDatabase } from '../server/src/core/db/embedded';

const ROOT = path.resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 40;
/** Cases in the county's queue for the queue figure (the demo's, copied). */
const QUEUE_CASES = Number(process.env.BENCH_QUEUE_CASES ?? 300);
const FCP_RUNS = Number(process.env.BENCH_FCP_RUNS ?? 5);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`;

interface Child { child: ChildProcess; url: string; stop(): Promise<void> }

async function spawnServer(args: string[], env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (c) => { out += c; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', (c) => { out += c; const m = /open (http:\/\/\S+?)\/\s/.exec(out); if (m) { clearTimeout(timer); resolve(m[1]); } });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}:\n${out}`)); });
  });
  const exited = new Promise((r) => child.once('exit', r));
  return { child, url, async stop() { child.kill('SIGTERM'); await exited; } };
}

/**
 * A copy of the H5 build (miniprogram/dist/h5) taken while it is complete (index.html and every file
 * it names), so a rebuild during the run does not change what is measured; '' when there is none.
 */
async function snapshotH5(into: string): Promise<string> {
  const dist = path.join(ROOT, 'miniprogram/dist/h5');
  for (let tries = 0; tries < 60; tries += 1) {
    const index = path.join(dist, 'index.html');
    if (existsSync(index)) {
      const names = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
      if (names.every((n) => existsSync(path.join(dist, n)))) {
        cpSync(dist, into, { recursive: true });
        return into;
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  return '';
}

let H5_DIR = '';
const apiProcess = (databaseUri: string, seedDemo = false) => spawnServer(['--import', 'tsx', 'server/src/main.ts'], {
  NODE_ENV: 'development', PORT: '0', LOG_LEVEL: 'warn', SEED_DEMO: String(seedDemo), MONGODB_URI: databaseUri, H5_DIR,
  DATABASE_QUERY_STACK_TRACES: 'false', RATE_LIMIT_MAX: '100000000', RATE_LIMIT_AUTH_MAX: '100000000',
});

const HELLO = "const f=require('fastify')();f.get('/',async()=>({hello:'world'}));f.listen({host:'127.0.0.1',port:0}).then((a)=>console.log('open '+a+'/ '))";

async function cannon(url: string, token?: string, connections = CONNECTIONS) {
  const r = await autocannon({ url, connections, duration: SECONDS, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

/** The driver's side of a read figure: `loops` concurrent loops of `read` for SECONDS. */
async function driverLoops(read: () => Promise<unknown>, loops = CONNECTIONS) {
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: loops }, async () => {
    while (Date.now() < until) { const t = process.hrtime.bigint(); await read(); latencies.push(Number(process.hrtime.bigint() - t) / 1e6); }
  }));
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / SECONDS, p50: Math.round(latencies[Math.floor(latencies.length / 2)]), p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]) };
}

async function call(base: string, method: string, url: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const signIn = async (base: string, openid: string, extra: object = {}) => (await call(base, 'POST', '/api/v1/auth/dev', { openid, ...extra })).body.accessToken as string;

async function firstLoadBytes(base: string) {
  const html = await (await fetch(`${base}/`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const sizes = { identity: 0, br: 0, gzip: 0, assets: assets.length, cacheControl: '' };
  for (const url of ['/', ...assets]) {
    for (const enc of ['identity', 'br', 'gzip'] as const) {
      // node's fetch decodes bodies: count the bytes as sent with a raw request.
      const { default: http } = await import('node:http');
      const n = await new Promise<number>((resolve, reject) => {
        http.get(`${base}${url}`, { headers: { 'accept-encoding': enc } }, (res) => {
          if (url !== '/' && enc === 'br') sizes.cacheControl = String(res.headers['cache-control']);
          let bytes = 0;
          res.on('data', (c: Buffer) => { bytes += c.length; });
          res.on('end', () => resolve(bytes));
        }).on('error', reject);
      });
      sizes[enc] += n;
    }
  }
  return sizes;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-apibench-'));
  const lines: string[] = [];
  const say = (s: string) => { lines.push(s); console.log(s); };
  const db = await startEmbeddedDatabase({ dataDir });
  const databaseUri = `${db.uri.replace(/\/?$/, '/')}apibench`;
  const children: Child[] = [];
  try {
    H5_DIR = await snapshotH5(path.join(dataDir, 'h5'));
    if (H5_DIR) writeOneLinePage(H5_DIR);
    const hello = await spawnServer(['-e', HELLO], {});
    children.push(hello);
    // The first process loads the demo story (cases, published 幸福清单, wishes): the reads below use it.
    const p1 = await apiProcess(databaseUri, true);
    children.push(p1);
    say(`# API benchmark (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${SECONDS} s per load run, ${CONNECTIONS} connections)`);
    say('');
    say('| figure | API | baseline (same run) | ratio |');
    say('|---|---|---|---|');

    // 1. GET /me vs hello world
    const token = await signIn(p1.url, 'bench-reader');
    const helloR = await cannon(hello.url);
    const meR = await cannon(`${p1.url}/api/v1/me`, token);
    say(`| signed-in \`GET /me\` | ${fmt(meR.rps)} req/s, p50 ${meR.p50} ms, p99 ${meR.p99} ms (non-2xx ${meR.non2xx}) | bare Fastify hello-world ${fmt(helloR.rps)} req/s, p50 ${helloR.p50} ms | ${ratio(meR.rps, helloR.rps)} |`);
    const healthR = await cannon(`${p1.url}/healthz`);
    say(`| \`GET /healthz\` | ${fmt(healthR.rps)} req/s, p50 ${healthR.p50} ms | same hello-world | ${ratio(healthR.rps, helloR.rps)} |`);

    // 2. 300 concurrent writers
    let t = Date.now();
    const writes = await Promise.allSettled(Array.from({ length: 300 }, (_, i) => call(p1.url, 'POST', '/api/v1/auth/dev', { openid: `bench-writer-${i}` })));
    const writeMs = Date.now() - t;
    const writeStatus: Record<string, number> = {};
    for (const w of writes) { const k = w.status === 'fulfilled' ? String(w.value.status) : `client error ${(w.reason as { cause?: { code?: string } }).cause?.code ?? String(w.reason)}`; writeStatus[k] = (writeStatus[k] ?? 0) + 1; }
    say(`| 300 concurrent sign-ins (4 writes each) | all settled in ${fmt(writeMs)} ms: ${JSON.stringify(writeStatus)} | — | — |`);

    // 3. 1,000 simultaneous claims vs raw insertOne
    const ben = await signIn(p1.url, 'bench-ben');
    const first17 = '37140219600101005';
    await call(p1.url, 'PUT', '/api/v1/me/profile', { name: '赵秀兰', idNumber: first17 + checkCharFor(first17), phone: '13800000005', hukou: 'urban', regionCode: '371402001001' }, ben);
    const staff = await signIn(p1.url, 'bench-staff', { role: 'staff', regionCode: '371402', level: 'county' });
    const wishIds: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const posted = await call(p1.url, 'POST', '/api/v1/wishes', { category: 'dailyLiving', title: `心愿${i}`, story: '一个小小的心愿。', budgetFen: 1000 + i }, ben);
      await call(p1.url, 'POST', `/api/v1/staff/wishes/${posted.body.id}/approve`, {}, staff);
      wishIds.push(posted.body.id);
    }
    const donors = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(p1.url, `bench-donor-${i}`, { role: 'donor' })));
    t = Date.now();
    const claims = await Promise.allSettled(donors.flatMap((d) => wishIds.map((id) => call(p1.url, 'POST', `/api/v1/wishes/${id}/claim`, {}, d))));
    const claimMs = Date.now() - t;
    const claimStatus: Record<string, number> = {};
    for (const c of claims) { const k = c.status === 'fulfilled' ? String(c.value.status) : `client error ${(c.reason as { cause?: { code?: string } }).cause?.code ?? String(c.reason)}`; claimStatus[k] = (claimStatus[k] ?? 0) + 1; }
    const rawClient = await MongoClient.connect(db.uri, { maxPoolSize: 20 });
    const rawCol = rawClient.db('apibench_raw').collection<{ _id: string; at: Date }>('claims');
    t = Date.now();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => rawCol.insertOne({ _id: `c${i}`, at: new Date() })));
    const rawMs = Date.now() - t;
    say(`| 1,000 simultaneous wish claims (20 wishes × 50 donors) | all answered in ${fmt(claimMs)} ms (${fmt(1000 / (claimMs / 1000))} answers/s): ${JSON.stringify(claimStatus)} | 1,000 concurrent raw \`insertOne\` (pool 20): ${fmt(rawMs)} ms (${fmt(1000 / (rawMs / 1000))}/s) | ${ratio(rawMs, claimMs)} |`);

    // 4. two processes vs one on reads: one that reads the database (/me: its profile by `_id`)
    // and one the process answers from memory (a region's published standards, signed in).
    const reads = [['`GET /me` (one `_id` read)', '/api/v1/me'], ['`GET /policy/standards/371402` (from memory)', '/api/v1/policy/standards/371402']] as const;
    const single = [];
    for (const [, url] of reads) single.push(await cannon(`${p1.url}${url}`, token));
    const p2 = await apiProcess(databaseUri);
    children.push(p2);
    for (const [i, [label, url]] of reads.entries()) {
      const one = single[i];
      const [a, b] = await Promise.all([cannon(`${p1.url}${url}`, token, CONNECTIONS / 2), cannon(`${p2.url}${url}`, token, CONNECTIONS / 2)]);
      say(`| ${label}, two API processes (load split) | ${fmt(a.rps + b.rps)} req/s (${fmt(a.rps)} + ${fmt(b.rps)}), p99 ${Math.max(a.p99, b.p99)} ms | one process: ${fmt(one.rps)} req/s, p99 ${one.p99} ms | ${ratio(a.rps + b.rps, one.rps)} |`);
    }

    // 5. H5 first load
    const h5 = await firstLoadBytes(p1.url);
    if (h5.assets === 0) say('| H5 first load | not measured: no H5 build (run `npm run build:h5`) | — | — |');
    else say(`| H5 first load (index.html + ${h5.assets} JS/CSS files) | brotli ${fmt(h5.br / 1024, 1)} KB, gzip ${fmt(h5.gzip / 1024, 1)} KB; hashed files: \`${h5.cacheControl}\` | uncompressed ${fmt(h5.identity / 1024, 1)} KB | ${ratio(h5.br, h5.identity)} |`);
    if (h5.assets > 0) {
      const fcp = await measureFcp(p1.url, FCP_RUNS);
      say(`| H5 first contentful paint, home page, Fast 3G + CPU 4× (median of ${fcp.runs}) | ${fmt(fcp.app)} ms | a one-line page, same server and throttling: ${fmt(fcp.oneLine)} ms | ${ratio(fcp.app, fcp.oneLine)} |`);
    }

    // 6. Statement and staff queue, each vs the driver reading the same data. Last: a slow scan
    // left running must not slow the figures above.
    const raw = rawClient.db('apibench');
    const year = new Date().getFullYear();
    const wang = await signIn(p1.url, 'demo-resident-wang');
    const stmtR = await cannon(`${p1.url}/api/v1/happiness-lists/${year}`, wang);
    const someList = await raw.collection('happiness_lists').findOne({ _id: { $regex: `:${year}$` } as never });
    const stmtD = await driverLoops(() => raw.collection('happiness_lists').findOne({ _id: someList!._id }));
    say(`| one 幸福清单 statement through the API (\`GET /happiness-lists/${year}\`) | ${fmt(stmtR.rps)} req/s, p50 ${stmtR.p50} ms, p99 ${stmtR.p99} ms (non-2xx ${stmtR.non2xx}) | driver \`findOne\` by \`_id\` of a statement of the same year: ${fmt(stmtD.rps)}/s, p50 ${stmtD.p50} ms, p99 ${stmtD.p99} ms | ${ratio(stmtR.rps, stmtD.rps)} |`);
    // The county's queue, grown to about QUEUE_CASES cases by copying the demo's (new ids, same content).
    const apps = raw.collection('applications');
    const demoCases = await apps.find({ regionCode: { $gte: '3714', $lt: '3714\uffff' } }).toArray();
    for (let k = 1; demoCases.length && (k + 1) * demoCases.length <= QUEUE_CASES; k += 1) {
      await apps.insertMany(demoCases.map((d) => ({ ...d, _id: `${String(d._id)}-copy${k}` })) as never[]);
    }
    const queueSize = await apps.countDocuments({ regionCode: { $gte: '3714', $lt: '3714\uffff' } });
    const staffToken = await signIn(p1.url, 'demo-staff-dezhou-county');
    const queueR = await cannon(`${p1.url}/api/v1/staff/applications?limit=50`, staffToken, 10);
    const queueD = await driverLoops(() => apps.find({ regionCode: { $gte: '3714', $lt: '3714\uffff' } }).sort({ submittedAt: 1 }).limit(50).toArray(), 10);
    say(`| staff queue page (50 of ${fmt(queueSize)} cases, \`GET /staff/applications?limit=50\`, audited) | ${fmt(queueR.rps)} req/s, p50 ${queueR.p50} ms, p99 ${queueR.p99} ms (non-2xx ${queueR.non2xx}) | driver: same filter, sort and limit: ${fmt(queueD.rps)}/s, p50 ${queueD.p50} ms, p99 ${queueD.p99} ms | ${ratio(queueR.rps, queueD.rps)} |`);
    await rawClient.close();
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => {});
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeFileSync('/tmp/api-bench.md', `${lines.join('\n')}\n`);
}

void main().catch((err) => { console.error(err); process.exit(1); });
