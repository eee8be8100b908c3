import type { ConfigLayer } from '../src/layer';

/**
 * Production: no development sign-in, and the public development secrets are blanked so that
 * start-up fails (naming the key) unless real ones come from the environment.
 */
export const production: ConfigLayer = {
  host: '0.0.0.0',
  devSignIn: false,
  jwt: { secret: '' },
  pii: { keys: {}, activeKeyId: '', blindIndexKey: '' },
  wechat: { appId: '', appSecret: '' },
};
