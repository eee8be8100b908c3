/**
 * Query benchmark (issue 14): every hot query shape at 100,000 documents on the embedded default
 * (patched FerretDB v1.24 over SQLite, tools/ferretdb-host), p50 of each beside a baseline measured
 * in the same run: the driver's `findOne({_id})` of one document (the cheapest read there is; Node
 * here has no SQLite driver for a raw baseline). Each shape is also checked to use an index
 * (the database's own `explain`), and where it sorts, whether SQLite applied the sort (patch 0003).
 * The sorted lists are measured a second time, in the same run, on a second host started with
 * `-sort-pushdown=false` over its own copy of the data (FerretDB sorting in memory, as before 0003).
 * Run: `npm run bench:queries` (BENCH_DOCS, default 100000; BENCH_RUNS per shape, default 25; the
 * city-wide shapes that read a third of the collection: 3; BENCH_BEFORE=0 skips the second host).
 * Prints a markdown report (also written to /tmp/queries-bench.md).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient, type Collection, type Document } from 'mongodb';
import { startEmbeddedDatabase } from '../server/src/core/db/embedded';
import { ensureFerretdbBinary } from '../server/src/core/db/ferretdbBinary';

const DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const REGIONS = 100; // 4401xx: 100 county-level codes under one city prefix
const fmt = (n: number, d = 2) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const T0 = Date.UTC(2024, 0, 1);
const BEFORE = process.env.BENCH_BEFORE !== '0' && !process.env.MONGODB_URI;
const COUNT_CAP = 100; // WISH_SQUARE_COUNT_CAP (shared/src/schemas/wish.ts)

interface Wish { _id: string; status: string; regionCode: string; publishedAt: Date; beneficiaryId: string; beneficiary: { key: string }; sequence: number; title: string }

function wish(i: number): Wish {
  return {
    _id: `w${i}`,
    status: i % 3 === 0 ? 'open' : 'done',
    regionCode: `4401${String(i % REGIONS).padStart(2, '0')}`,
    publishedAt: new Date(T0 + i * 60_000),
    beneficiaryId: `b${i % 20_000}`, // 5 wishes per person
    beneficiary: { key: `k${i % 20_000}` }, // the same, on a dotted path (as `applicant.idNumberBlindIndex`)
    sequence: 5,
    title: `心愿 ${i}: 一双冬天的棉鞋和一套课外读物`,
  };
}

async function p50(run: (i: number) => Promise<unknown>, runs = RUNS): Promise<number> {
  for (let i = 0; i < Math.min(3, runs); i += 1) await run(runs + i); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = process.hrtime.bigint();
    await run(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function usesIndex(explain: unknown): boolean {
  const text = JSON.stringify(explain);
  if (text.includes('detail=')) return text.includes('USING INDEX') && !/detail=SCAN /.test(text);
  return /IXSCAN|IDHACK|EXPRESS_/.test(text) && !text.includes('COLLSCAN');
}

/** The same host with sort pushdown off (FerretDB sorts in memory), on data of its own; stops when stdin closes. */
async function startHostWithoutSortPushdown(dir: string): Promise<{ uri: string; stop: () => void }> {
  const child = spawn(ensureFerretdbBinary(), ['-dir', dir, '-sort-pushdown=false'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const uri = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => { const m = /READY (\S+)/.exec(b.toString()); if (m) resolve(m[1]); });
    child.once('exit', (code) => reject(new Error(`host exited (${code})`)));
  });
  return { uri, stop: () => { child.stdin.end(); } };
}

async function load(wishes: Collection<Wish>) {
  await wishes.createIndex({ status: 1, regionCode: 1, publishedAt: -1 }, { name: 'status_1_regionCode_1_publishedAt_-1' });
  await wishes.createIndex({ status: 1, publishedAt: -1 }, { name: 'status_1_publishedAt_-1' });
  await wishes.createIndex({ beneficiaryId: 1 }, { name: 'beneficiaryId_1' });
  await wishes.createIndex({ 'beneficiary.key': 1 }, { name: 'beneficiary.key_1' });
  const t = Date.now();
  for (let i = 0; i < DOCS; i += 2000) {
    await wishes.insertMany(Array.from({ length: Math.min(2000, DOCS - i) }, (_, k) => wish(i + k)), { ordered: false });
  }
  console.error(`inserted ${DOCS} wishes in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

type Shape = { name: string; filter: Document; sort?: Document; run: (w: Collection<Wish>, i: number) => Promise<unknown>; rows: string; runs?: number; before?: boolean };

/** How the rows come out in order: from the index, sorted by SQLite, or sorted in memory by FerretDB. */
function orderOf(plan: Document, sort?: Document): string {
  if (!sort) return '—';
  const text = JSON.stringify(plan);
  if (!text.includes('detail=')) return /"stage":"SORT"/.test(text) ? 'sort stage' : 'index order';
  if (plan.sortPushdown !== true) return 'in memory';
  return text.includes('TEMP B-TREE FOR ORDER BY') ? 'SQLite sort' : 'index order';
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-bench-queries-'));
  const db = process.env.MONGODB_URI ? undefined : await startEmbeddedDatabase({ dataDir, log: (l) => console.error(l) });
  const client = await new MongoClient(process.env.MONGODB_URI ?? db!.uri, { maxPoolSize: 20 }).connect();
  const database = client.db(`bench_queries_${Date.now()}`);
  const wishes: Collection<Wish> = database.collection('wishes');
  const old = BEFORE ? await startHostWithoutSortPushdown(path.join(dataDir, 'before')) : undefined;
  const oldClient = old ? await new MongoClient(old.uri, { maxPoolSize: 20 }).connect() : undefined;
  const oldWishes: Collection<Wish> | undefined = oldClient?.db('bench_queries_before').collection('wishes');
  try {
    await load(wishes);
    if (oldWishes) await load(oldWishes);

    const id = (i: number) => `w${(i * 7919) % DOCS}`;
    const region = (i: number) => `4401${String(i % REGIONS).padStart(2, '0')}`;
    const square = (i: number): Document => ({ status: 'open', regionCode: { $gte: region(i), $lt: `${region(i)}\uffff` } });
    const city = { status: 'open', regionCode: { $gte: '4401', $lt: '4401\uffff' } };
    const everywhere = { status: 'open' };
    const NEWEST = { publishedAt: -1, _id: 1 } as const;
    // The wish square as the API asks it (server/src/domains/wishes/repository.ts#listPublic): a page
    // of 20 (+1 to know if there is more) in (publishedAt desc, _id) order, after a cursor, and a
    // count that stops at the cap (ids up to cap + 1).
    const after = (f: Document, k?: { publishedAt: Date; _id: string }): Document => (k
      ? { ...f, $and: [{ publishedAt: { $lte: k.publishedAt } }, { $or: [{ publishedAt: { $lt: k.publishedAt } }, { publishedAt: k.publishedAt, _id: { $gt: k._id } }] }] }
      : f);
    const apiPage = (w: Collection<Wish>, f: Document, k?: { publishedAt: Date; _id: string }) => Promise.all([
      w.find(after(f, k)).sort(NEWEST).limit(21).toArray(),
      w.find(f, { projection: { _id: 1 } }).limit(COUNT_CAP + 1).toArray(),
    ]);
    // Page 6 of the city: the cursor is the 100th wish in the square's order.
    const [page6] = await wishes.find(city).sort(NEWEST).skip(99).limit(1).toArray();
    const cursor6 = { publishedAt: page6.publishedAt, _id: page6._id };

    const selected = (n: number) => Math.round(n).toLocaleString('en-US');
    const shapes: Shape[] = [
      { name: 'equality on an indexed field: `find({beneficiaryId})`', filter: { beneficiaryId: 'b1' }, rows: '5', run: (w, i) => w.find({ beneficiaryId: `b${i}` }).toArray() },
      { name: 'L. equality on a dotted path: `find({\'beneficiary.key\'})` (a person\'s applications by ID number)', filter: { 'beneficiary.key': 'k1' }, rows: '5', run: (w, i) => w.find({ 'beneficiary.key': `k${i}` }).toArray() },
      { name: '`{_id: {$in: 20 ids}}`', filter: { _id: { $in: ['w1', 'w2'] } }, rows: '20', run: (w, i) => w.find({ _id: { $in: Array.from({ length: 20 }, (_, k) => id(i * 20 + k)) } }).toArray() },
      { name: 'event append: `updateOne({_id, sequence: {$lt}})`', filter: { _id: 'w1', sequence: { $lt: 1e9 } }, rows: '1', run: (w, i) => w.updateOne({ _id: id(i), sequence: { $lt: 1e9 } }, { $inc: { sequence: 1 } }) },
      { name: 'E. status + region range + sort + limit 20 (one county)', filter: square(0), sort: { publishedAt: -1 }, rows: `${selected(DOCS / REGIONS / 3)} → 20`, before: true, run: (w, i) => w.find(square(i)).sort({ publishedAt: -1 }).limit(20).toArray() },
      { name: 'F. the old square: E + full `countDocuments` (one county)', filter: square(0), sort: { publishedAt: -1 }, rows: `${selected(DOCS / REGIONS / 3)} → 20 + count`, run: (w, i) => Promise.all([w.find(square(i)).sort({ publishedAt: -1 }).limit(20).toArray(), w.countDocuments(square(i))]) },
      { name: 'G. the old square for the whole city: page + full count', filter: city, sort: { publishedAt: -1 }, rows: `${selected(DOCS / 3)} → 20 + count`, runs: 3, run: (w) => Promise.all([w.find(city).sort({ publishedAt: -1 }).limit(20).toArray(), w.countDocuments(city)]) },
      { name: 'G1. whole city, the page alone (sort + limit 20)', filter: city, sort: NEWEST, rows: `${selected(DOCS / 3)} → 20`, runs: 3, before: true, run: (w) => w.find(city).sort(NEWEST).limit(20).toArray() },
      { name: 'H. square as the API asks it, one county: page of 21 + ids ≤ 101', filter: square(0), sort: NEWEST, rows: `${selected(DOCS / REGIONS / 3)} → 21 + count`, before: true, run: (w, i) => apiPage(w, square(i)) },
      { name: 'I. square as the API asks it, whole city (region range)', filter: city, sort: NEWEST, rows: `${selected(DOCS / 3)} → 21 + count`, runs: 3, before: true, run: (w) => apiPage(w, city) },
      { name: 'J. I, page 6 (after a cursor)', filter: after(city, cursor6), sort: NEWEST, rows: `${selected(DOCS / 3)} → 21 + count`, runs: 3, run: (w) => apiPage(w, city, cursor6) },
      { name: 'K. square as the API asks it, all regions (no region filter)', filter: everywhere, sort: NEWEST, rows: `${selected(DOCS / 3)} → 21 + count`, runs: 3, before: true, run: (w) => apiPage(w, everywhere) },
    ];

    const baseline = await p50(() => wishes.findOne({ _id: id(7) }));
    const lines = [
      `Queries at ${DOCS.toLocaleString('en-US')} documents on ${process.env.MONGODB_URI ? 'MongoDB' : 'the embedded default (patched FerretDB v1.24 over SQLite)'}, p50 of ${RUNS} runs each (city-wide shapes: 3), ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Baseline, same run: the driver's \`findOne({_id})\` = **${fmt(baseline)} ms**.${oldWishes ? ' "Sort in memory": the same shape on a second host started with `-sort-pushdown=false` (as before patch 0003), same run.' : ''}`,
      '',
      `| query | rows selected → returned | index used | order | p50 | ÷ baseline |${oldWishes ? ' sort in memory (p50) | speed-up |' : ''}`,
      `|---|---|---|---|---:|---:|${oldWishes ? '---:|---:|' : ''}`,
    ];
    for (const s of shapes) {
      const plan = await database.command({ explain: { find: 'wishes', filter: s.filter, ...(s.sort ? { sort: s.sort, limit: 21 } : {}) }, verbosity: 'queryPlanner' });
      const ms = await p50((i) => s.run(wishes, i), s.runs);
      let tail = '';
      if (oldWishes) {
        const before = s.before ? await p50((i) => s.run(oldWishes, i), s.runs === undefined ? 5 : 1) : undefined;
        tail = before === undefined ? ' — | — |' : ` ${fmt(before)} ms | ${fmt(before / ms, 1)}× |`;
      }
      lines.push(`| ${s.name} | ${s.rows} | ${usesIndex(plan) ? 'yes' : '**no**'} | ${orderOf(plan, s.sort)} | ${fmt(ms)} ms | ${fmt(ms / baseline, 1)}× |${tail}`);
      console.error(lines[lines.length - 1]);
    }
    const report = lines.join('\n');
    console.log(report);
    writeFileSync('/tmp/queries-bench.md', `${report}\n`);
  } finally {
    await database.dropDatabase().catch(() => {});
    await client.close();
    await oldClient?.close();
    old?.stop();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
