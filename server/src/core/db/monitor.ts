import mongoose from 'mongoose';

export type DatabaseState = 'up' | 'down';

export interface DatabaseMonitor {
  /** The last probe's verdict ('up' until a probe fails). */
  state(): DatabaseState;
  /** When the state last changed, and why it is down. */
  status(): { state: DatabaseState; since: Date; reason?: string };
  close(): Promise<void>;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/**
 * Watches the database with a ping every interval on a client of its own (one connection): the
 * app's pool may be busy with a burst of writes, and a busy pool is not a dead database. A ping
 * that fails or takes longer than the timeout marks the database down (killed: refused at once;
 * stalled: no answer for 0.8 × `requestTimeoutMs`); the next ping that answers marks it up again.
 * With a probe every `requestTimeoutMs` / 5, a stall is known by a waiting request's deadline.
 */
export function monitorDatabase(uri: string, opts: { requestTimeoutMs: number; log?: (state: DatabaseState, reason?: string) => void }): DatabaseMonitor {
  const intervalMs = clamp(opts.requestTimeoutMs / 5, 50, 1000);
  // A stalled database is one that does not answer a ping for most of a request's deadline; a
  // shorter timeout mistakes a loaded machine (a slow ping) for an outage and refuses good requests.
  const timeoutMs = clamp(opts.requestTimeoutMs * 0.8, 50, 8000);
  const client = new mongoose.mongo.MongoClient(uri, {
    maxPoolSize: 1,
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs,
  });
  let current: DatabaseState = 'up';
  let since = new Date();
  let reason: string | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  function set(state: DatabaseState, why?: string) {
    reason = why;
    if (state === current) return;
    current = state;
    since = new Date();
    opts.log?.(state, why);
  }

  async function probe() {
    let deadline: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.db('admin').command({ ping: 1 }),
        new Promise((_, reject) => { deadline = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs); }),
      ]);
      set('up');
    } catch (err) {
      if (!closed) set('down', (err as Error).message);
    } finally {
      clearTimeout(deadline);
      if (!closed) { timer = setTimeout(() => void probe(), intervalMs); timer.unref(); }
    }
  }
  timer = setTimeout(() => void probe(), intervalMs);
  timer.unref();

  return {
    state: () => current,
    status: () => ({ state: current, since, ...(reason ? { reason } : {}) }),
    async close() {
      closed = true;
      clearTimeout(timer);
      await client.close(true).catch(() => {});
    },
  };
}
