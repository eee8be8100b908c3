import mongoose from 'mongoose';

/**
 * One mongoose connection per app instance (tests run several apps in one process, each with its
 * own database), so models are registered on the connection, not globally.
 */
export async function connectDatabase(uri: string, dbName: string): Promise<mongoose.Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    // autoIndex: indexes are created explicitly by syncIndexes() at start (see models/index.ts).
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
