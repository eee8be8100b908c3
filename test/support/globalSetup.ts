import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../../server/src/core/db/embedded';

/**
 * One database server for the whole run: the real embedded FerretDB in a fresh temporary folder,
 * or the MongoDB named by MONGODB_URI. Each test file then uses a database of its own in it.
 */
export default async function globalSetup() {
  if (process.env.MONGODB_URI) {
    process.env.TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-test-'));
  const db = await startEmbeddedDatabase({ dataDir, log: (l) => console.log(l) });
  process.env.TEST_MONGODB_URI = db.uri;
  process.env.TEST_DATA_DIR = dataDir;
  (globalThis as Record<string, unknown>).__EMBEDDED_DB__ = db;
}
