import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../errors/AppError';

/**
 * A @fastify/rate-limit store in the database, so a limit holds across API processes.
 *
 * Fixed windows: the count of `<route>|<key>` in window w (w = ⌊now / timeWindow⌋) is the document
 * `_id` = "<route>|<key>|<timeWindow>|<w>", `{ n, expiresAt }`, grown by `$inc` with upsert. Each
 * process counts its own requests at once and writes them behind, one write per bucket in flight
 * (the requests that arrive meanwhile are added by the next write), so a request never waits for the
 * database and a burst costs a few writes, not one each. Far below the limit (under half of it, as
 * this process knows it) a request is answered from this process's count at once and the write
 * waits up to `LAZY_WRITE_MS`, gathering that second's requests (a write per request cost a signed-in
 * request more than its own reads). From half the limit on, a request waits for the write that
 * counts it and gets its place in the database's total, which includes every process's written
 * counts: near the limit the decision is the database's, not this process's guess. The other
 * processes' requests they have not written yet (under half the limit each, at most a second's) are
 * the bound (docs/security.md).
 *
 * FerretDB v1.24 runs `$inc` as read-then-write: two processes writing the same bucket at the same
 * instant can lose one write's increment (measured: 10 simultaneous `$inc` upserts of one document
 * → 2). With one write in flight per process and bucket, only writes of different processes can
 * collide, so a limit may admit one write-batch more per collision; on MongoDB `$inc` is exact.
 * An upsert that loses the insert race (duplicate key) is repeated as a plain update.
 * Old buckets are deleted by the `rateLimits.cleanup` job (no TTL indexes on FerretDB).
 */
export interface RateBucketDoc { _id: string; n: number; expiresAt: Date }

export function registerRateBucketModel(conn: Connection): Model<RateBucketDoc> {
  if (conn.models.RateBucket) return conn.models.RateBucket;
  const schema = new Schema<RateBucketDoc>({
    _id: { type: String, required: true },
    n: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  }, { versionKey: false, collection: 'rate_limit_buckets' });
  return conn.model('RateBucket', schema);
}

/** known: the count the database gave at this process's last write; inFlight: being written; pending: counted since. */
/** waiting: the requests of `pending` that wait for their write's answer (the last ones counted). */
interface Bucket { id: string; until: number; known: number; inFlight: number; pending: number; waiting: Callback[]; writing: boolean; timer: NodeJS.Timeout | null; max: number }

/** Below half the limit, counts are written at most this long after the request. */
const LAZY_WRITE_MS = 1000;
interface RouteParams { routeInfo?: { method?: string | string[]; url?: string } }
type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** Deletes buckets whose window has ended (the cleanup job). */
export const deleteEndedBuckets = async (model: Model<RateBucketDoc>) => (await model.deleteMany({ expiresAt: { $lt: new Date() } }).exec()).deletedCount;

/** The store class @fastify/rate-limit instantiates (`store` option), bound to one collection. */
export function databaseRateLimitStore(model: Model<RateBucketDoc>, onError: (err: unknown) => void) {
  const buckets = new Map<string, Bucket>();

  async function write(b: Bucket): Promise<void> {
    if (b.timer) { clearTimeout(b.timer); b.timer = null; }
    b.writing = true;
    const delta = b.pending;
    const waiters = b.waiting;
    b.waiting = [];
    b.inFlight = delta;
    b.pending = 0;
    // The waiters are the batch's last requests: the j-th of W is (W − 1 − j) before its end.
    const answer = (total: number) => {
      const ttl = Math.max(0, b.until - Date.now());
      waiters.forEach((cb, j) => cb(null, { current: total - (waiters.length - 1 - j), ttl }));
    };
    try {
      const update = { $inc: { n: delta }, $setOnInsert: { expiresAt: new Date(b.until) } };
      // The driver's collection, not the model: no casting or document work on this hot path.
      const col = model.collection;
      let doc: RateBucketDoc | null;
      try {
        doc = await col.findOneAndUpdate({ _id: b.id as never }, update, { upsert: true, returnDocument: 'after' }) as RateBucketDoc | null;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        doc = await col.findOneAndUpdate({ _id: b.id as never }, { $inc: { n: delta } }, { returnDocument: 'after' }) as RateBucketDoc | null;
      }
      b.known = Math.max(b.known + delta, doc?.n ?? 0);
      answer(doc?.n ?? b.known);
    } catch (err) {
      // The database away: count locally (the limit holds per process) and say so once per write.
      b.known += delta;
      answer(b.known);
      onError(err);
    } finally {
      b.inFlight = 0;
      b.writing = false;
      if (Date.now() >= b.until) { if (b.timer) clearTimeout(b.timer); buckets.delete(b.id); }
      else if (b.pending > 0) schedule(b);
    }
  }

  /** Writes now near the limit; far below it, within LAZY_WRITE_MS (one write gathers them all). */
  function schedule(b: Bucket) {
    if (b.writing) return; // the write's end schedules what came meanwhile
    if ((b.known + b.pending) * 2 >= b.max) { void write(b); return; }
    if (b.timer) return;
    b.timer = setTimeout(() => { b.timer = null; if (!b.writing && b.pending > 0) void write(b); }, LAZY_WRITE_MS);
    b.timer.unref();
  }

  function sweep(now: number) {
    if (buckets.size < 10_000) return;
    for (const [id, b] of buckets) if (b.until <= now && !b.writing) buckets.delete(id);
  }

  return class DatabaseRateLimitStore {
    private readonly scope: string;
    /** Per route when the route has its own limit (`child`): the plugin passes the route's options. */
    constructor(options: object = {}) {
      const route = (options as RouteParams).routeInfo;
      this.scope = route?.url ? `${[route.method].flat().join(',')} ${route.url}` : '*';
    }

    incr(key: string, cb: Callback, timeWindow: number, max: number) {
      const now = Date.now();
      const w = Math.floor(now / timeWindow);
      const id = `${this.scope}|${key}|${timeWindow}|${w}`;
      let b = buckets.get(id);
      if (!b) {
        sweep(now);
        b = { id, until: (w + 1) * timeWindow, known: 0, inFlight: 0, pending: 0, waiting: [], writing: false, timer: null, max };
        buckets.set(id, b);
      }
      b.pending += 1;
      const current = b.known + b.inFlight + b.pending;
      b.max = max;
      if (current * 2 >= max) b.waiting.push(cb); // near the limit: the database's count decides
      schedule(b);
      if (current * 2 < max) cb(null, { current, ttl: b.until - now });
    }

    read(key: string, cb: Callback, timeWindow: number) {
      const now = Date.now();
      const b = buckets.get(`${this.scope}|${key}|${timeWindow}|${Math.floor(now / timeWindow)}`);
      cb(null, b ? { current: b.known + b.inFlight + b.pending, ttl: b.until - now } : { current: 0, ttl: 0 });
    }

    child(routeOptions: object) {
      return new DatabaseRateLimitStore(routeOptions);
    }
  };
}
