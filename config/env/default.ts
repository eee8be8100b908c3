import type { AppConfig } from '../src/schema';
import { APPLICATION_SETTINGS } from '../src/applicationChain';
import { LEDGER_DEFAULTS } from '../src/ledger';
import { WISH_DEFAULTS } from '../src/wishes';
import { PAYMENT_DEFAULTS } from '../src/payment';
import { CHARITY_DEFAULTS } from '../src/charity';
import { MONITORING_DEFAULTS } from '../src/monitoring';
import { RECHECK_DEFAULTS } from '../src/recheck';
import { SUPERVISION_DEFAULTS } from '../src/supervision';

/**
 * Defaults for every environment. Development and test keys below are public and fixed so
 * demos are repeatable; production.ts removes them, so production must supply its own.
 */
export const defaults: AppConfig = {
  env: 'development',
  host: '127.0.0.1',
  port: 3000,
  dataDir: './data',
  logLevel: 'info',
  bodyLimitBytes: 1024 * 1024,
  h5Dir: 'miniprogram/dist/h5',
  corsOrigins: [],
  devSignIn: true,
  seedDemo: true,
  rateLimit: { max: 600, windowMs: 60_000, authMax: 60 },
  jwt: {
    secret: 'development-only-secret-change-me-0123456789',
    accessTtlSeconds: 900,
    refreshTtlDays: 30,
  },
  pii: {
    keys: { dev1: 'ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhIUE=' },
    activeKeyId: 'dev1',
    blindIndexKey: 'development-only-blind-index-key-0123456789',
  },
  wechat: {
    appId: 'wx-development',
    appSecret: 'development-secret',
    apiBaseUrl: 'https://api.weixin.qq.com',
    timeoutMs: 5000,
  },
  uploads: { maxBytes: 10 * 1024 * 1024, perAccountPerDay: 200 },
  trustProxy: false,
  maxSessionsPerAccount: 10,
  // maxPoolSize 20: FerretDB v1.24 deadlocks when concurrent updates hold every connection of the
  // driver's pool — an update keeps its query's SQLite connection open while it starts a transaction
  // that needs a second one, so with 100 updates in flight all 100 connections wait forever (a pool
  // of 100 deadlocked in 3 of 4 bursts of 300 updates; 50 and 20 never did). At 20, 1,000
  // simultaneous wish claims are all answered, at no measured throughput cost
  // (test/integration/failsafe.burst.test.ts). On MongoDB it may be raised.
  database: { requestTimeoutMs: 5000, maxPoolSize: 20, queryStackTraces: true },
  sessionCacheMs: 5000,
  jobs: { leaseTtlMs: 30_000 },
  identity: { verifier: 'wechat', helperFilingsPerDay: 5 },
  maxEventLoopDelayMs: 3000,
  invitationTtlHours: 72,
  shutdownGraceMs: 10_000,
  applications: APPLICATION_SETTINGS,
  ledger: LEDGER_DEFAULTS,
  wishes: WISH_DEFAULTS,
  payment: PAYMENT_DEFAULTS,
  charity: CHARITY_DEFAULTS,
  monitoring: MONITORING_DEFAULTS,
  recheck: RECHECK_DEFAULTS,
  supervision: SUPERVISION_DEFAULTS,
};
