import type { ConfigLayer } from '../src/layer';

/** Tests: quiet logs, a free port, generous rate limits (tests that check limits set their own). */
export const test: ConfigLayer = {
  port: 0,
  logLevel: 'silent',
  rateLimit: { max: 100_000, windowMs: 60_000, authMax: 100_000 },
  wechat: { timeoutMs: 1000 },
  shutdownGraceMs: 1000,
  // Tests make the people they need; no demo accounts.
  seedDemo: false,
  // A loaded 2-core CI machine must not turn test requests into 503s.
  maxEventLoopDelayMs: 0,
};
