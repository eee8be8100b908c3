import { loadConfig } from './index';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  PII_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  PII_ACTIVE_KEY_ID: 'k1',
  PII_BLIND_INDEX_KEY: 'y'.repeat(40),
  WECHAT_APP_ID: 'wx123',
  WECHAT_APP_SECRET: 'secret',
};

describe('payment configuration', () => {
  it('uses the local fake payment server in development and tests', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).payment.provider).toBe('fake');
    expect(loadConfig({ NODE_ENV: 'test' }).payment.provider).toBe('fake');
  });

  it('uses the real WeChat Pay client in production and refuses the fake there', () => {
    expect(loadConfig(PRODUCTION).payment.provider).toBe('wechat');
    expect(() => loadConfig({ ...PRODUCTION, PAYMENT_PROVIDER: 'fake' })).toThrow(/payment\.provider \(PAYMENT_PROVIDER\)/);
  });

  it('reads the merchant settings from the environment and checks the APIv3 key and the notify address', () => {
    const c = loadConfig({ ...PRODUCTION, WECHATPAY_MCH_ID: '1900000109', WECHATPAY_API_V3_KEY: 'k'.repeat(32), WECHATPAY_NOTIFY_URL: 'https://example.org/api/v1/payments/wechat/notify', PAYMENT_LATE_AFTER_SECONDS: '120' });
    expect(c.payment).toMatchObject({ mchId: '1900000109', lateAfterSeconds: 120 });
    expect(() => loadConfig({ ...PRODUCTION, WECHATPAY_API_V3_KEY: 'short' })).toThrow(/apiV3Key/);
    expect(() => loadConfig({ ...PRODUCTION, WECHATPAY_NOTIFY_URL: 'http://example.org/notify' })).toThrow(/notifyUrl/);
  });
});
