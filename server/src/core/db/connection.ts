import mongoose from 'mongoose';

/**
 * One mongoose connection per app instance (tests run several apps in one process, each with its
 * own database), so models are registered on the connection, not globally.
 */
export async function connectDatabase(uri: string, dbName: string, opts: { maxPoolSize: number; requestTimeoutMs: number; queryStackTraces?: boolean }): Promise<mongoose.Connection> {
  const { maxPoolSize, requestTimeoutMs } = opts;
  // Mongoose formats a stack trace (through source maps) for every query it runs, only to show it if
  // the query fails: 11 % of a signed-in request. Off in production (database.queryStackTraces);
  // a process-wide mongoose setting.
  mongoose.set('skipOriginalStackTraces', opts.queryStackTraces === false);
  const conn = mongoose.createConnection(uri, {
    dbName,
    // While the database is unreachable an operation waits at most this long for it (then 503):
    // the driver's server selection, with mongoose's own buffering off (it would hold commands for
    // 10 s while it considers itself disconnected). No socket timeout: a legitimately long query (a
    // scan on FerretDB takes seconds) must not be cut; a stalled database is caught by the monitor
    // and the request deadline instead (core/db/monitor.ts, core/http/databaseGuard.ts).
    serverSelectionTimeoutMS: requestTimeoutMs,
    bufferCommands: false,
    // Default 20 (the reason: config/env/default.ts): FerretDB v1.24 deadlocks when concurrent
    // updates hold every connection of a large pool.
    maxPoolSize,
    // autoIndex: indexes are created explicitly by ensureIndexes() at start (core/db/ensureIndexes.ts).
    autoIndex: false,
    autoCreate: true,
  });
  await conn.asPromise();
  return conn;
}
