import { loadConfig, ConfigError } from './index';

const PROD_ENV = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  PII_KEYS: `k2:${Buffer.alloc(32, 7).toString('base64')}`,
  PII_ACTIVE_KEY_ID: 'k2',
  PII_BLIND_INDEX_KEY: 'y'.repeat(40),
  WECHAT_APP_ID: 'wx123',
  WECHAT_APP_SECRET: 'secret',
};

describe('configuration', () => {
  it('starts from the defaults in development', () => {
    const c = loadConfig({});
    expect(c.env).toBe('development');
    expect(c.port).toBe(3000);
    expect(c.devSignIn).toBe(true);
    expect(c.jwt.accessTtlSeconds).toBeLessThanOrEqual(900);
  });

  it('lets environment variables override a default', () => {
    expect(loadConfig({ PORT: '4123', DATA_DIR: '/tmp/x' })).toMatchObject({ port: 4123, dataDir: '/tmp/x' });
  });

  it('names the key when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/port \(PORT\)/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/port \(PORT\)/);
    expect(() => loadConfig({ JWT_ACCESS_TTL_SECONDS: '3600' })).toThrow(/jwt\.accessTtlSeconds/);
    expect(() => loadConfig({ MONGODB_URI: 'postgres://x' })).toThrow(/mongodbUri \(MONGODB_URI\)/);
  });

  it('refuses development sign-in in production', () => {
    expect(() => loadConfig({ ...PROD_ENV, DEV_SIGN_IN: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...PROD_ENV, DEV_SIGN_IN: 'true' })).toThrow(/devSignIn/);
  });

  it('loads the demo data in development only, unless SEED_DEMO says otherwise', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(false);
    expect(loadConfig(PROD_ENV).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SEED_DEMO: '1' }).seedDemo).toBe(true);
    expect(() => loadConfig({ SEED_DEMO: 'no' })).toThrow(/seedDemo \(SEED_DEMO\)/);
  });

  it('refuses to start production on the public development secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/jwt\.secret \(JWT_SECRET\)/);
  });

  it('starts production when every secret is supplied, with dev sign-in off', () => {
    const c = loadConfig(PROD_ENV);
    expect(c.devSignIn).toBe(false);
    expect(Object.keys(c.pii.keys)).toEqual(['k2']);
  });

  it('requires the active PII key to be one of the keys', () => {
    expect(() => loadConfig({ ...PROD_ENV, PII_ACTIVE_KEY_ID: 'k9' })).toThrow(/pii\.activeKeyId/);
  });

  it('verifies identities with WeChat in production and refuses the demo verifier there', () => {
    expect(loadConfig(PROD_ENV).identity.verifier).toBe('wechat');
    expect(loadConfig({ NODE_ENV: 'development' }).identity.verifier).toBe('demo');
    expect(() => loadConfig({ ...PROD_ENV, IDENTITY_VERIFIER: 'demo' })).toThrow(/identity\.verifier \(IDENTITY_VERIFIER\)/);
  });
});
