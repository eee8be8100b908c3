import { rmSync } from 'node:fs';
import type { EmbeddedDatabase } from '../../server/src/core/db/embedded';

export default async function globalTeardown() {
  const db = (globalThis as Record<string, unknown>).__EMBEDDED_DB__ as EmbeddedDatabase | undefined;
  if (db) {
    await db.stop();
    rmSync(process.env.TEST_DATA_DIR!, { recursive: true, force: true });
  }
}
