/**
 * Benefits-ledger benchmark (issue 4): 100,000 beneficiaries and 1,000,000 disbursements in the
 * embedded FerretDB, each figure beside a baseline measured in the same run:
 *   1. import of a 1,000,000-row CSV through the API (upload → stream → validate → match → insert)
 *      vs a raw driver insertMany of the same rows; peak memory of the import;
 *   2. publishing 100,000 statements vs the raw aggregation of the same data;
 *   3. reading one statement through the API under 50 concurrent clients (autocannon) vs reading
 *      the same snapshot directly with the driver under 50 concurrent loops.
 * Run: `npm run bench:ledger` (BENCH_PEOPLE / BENCH_MONTHS shrink it for a trial run).
 * Prints a markdown report (also written to /tmp/ledger-bench.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { checkCharFor, maskIdNumber } from '@dajiuzhu/shared';
import { loadConfig } from '@dajiuzhu/config';
import { startEmbeddedDatabase } from '../server/src/core/db/embedded';
import mongoose from 'mongoose';
import { createPiiCipher } from '../server/src/core/crypto/pii';
import { regionWithin } from '../server/src/core/scope/staffScope';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 100_000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 10);
const ROWS = PEOPLE * MONTHS;
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 15);
const YEAR = 2025;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (b: number) => `${fmt(b / 1024 / 1024, 0)} MB`;

function idNumberOf(i: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `371402${birth}${String(i % 1000).padStart(3, '0')}`;
  return first17 + checkCharFor(first17);
}
const amountOf = (i: number, m: number) => 56_500 + ((i * 7 + m * 13) % 40_000); // fen

const benchConfig = (dataDir: string) => loadConfig({ NODE_ENV: 'test' }, { dataDir, logLevel: 'silent', rateLimit: { max: 10_000_000, windowMs: 60_000, authMax: 1_000_000 } });
type FromApi = { ready: string } | { settled: string } | { failed: string };

/**
 * The child: the API process alone (its memory is the figure, not the benchmark's own buffers).
 * Jobs are awaited by message with the runner's `settle`, as the tests do.
 */
async function apiProcess(): Promise<void> {
  const { buildApp } = await import('../server/src/app');
  await import('../server/src/domains/ledger/api');
  const app = await buildApp(benchConfig(process.env.BENCH_DATA_DIR!), { databaseUri: process.env.BENCH_DB_URI!, databaseName: 'bench' });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const send = (m: FromApi) => process.send!(m);
  process.on('message', (m: { cmd: 'settle' | 'close'; id?: string }) => {
    if (m.cmd === 'close') { void app.close().finally(() => process.exit(0)); return; }
    app.ledger.runner.settle(m.id!).then(() => send({ settled: m.id! }), (err: Error) => send({ failed: String(err?.stack ?? err) }));
  });
  send({ ready: url });
}

function nextMessage(child: ChildProcess): Promise<FromApi> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`the API process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (m: FromApi) => { child.off('exit', onExit); resolve(m); });
  });
}

/** A field of /proc/<pid>/status in kB (VmRSS now, VmHWM the peak since start). */
function procKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-bench-'));
  const log: string[] = [];
  const say = (s: string) => { log.push(s); console.log(s); };
  const db = await startEmbeddedDatabase({ dataDir });
  const conn = await mongoose.createConnection(db.uri, { dbName: 'bench' }).asPromise();
  const raw = conn.db!;
  const pii = createPiiCipher(benchConfig(dataDir).pii);
  // The API in its own process, with production's Node flags for it (BENCH_API_FLAGS, default a
  // V8 heap of 192 MB: docs/benchmarks.md), started first so it creates the indexes.
  const apiFlags = (process.env.BENCH_API_FLAGS ?? '--max-old-space-size=192').split(' ').filter(Boolean);
  const child = fork(__filename, ['--api'], { execArgv: [...process.execArgv, ...apiFlags], env: { ...process.env, BENCH_DB_URI: db.uri, BENCH_DATA_DIR: dataDir }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await nextMessage(child);
  if (!('ready' in ready)) throw new Error(`API did not start: ${JSON.stringify(ready)}`);
  const baseUrl = ready.ready;
  const settle = async (id: string) => {
    child.send({ cmd: 'settle', id });
    const m = await nextMessage(child);
    if (!('settled' in m)) throw new Error(`job ${id}: ${JSON.stringify(m)}`);
  };
  const staffToken = async () => ((await (await fetch(`${baseUrl}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'bench-staff', role: 'staff', regionCode: '371400', level: 'county' }) })).json()) as { accessToken: string }).accessToken;
  try {
    // ---- data: 100,000 beneficiaries with verified real-name profiles (what the import matches against) ----
    // Written directly, as staff verifying each person in person would leave them (only verified people are matched).
    const BENCH_VERIFICATION = { method: 'inPerson', at: new Date(), by: 'bench' };
    let t = Date.now();
    for (let i = 0; i < PEOPLE; i += 5000) {
      const docs = [];
      for (let j = i; j < Math.min(PEOPLE, i + 5000); j++) {
        const id = idNumberOf(j);
        docs.push({ _id: `bench-user-${j}`, name: '王建国', idNumberCipher: 'bench', idNumberBlindIndex: pii.blindIndex(id), idNumberMasked: maskIdNumber(id), phoneCipher: 'bench', phoneMasked: '138****0000', birthDate: '1940-01-01', sex: 'male', hukou: 'urban', regionCode: `371402${String(1 + (j % 9)).padStart(3, '0')}`, verifiedAt: new Date(), verification: BENCH_VERIFICATION });
      }
      await raw.collection('profiles').insertMany(docs as never[], { ordered: false });
    }
    say(`generated ${fmt(PEOPLE)} beneficiary profiles in ${fmt((Date.now() - t) / 1000, 1)} s`);

    // ---- the file: 1,000,000 rows (UTF-8 CSV) ----
    const csvPath = path.join(dataDir, 'medical.csv');
    const out = createWriteStream(csvPath);
    out.write('身份证号,姓名,金额,发放月份\n');
    for (let i = 0; i < PEOPLE; i++) {
      const id = idNumberOf(i);
      let chunk = '';
      for (let m = 1; m <= MONTHS; m++) chunk += `${id},王建国,${(amountOf(i, m) / 100).toFixed(2)},${YEAR}-${String(m).padStart(2, '0')}\n`;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const fileBytes = statSync(csvPath).size;
    say(`CSV: ${fmt(ROWS)} rows, ${mb(fileBytes)}`);

    // ---- baseline 1: raw driver insertMany of the same rows, into a collection with the same indexes ----
    const rawColl = raw.collection('bench_raw_disbursements');
    await rawColl.createIndexes([{ key: { beneficiaryKey: 1, year: 1 } }, { key: { year: 1, regionCode: 1 } }, { key: { sourceRef: 1, line: 1 } }]);
    t = Date.now();
    for (let i = 0; i < PEOPLE; i += 100) {
      const docs = [];
      for (let j = i; j < Math.min(PEOPLE, i + 100); j++) {
        const key = pii.blindIndex(idNumberOf(j));
        for (let m = 1; m <= MONTHS; m++) docs.push({ _id: `raw:${j}:${m}`, beneficiaryKey: key, regionCode: '371402001', programme: 'medical', amountFen: amountOf(j, m), period: `${YEAR}-${String(m).padStart(2, '0')}`, year: YEAR, source: 'import', sourceRef: 'raw', line: m });
      }
      await raw.collection('bench_raw_disbursements').insertMany(docs as never[], { ordered: false });
    }
    const rawInsertS = (Date.now() - t) / 1000;
    say(`raw insertMany: ${fmt(ROWS / rawInsertS)} rows/s (${fmt(rawInsertS, 1)} s)`);
    await raw.collection('bench_raw_disbursements').drop();

    // ---- 1. the import through the API ----
    let auth = { authorization: `Bearer ${await staffToken()}` };
    const rssBase = procKb(child.pid!, 'VmRSS');
    let rssPeak = rssBase;
    const sampler = setInterval(() => { try { rssPeak = Math.max(rssPeak, procKb(child.pid!, 'VmRSS')); } catch { /* exited */ } }, 100);
    t = Date.now();
    const form = new FormData();
    form.append('file', new Blob([await (await import('node:fs/promises')).readFile(csvPath)], { type: 'text/csv' }), 'medical.csv');
    const up = await (await fetch(`${baseUrl}/api/v1/staff/ledger/imports?source=medical`, { method: 'POST', headers: auth, body: form })).json() as { id: string };
    await settle(up.id);
    const importS = (Date.now() - t) / 1000;
    clearInterval(sampler);
    const hwm = procKb(child.pid!, 'VmHWM');
    // An access token lives minutes; a long import outlasts it.
    auth = { authorization: `Bearer ${await staffToken()}` };
    const imp = await (await fetch(`${baseUrl}/api/v1/staff/ledger/imports/${up.id}`, { headers: auth })).json() as { status: string; counts: Record<string, number> };
    say(`import: ${imp.status} ${JSON.stringify(imp.counts)} in ${fmt(importS, 1)} s = ${fmt(ROWS / importS)} rows/s; API process RSS peak ${mb(rssPeak)} (VmHWM ${mb(hwm)}; before ${mb(rssBase)}), Node flags ${apiFlags.join(' ') || 'none'}`);

    // ---- 2. publishing 100,000 statements ----
    t = Date.now();
    const pub = await (await fetch(`${baseUrl}/api/v1/staff/happiness-lists/publish`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ year: YEAR }) })).json() as { id: string };
    await settle(pub.id);
    const publishS = (Date.now() - t) / 1000;
    auth = { authorization: `Bearer ${await staffToken()}` };
    const pj = await (await fetch(`${baseUrl}/api/v1/staff/ledger-jobs/${pub.id}`, { headers: auth })).json() as { status: string; counts: Record<string, number> };
    say(`publish: ${pj.status} ${JSON.stringify(pj.counts)} in ${fmt(publishS, 1)} s = ${fmt(PEOPLE / publishS)} statements/s`);

    // ---- 3. reading one statement: API under 50 clients vs the driver ----
    const reader = await (await fetch(`${baseUrl}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'bench-reader' }) })).json() as { accessToken: string; user: { id: string } };
    const readerId = idNumberOf(PEOPLE - 1);
    // The reader's own profile (same ID number as beneficiary PEOPLE-1; written directly, as the bench profiles are).
    await raw.collection('profiles').insertOne({ _id: reader.user.id, name: '王建国', idNumberCipher: 'bench', idNumberBlindIndex: pii.blindIndex(readerId), idNumberMasked: maskIdNumber(readerId), phoneCipher: 'bench', phoneMasked: '138****0000', birthDate: '1940-01-01', sex: 'male', hukou: 'urban', regionCode: '371402001', verifiedAt: new Date(), verification: BENCH_VERIFICATION } as never);
    const check = await fetch(`${baseUrl}/api/v1/happiness-lists/${YEAR}`, { headers: { authorization: `Bearer ${reader.accessToken}` } });
    if (check.status !== 200) throw new Error(`statement read: ${check.status} ${await check.text()}`);
    const ac = await autocannon({ url: `${baseUrl}/api/v1/happiness-lists/${YEAR}`, connections: 50, duration: READ_SECONDS, headers: { authorization: `Bearer ${reader.accessToken}` } });
    say(`API read: ${fmt(ac.requests.average)} req/s, p50 ${ac.latency.p50} ms, p99 ${ac.latency.p99} ms, non-2xx ${ac.non2xx}, errors ${ac.errors}`);

    const listId = `${pii.blindIndex(readerId)}:${YEAR}`;
    const lat: number[] = [];
    const end = Date.now() + READ_SECONDS * 1000;
    await Promise.all(Array.from({ length: 50 }, async () => {
      while (Date.now() < end) {
        const s = performance.now();
        await raw.collection('happiness_lists').findOne({ _id: listId } as never);
        lat.push(performance.now() - s);
      }
    }));
    lat.sort((a, b) => a - b);
    const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
    say(`driver read: ${fmt(lat.length / READ_SECONDS)} reads/s, p50 ${fmt(pct(50), 1)} ms, p99 ${fmt(pct(99), 1)} ms`);

    // ---- baseline 2 (last, so it cannot slow the others): the raw aggregation of the same data ----
    // FerretDB v1.24's $group slows with rows × groups, so it runs with a time cap.
    const AGG_CAP_MS = Number(process.env.BENCH_AGG_CAP_S ?? 300) * 1000;
    t = Date.now();
    let groups = 0;
    let aggNote = '';
    try {
      for await (const _ of raw.collection('disbursements').aggregate([{ $match: { year: YEAR, regionCode: regionWithin('371402') } }, { $group: { _id: { k: '$beneficiaryKey', p: '$programme', m: '$period' }, s: { $sum: '$amountFen' } } }], { maxTimeMS: AGG_CAP_MS })) groups++;
    } catch (err) {
      aggNote = `stopped by maxTimeMS: ${(err as Error).message.slice(0, 80)}`;
    }
    const aggS = (Date.now() - t) / 1000;
    say(`raw aggregation: ${fmt(groups)} groups in ${fmt(aggS, 1)} s ${aggNote}`);

    const md = [
      `| figure | ledger | baseline (same run) | ratio |`,
      `|---|---|---|---|`,
      `| import, rows/s (${fmt(ROWS)} rows, ${mb(fileBytes)} CSV) | ${fmt(ROWS / importS)} (${fmt(importS, 1)} s) | raw insertMany ${fmt(ROWS / rawInsertS)} (${fmt(rawInsertS, 1)} s) | ${fmt(rawInsertS / importS, 2)}× |`,
      `| import, peak memory of the API process (${apiFlags.join(' ') || 'no flags'}) | RSS peak ${mb(rssPeak)}, VmHWM ${mb(hwm)} (before: ${mb(rssBase)}) | — | goal ≤ 300 MB |`,
      `| publishing ${fmt(PEOPLE)} statements | ${fmt(publishS, 1)} s (${fmt(PEOPLE / publishS)} /s) | raw aggregation ($group by person, programme, month) ${aggNote ? `> ${fmt(aggS, 0)} s (did not finish)` : `${fmt(aggS, 1)} s`} | ${aggNote ? '—' : `${fmt(publishS / aggS, 2)}× the aggregation`} |`,
      `| one statement, API, 50 clients | ${fmt(ac.requests.average)} req/s, p50 ${ac.latency.p50} ms, p99 ${ac.latency.p99} ms | driver findOne by _id: ${fmt(lat.length / READ_SECONDS)} /s, p50 ${fmt(pct(50), 1)} ms, p99 ${fmt(pct(99), 1)} ms | ${fmt(ac.requests.average / (lat.length / READ_SECONDS), 2)}× |`,
      '',
      `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${fmt(os.totalmem() / 1024 ** 3, 1)} GiB memory, Node ${process.version}, ${process.platform}. Database: embedded FerretDB v1.24 (SQLite), same machine.`,
    ].join('\n');
    console.log(`\n${md}\n`);
    writeFileSync('/tmp/ledger-bench.md', `${log.join('\n')}\n\n${md}\n`);
  } finally {
    child.send({ cmd: 'close' });
    await once(child, 'exit');
    await conn.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--api')) void apiProcess();
else main().catch((err) => { console.error(err); process.exit(1); });
