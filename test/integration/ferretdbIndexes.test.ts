/**
 * The embedded database answers hot queries from indexes (tools/ferretdb-host/patches): equality,
 * ranges and `$in` on fields and dotted paths (patches/0004) are pushed down to SQLite expression indexes, `_id` reads use
 * the `_id` index even in a database dropped and created again while the host runs, and the answers
 * are exactly MongoDB's (mixed types, arrays, null, missing fields). Sorts on top-level fields are
 * pushed down too (patches/0003): single-typed fields come back in MongoDB's order; a field mixing
 * BSON types or holding arrays comes back in MongoDB's order or is refused (code 238), never in
 * another order. Index use is read from the database's own `explain` (SQLite's query plan on
 * FerretDB, the winning plan on MongoDB), never from timing.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

jest.setTimeout(60_000);

const dbName = `t_idx_${randomBytes(4).toString('hex')}`;
let conn: mongoose.Connection;
const db = () => conn.db!;

beforeAll(async () => {
  conn = await mongoose.createConnection(process.env.TEST_MONGODB_URI!, { dbName, autoIndex: false }).asPromise();
});
afterAll(async () => {
  await db().dropDatabase();
  await conn.close();
});

/** True when the plan reads through an index and never scans the whole table. */
function usesIndex(explain: unknown): boolean {
  const text = JSON.stringify(explain);
  // FerretDB: SQLite's plan, one "detail=" line per step; a "SCAN" step reads the whole table.
  if (text.includes('detail=')) return text.includes('USING INDEX') && !/detail=SCAN /.test(text);
  return /IXSCAN|IDHACK|EXPRESS_/.test(text) && !text.includes('COLLSCAN');
}

async function explainFind(coll: string, filter: object, more: object = {}): Promise<Record<string, unknown>> {
  return db().command({ explain: { find: coll, filter, ...more }, verbosity: 'queryPlanner' });
}

/** True when the database returns rows in the requested order straight from the index (no sort step). */
function walksIndexInOrder(explain: Record<string, unknown>): boolean {
  const text = JSON.stringify(explain);
  // FerretDB: the sort was pushed down, and SQLite needs no temporary B-tree for it.
  if (text.includes('detail=')) return usesIndex(explain) && explain.sortPushdown === true && !text.includes('TEMP B-TREE FOR ORDER BY');
  return usesIndex(explain) && !/"stage":"SORT"/.test(text);
}

const DATE = new Date('2024-01-01T00:00:00Z');
/** One value of each kind the pushdown has to get right; `_id` names it. */
const VALUES: Record<string, unknown> = {
  n1: 1, n15: 1.5, n2: 2, s1: '1', sa: 'a', sab: 'ab', sabx: 'ab!', sb: 'b', sbr: '[x',
  nul: null, arr: [1, 'a'], arr5: [5], obj: { x: 1 }, t: true, f: false, d: DATE,
};

describe('answers are unchanged by the pushdown', () => {
  beforeAll(async () => {
    const c = db().collection('matrix');
    await c.createIndex({ v: 1 }, { name: 'v_1' });
    await c.insertMany([...Object.entries(VALUES).map(([_id, v]) => ({ _id, v }) as never), { _id: 'miss' } as never]);
  });

  const cases: [string, object, string[]][] = [
    ['equality on a number (and an array holding it)', { v: 1 }, ['arr', 'n1']],
    ['equality on a string (and an array holding it)', { v: 'a' }, ['arr', 'sa']],
    ['equality on a boolean', { v: true }, ['t']],
    ['$eq on a date', { v: { $eq: DATE } }, ['d']],
    ['numeric range: numbers only, arrays by element', { v: { $gt: 1 } }, ['arr5', 'n15', 'n2']],
    ['numeric range that includes an array element', { v: { $lte: 1 } }, ['arr', 'n1']],
    ['string range (the region query shape)', { v: { $gte: 'a', $lt: 'b' } }, ['arr', 'sa', 'sab', 'sabx']],
    ['string range from a bracket character', { v: { $gte: '[' } }, ['arr', 'sa', 'sab', 'sabx', 'sb', 'sbr']],
    ['date range', { v: { $lt: new Date('2025-01-01T00:00:00Z') } }, ['d']],
    ['$in of mixed types', { v: { $in: [1, 'b'] } }, ['arr', 'n1', 'sb']],
    ['null matches null and missing (not pushed down)', { v: null }, ['miss', 'nul']],
    ['$and of two ranges', { $and: [{ v: { $gte: 1 } }, { v: { $lt: 2 } }] }, ['arr', 'n1', 'n15']],
    ['_id $in', { _id: { $in: ['n1', 'sa', 'zz'] } }, ['n1', 'sa']],
    ['_id and a range on another field', { _id: 'arr', v: { $lt: 2 } }, ['arr']],
  ];
  it.each(cases)('%s', async (_name, filter, expected) => {
    const found = await db().collection('matrix').find(filter).toArray();
    expect(found.map((d) => String(d._id)).sort()).toEqual(expected);
    expect(await db().collection('matrix').countDocuments(filter)).toBe(expected.length);
  });

  it('a conditional update by _id matches exactly as before', async () => {
    const c = db().collection('matrix');
    expect((await c.updateOne({ _id: 'n2' as never, v: { $lt: 2 } }, { $set: { seen: true } })).matchedCount).toBe(0);
    expect((await c.updateOne({ _id: 'n15' as never, v: { $lt: 2 } }, { $set: { seen: true } })).modifiedCount).toBe(1);
    expect((await c.find({ seen: true }).toArray()).map((d) => d._id)).toEqual(['n15']);
  });
});

describe('answers on a dotted path are unchanged by the pushdown (patches/0004)', () => {
  beforeAll(async () => {
    const c = db().collection('nested');
    await c.createIndex({ 'p.k': 1 }, { name: 'p.k_1' });
    await c.insertMany([
      { _id: 'doc', p: { k: 'a' } }, { _id: 'num', p: { k: 2 } }, { _id: 'inner', p: { k: ['a', 'b'] } },
      // a path through an array of documents: MongoDB matches any element
      { _id: 'outer', p: [{ k: 'z' }, { k: 'a' }] }, { _id: 'none', p: { j: 'a' } }, { _id: 'scalar', p: 'a' },
    ] as never[]);
  });
  const cases: [string, object, string[]][] = [
    ['equality (a value, an array holding it, an array of documents holding it)', { 'p.k': 'a' }, ['doc', 'inner', 'outer']],
    ['string range', { 'p.k': { $gte: 'b' } }, ['inner', 'outer']],
    ['$in', { 'p.k': { $in: [2, 'z'] } }, ['num', 'outer']],
  ];
  it.each(cases)('%s', async (_name, filter, expected) => {
    const found = await db().collection('nested').find(filter).toArray();
    expect(found.map((d) => String(d._id)).sort()).toEqual(expected);
  });
  it('is served by the index on the path, with or without arrays on it', async () => {
    expect(usesIndex(await explainFind('nested', { 'p.k': 'a' }))).toBe(true);
    await db().collection('nested').deleteMany({ _id: { $in: ['inner', 'outer', 'none', 'scalar'] } } as never);
    expect(usesIndex(await explainFind('nested', { 'p.k': 'a' }))).toBe(true);
    expect((await db().collection('nested').find({ 'p.k': 'a' }).toArray()).map((d) => d._id)).toEqual(['doc']);
  });
});

describe('sorted answers are MongoDB\'s', () => {
  const { Long, ObjectId, MongoServerError } = mongoose.mongo;
  const at = (k: number) => new Date(DATE.getTime() + k * 1000);
  const oid = (k: number) => new ObjectId(`${'0'.repeat(23)}${k}`);
  // n numbers (int, double, long), s strings, d dates, b booleans, o ObjectIDs: one type each;
  // m mixes types, a holds arrays. p4 has nulls, p5 no fields at all.
  const DOCS = [
    { _id: 'p1', n: 2, s: 'b', d: at(3), b: true, o: oid(3), m: 1, a: 5 },
    { _id: 'p2', n: 10, s: 'B', d: at(1), b: false, o: oid(1), m: 'x', a: [1, 9] },
    { _id: 'p3', n: 1.5, s: 'ä', d: at(2), b: true, o: oid(2), m: true, a: 3 },
    { _id: 'p4', n: null, s: null, d: null, b: null, o: null, m: null, a: null },
    { _id: 'p5' },
    { _id: 'p6', n: Long.fromNumber(2), s: 'ab', d: at(3), b: false, o: oid(4), m: at(0), a: 4 },
    { _id: 'p7', n: -1, s: 'a', d: at(0), b: true, o: oid(0), m: 2, a: 2 },
  ];
  beforeAll(async () => {
    const c = db().collection('sorting');
    await c.createIndex({ n: 1 }, { name: 'n_1' });
    await c.createIndex({ b: 1, d: -1 }, { name: 'b_1_d_-1' });
    await c.insertMany(DOCS as never[]);
  });
  const ids = async (filter: object, sort: Record<string, 1 | -1>, limit = 0) =>
    (await db().collection('sorting').find(filter).sort(sort).limit(limit).toArray()).map((d) => String(d._id));

  const cases: [string, object, Record<string, 1 | -1>, number, string[]][] = [
    ['numbers ascending: null and missing first, ties by _id, numerically (int, double, long)', {}, { n: 1, _id: 1 }, 0, ['p4', 'p5', 'p7', 'p3', 'p1', 'p6', 'p2']],
    ['numbers descending: null and missing last', {}, { n: -1, _id: 1 }, 0, ['p2', 'p1', 'p6', 'p3', 'p7', 'p4', 'p5']],
    ['strings by UTF-8 bytes (no collation)', {}, { s: 1, _id: 1 }, 0, ['p4', 'p5', 'p2', 'p7', 'p6', 'p1', 'p3']],
    ['dates descending, ties by _id', {}, { d: -1, _id: 1 }, 0, ['p1', 'p6', 'p3', 'p2', 'p7', 'p4', 'p5']],
    ['booleans', {}, { b: 1, _id: 1 }, 0, ['p4', 'p5', 'p2', 'p6', 'p1', 'p3', 'p7']],
    ['ObjectIDs', {}, { o: 1, _id: 1 }, 0, ['p4', 'p5', 'p7', 'p2', 'p3', 'p1', 'p6']],
    ['_id descending', {}, { _id: -1 }, 0, ['p7', 'p6', 'p5', 'p4', 'p3', 'p2', 'p1']],
    ['compound: booleans, then numbers descending', {}, { b: 1, n: -1, _id: 1 }, 0, ['p4', 'p5', 'p2', 'p6', 'p1', 'p3', 'p7']],
    ['range + sort + limit', { n: { $gte: 0 } }, { n: -1, _id: 1 }, 3, ['p2', 'p1', 'p6']],
    ['equality + sort on the next key of an index', { b: true }, { d: -1 }, 0, ['p1', 'p3', 'p7']],
    ['a filter that is not pushed down + sort + limit', { s: { $regex: '^a' } }, { s: -1 }, 1, ['p6']],
  ];
  it.each(cases)('%s', async (_name, filter, sort, limit, expected) => {
    expect(await ids(filter, sort, limit)).toEqual(expected);
  });

  /** A field the pushed-down order can't get right: MongoDB's order, or refused — never another order. */
  const refusedOrRight: [string, Record<string, 1 | -1>, string[]][] = [
    ['a field mixing types (numbers < strings < booleans < dates)', { m: 1, _id: 1 }, ['p4', 'p5', 'p1', 'p7', 'p2', 'p3', 'p6']],
    ['a field holding arrays, ascending (by the smallest element)', { a: 1, _id: 1 }, ['p4', 'p5', 'p2', 'p7', 'p3', 'p6', 'p1']],
    ['a field holding arrays, descending (by the largest element)', { a: -1, _id: 1 }, ['p2', 'p1', 'p6', 'p3', 'p7', 'p4', 'p5']],
  ];
  it.each(refusedOrRight)('%s', async (_name, sort, expected) => {
    let found: string[] | undefined;
    try {
      found = await ids({}, sort);
    } catch (err) {
      expect(err).toBeInstanceOf(MongoServerError);
      expect((err as InstanceType<typeof MongoServerError>).code).toBe(238);
      expect(String((err as Error).message)).toMatch(/one BSON type/);
    }
    if (found) expect(found).toEqual(expected);
  });
});

describe('hot query shapes are served by an index', () => {
  beforeAll(async () => {
    const c = db().collection('wishes');
    await c.createIndex({ status: 1, regionCode: 1, publishedAt: -1 }, { name: 'status_1_regionCode_1_publishedAt_-1' });
    await c.createIndex({ beneficiaryId: 1 }, { name: 'beneficiaryId_1' });
    const docs = Array.from({ length: 500 }, (_, i) => ({
      _id: `w${i}`, status: i % 3 ? 'done' : 'open', regionCode: `4401${String(i % 20).padStart(2, '0')}`,
      publishedAt: new Date(DATE.getTime() + i * 1000), beneficiaryId: `b${i % 50}`, seq: i % 7,
    }));
    await c.insertMany(docs as never[]);
  });

  const shapes: [string, object][] = [
    ['_id equality', { _id: 'w7' }],
    ['_id $in', { _id: { $in: ['w1', 'w2', 'w3'] } }],
    ['_id with a condition on another field (every event append)', { _id: 'w7', seq: { $lt: 3 } }],
    ['equality on an indexed field', { beneficiaryId: 'b3' }],
    ['equality and a region range on a compound index', { status: 'open', regionCode: { $gte: '440101', $lt: '440101\uffff' } }],
  ];
  it.each(shapes)('%s', async (_name, filter) => {
    expect(usesIndex(await explainFind('wishes', filter))).toBe(true);
  });

  it('equality on an index prefix + sort on its next key + limit: rows come in index order, no sort step', async () => {
    const filter = { status: 'open', regionCode: '440107' };
    expect(walksIndexInOrder(await explainFind('wishes', filter, { sort: { publishedAt: -1 }, limit: 20 }))).toBe(true);
    const found = await db().collection('wishes').find(filter).sort({ publishedAt: -1 }).limit(3).toArray();
    expect(found.map((d) => d._id)).toEqual(['w447', 'w387', 'w327']);
  });

  it('status + region range + sort + limit (the square): served by the index, sorted by the database', async () => {
    const filter = { status: 'open', regionCode: { $gte: '4401', $lt: '4401\uffff' } };
    const plan = await explainFind('wishes', filter, { sort: { publishedAt: -1, _id: 1 }, limit: 20 });
    expect(usesIndex(plan)).toBe(true);
    if (JSON.stringify(plan).includes('detail=')) expect(plan.sortPushdown).toBe(true);
    const found = await db().collection('wishes').find(filter).sort({ publishedAt: -1, _id: 1 }).limit(3).toArray();
    expect(found.map((d) => d._id)).toEqual(['w498', 'w495', 'w492']);
  });
});

it('a database dropped and created again while the host runs: _id reads still use the index', async () => {
  const name = `${dbName}_again`;
  const again = conn.useDb(name).db!;
  for (let round = 0; round < 2; round += 1) {
    await again.collection('sessions').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: `s${i}` }) as never));
    const plan = await again.command({ explain: { find: 'sessions', filter: { _id: 's7' } }, verbosity: 'queryPlanner' });
    expect(usesIndex(plan)).toBe(true);
    expect(await again.collection('sessions').findOne({ _id: 's7' as never })).toEqual({ _id: 's7' });
    await again.dropDatabase();
  }
});
