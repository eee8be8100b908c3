import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { loadConfig, type ConfigLayer } from '@dajiuzhu/config';
import { buildApp } from '../../server/src/app';
import type { WechatClient } from '../../server/src/core/adapters/wechat/code2session';
import type { LedgerHooks } from '../../server/src/domains';
import { startFakeWechatFace, type FakeWechatFace } from './fakeWechatFace';

export interface Stack {
  baseUrl: string;
  app: FastifyInstance;
  /** WeChat's face-verification API as this stack's server sees it (test/support/identity.ts drives it). */
  wechatFace: FakeWechatFace;
  stop(): Promise<void>;
}

/**
 * The real API on a free port over real HTTP, against the run's real database server (a database
 * of its own per stack), serving the built H5 app. Nothing is mocked.
 */
export async function startStack(opts: {
  overrides?: ConfigLayer;
  wechat?: WechatClient;
  logStream?: DestinationStream;
  databaseUri?: string;
  /** Construction-time hooks of the ledger's job runner (the crash tests' after-batch kill). */
  ledgerHooks?: LedgerHooks;
} = {}): Promise<Stack> {
  const databaseUri = opts.databaseUri ?? process.env.TEST_MONGODB_URI;
  if (!databaseUri) throw new Error('TEST_MONGODB_URI is not set: run through jest (test/support/globalSetup.ts)');
  // Uploaded files go to a temporary folder of this stack's own.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dajiuzhu-stack-'));
  // Every stack has its own fake of WeChat's face-verification API, apart from any `wechat` fake a test passes.
  const wechatFace = await startFakeWechatFace();
  const overrides = opts.overrides ?? {};
  let app: FastifyInstance;
  try {
    const config = loadConfig({ NODE_ENV: 'test' }, { dataDir, ...overrides, identity: { faceApiBaseUrl: wechatFace.baseUrl, ...(overrides.identity ?? {}) } });
    // Typed wider than BuildOptions so this compiles whether or not BuildOptions names `ledgerHooks` yet.
    const build: Parameters<typeof buildApp>[1] & { ledgerHooks?: LedgerHooks } = {
      databaseUri,
      databaseName: `t_${randomBytes(6).toString('hex')}`,
      wechat: opts.wechat,
      logStream: opts.logStream,
      ledgerHooks: opts.ledgerHooks,
    };
    app = await buildApp(config, build);
  } catch (err) {
    await wechatFace.stop();
    throw err;
  }
  // The same accept backlog as the server's own start (a 1,000-request burst overflows Node's default 511: resets).
  const address = await app.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
  return {
    baseUrl: address,
    app,
    wechatFace,
    async stop() {
      await app.db.dropDatabase().catch(() => {});
      await app.close();
      await wechatFace.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
