import mongoose from 'mongoose';

/**
 * One mongoose connection per app instance (tests run several apps in one process, each with its
 * own database), so models are registered on the connection, not globally.
 */
export async function connectDatabase(uri: string, dbName: string, maxPoolSize = 20): Promise<mongoose.Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
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

/** True when the database answers a ping within the timeout. */
export async function pingDatabase(conn: mongoose.Connection, timeoutMs = 1000): Promise<boolean> {
  if (conn.readyState !== 1 || !conn.db) return false;
  try {
    await Promise.race([
      conn.db.admin().command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timeout')), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}
