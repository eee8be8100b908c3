import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/src/core/db/embedded';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';

// This file runs its own database process, so stopping it affects no other test.
let dataDir: string;
let db: EmbeddedDatabase;
let stack: Stack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-health-'));
  db = await startEmbeddedDatabase({ dataDir });
  stack = await startStack({ databaseUri: db.uri });
  api = client(stack.baseUrl);
});
afterAll(async () => {
  await stack.stop();
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('health and readiness', () => {
  it('is healthy and ready with the database up', async () => {
    expect((await api.get('/healthz')).body).toEqual({ status: 'ok', database: 'up' });
    expect((await api.get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('reports 503 while the database is down (both probes tell the truth) and recovers by itself when it returns', async () => {
    const signedIn = await api.signIn('h-user');
    await db.stop();
    expect(await waitFor(async () => (await api.get('/readyz')).status === 503)).toBe(true);
    expectEnvelope(await api.get('/readyz'), 503, 'DATABASE_UNAVAILABLE');
    const health = await api.get('/healthz');
    expectEnvelope(health, 503, 'DATABASE_UNAVAILABLE');
    expect(health.body.error.details).toMatchObject({ database: 'down', since: expect.any(String) });
    // The API refuses at once with the same envelope, instead of waiting for the database.
    expectEnvelope(await api.get('/api/v1/me', signedIn.accessToken), 503, 'DATABASE_UNAVAILABLE');

    db = await startEmbeddedDatabase({ dataDir, port: db.port });
    expect(await waitFor(async () => (await api.get('/readyz')).status === 200)).toBe(true);
    expect((await api.get('/healthz')).status).toBe(200);
    // Data written before the outage is still there.
    expect((await api.get('/api/v1/me', signedIn.accessToken)).status).toBe(200);
  });
});
