import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { Schema, type Connection, type Model } from 'mongoose';
import { insertWins } from '../db/insertWins';

/**
 * Leases: "this process, and no other, does job X until <expiresAt>", for background work when
 * several API processes share one database. Built on the project's one concurrency primitive,
 * insert wins (a unique `_id`), because FerretDB v1.24's conditional updates are read-then-write:
 * two processes updating an expired lease at once would both "win".
 *
 * - `leases`: `_id` = the job key, `term` (random, one per holding), `holder`, `expiresAt`.
 *   A free key is taken by inserting it.
 * - `lease_successions`: `_id` = "<key>:<term>". An expired lease is taken over by inserting the
 *   succession of its term: of all the processes that saw the same expired term, one inserts it;
 *   only that one replaces the lease.
 * The holder renews (heartbeat) every third of the time to live; a holder that dies stops renewing
 * and is succeeded once its lease expires. A holder that cannot renew in time (lost it, the
 * database away, its event loop stalled past the expiry) stops considering itself the holder and
 * aborts its signal, so two processes never both act as holder beyond a clock's skew.
 */
export interface LeaseDoc { _id: string; term: string; holder: string; expiresAt: Date }
export interface LeaseSuccessionDoc { _id: string; key: string; holder: string; at: Date }
export interface LeaseModels { Lease: Model<LeaseDoc>; LeaseSuccession: Model<LeaseSuccessionDoc> }

/** A release is skipped this close to the expiry (the lease may already be someone else's): it just expires. */
const RELEASE_MARGIN_MS = 1000;

export function registerLeaseModels(conn: Connection): LeaseModels {
  if (conn.models.Lease) return { Lease: conn.models.Lease, LeaseSuccession: conn.models.LeaseSuccession };
  const lease = new Schema<LeaseDoc>({
    _id: { type: String, required: true },
    term: { type: String, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  }, { versionKey: false, collection: 'leases' });
  const succession = new Schema<LeaseSuccessionDoc>({
    _id: { type: String, required: true },
    key: { type: String, required: true },
    holder: { type: String, required: true },
    at: { type: Date, required: true },
  }, { versionKey: false, collection: 'lease_successions' });
  return { Lease: conn.model('Lease', lease), LeaseSuccession: conn.model('LeaseSuccession', succession) };
}

export interface Lease {
  key: string;
  term: string;
  /** Aborted when the lease is lost or released: long work checks it between steps. */
  signal: AbortSignal;
  /** True while this process may act as the holder. */
  held(): boolean;
  /** Gives the lease up at once (another process may take it on its next try). */
  release(): Promise<void>;
}

/** This process's name in `holder`: host, pid and a random suffix (pids repeat across restarts). */
export const PROCESS_HOLDER = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function leaseService(models: LeaseModels, opts: { holder?: string; onLost?: (key: string) => void } = {}) {
  const holder = opts.holder ?? PROCESS_HOLDER;
  const { Lease, LeaseSuccession } = models;

  function handle(key: string, term: string, ttlMs: number, expiresAt: number): Lease {
    const controller = new AbortController();
    let until = expiresAt;
    let done = false;
    const lose = () => {
      if (done) return;
      done = true;
      clearInterval(heartbeat);
      controller.abort();
    };
    const heartbeat = setInterval(() => {
      if (Date.now() >= until) { lose(); opts.onLost?.(key); return; }
      const next = Date.now() + ttlMs;
      Lease.updateOne({ _id: key, term }, { $set: { expiresAt: new Date(next) } }).exec()
        .then((r) => {
          if (done) return;
          if (r.matchedCount === 1) until = next;
          else { lose(); opts.onLost?.(key); }
        })
        // The database away: keep the lease while it has not expired; the next beat tries again.
        .catch(() => {});
    }, Math.max(100, Math.floor(ttlMs / 3)));
    heartbeat.unref();
    return {
      key,
      term,
      signal: controller.signal,
      held: () => !done && Date.now() < until,
      async release() {
        if (done) return;
        const safe = Date.now() < until - RELEASE_MARGIN_MS;
        lose();
        if (safe) await Lease.deleteOne({ _id: key, term }).exec().catch(() => {});
      },
    };
  }

  return {
    holder,
    /** Takes the lease `key` for `ttlMs` (renewed while held), or null when another process holds it. */
    async acquire(key: string, ttlMs: number): Promise<Lease | null> {
      const now = Date.now();
      const term = randomUUID();
      const doc: LeaseDoc = { _id: key, term, holder, expiresAt: new Date(now + ttlMs) };
      if (await insertWins(Lease, doc)) return handle(key, term, ttlMs, now + ttlMs);
      const current = await Lease.findById(key).lean<LeaseDoc>().exec();
      // Released a moment ago (absent), or alive: not ours this time.
      if (!current || new Date(current.expiresAt).getTime() > now) return null;
      // Expired: one successor per expired term.
      if (!(await insertWins(LeaseSuccession, { _id: `${key}:${current.term}`, key, holder, at: new Date(now) }))) return null;
      const replaced = await Lease.replaceOne({ _id: key, term: current.term }, doc).exec();
      return replaced.matchedCount === 1 ? handle(key, term, ttlMs, now + ttlMs) : null;
    },
    /** Who holds `key` now (null: nobody, or the lease expired). */
    async holderOf(key: string): Promise<string | null> {
      const current = await Lease.findById(key).lean<LeaseDoc>().exec();
      return current && new Date(current.expiresAt).getTime() > Date.now() ? current.holder : null;
    },
  };
}
export type LeaseService = ReturnType<typeof leaseService>;
