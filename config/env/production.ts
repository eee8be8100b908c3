import type { ConfigLayer } from '../src/layer';

/**
 * Production: no development sign-in nor demo data, and the public development secrets are blanked so that
 * start-up fails (naming the key) unless real ones come from the environment.
 */
export const production: ConfigLayer = {
  host: '0.0.0.0',
  devSignIn: false,
  seedDemo: false,
  jwt: { secret: '' },
  pii: { keys: {}, activeKeyId: '', blindIndexKey: '' },
  wechat: { appId: '', appSecret: '' },
  // The real WeChat Pay client (the fake is refused here); without its WECHATPAY_* keys donations answer 503.
  payment: { provider: 'wechat' },
  // No stack trace recorded per query (11 % of a signed-in request's time).
  database: { queryStackTraces: false },
};
