import mongoose from 'mongoose';

/**
 * One mongoose connection per app instance (tests run several apps in one process, each with its
 * own database), so models are registered on the connection, not globally.
 */
export async function connectDatabase(uri: string, dbName: string, opts: { maxPoolSize: number; requestTimeoutMs: number }): Promise<mongoose.Connection> {
  const { maxPoolSize, requestTimeoutMs } = opts;
  const conn = mongoose.createConnection(uri, {
    dbName,
    // While the database is unreachable an operation waits at most this long for it (then 503):
    // the driver's server selection, with mongoose's own buffering off (it would hold commands for
    // 10 s while it considers itself disconnected). No socket timeout: a legitimately long query (a
    // scan on FerretDB takes seconds) must not be cut; a stalled database is caught by the monitor
    // and the request deadline instead (core/db/monitor.ts, core/http/databaseGuard.ts).
    serverSelectionTimeoutMS: requestTimeoutMs,
    bufferCommands: false,
    // At most 20 connections: FerretDB v1.24 deadlocks when concurrent updates hold every
    // connection of its pool (a driver pool of 100 deadlocked in 3 of 4 bursts; 20 never did, and
    // 1,000 simultaneous wish claims then all succeed at no measured throughput cost).
    maxPoolSize,
    // autoIndex: indexes are created explicitly by ensureIndexes() at start (core/db/ensureIndexes.ts).
    autoIndex: false,
    autoCreate: true,
  });
  await conn.asPromise();
  return conn;
}
