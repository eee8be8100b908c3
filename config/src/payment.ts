import { Type, type Static } from '@sinclair/typebox';
import { ConfigError } from './configError';

/**
 * Donations' payments (慈善筹, WeChat Pay API v3 JSAPI): the `payment` section of AppConfig.
 * `provider: 'fake'` runs a local fake payment server inside the API process (development and
 * tests: 模拟支付); production refuses it. With `wechat`, a missing merchant key only stops
 * donations (503 PAYMENT_NOT_CONFIGURED), not the rest of the product.
 */
export const PaymentConfigSchema = Type.Object(
  {
    provider: Type.Union([Type.Literal('wechat'), Type.Literal('fake')]),
    /** 商户号. */
    mchId: Type.String(),
    /** Serial number of the merchant's API certificate (商户API证书序列号). */
    merchantSerialNo: Type.String(),
    /** The merchant's API private key, PEM (apiclient_key.pem). */
    merchantPrivateKeyPem: Type.String(),
    /** Wechatpay-Serial of WeChat Pay's key: the platform certificate's serial or the public key id (PUB_KEY_ID_…). */
    platformSerial: Type.String(),
    /** WeChat Pay's public key (or the platform certificate's), PEM: verifies answers and notifications. */
    platformPublicKeyPem: Type.String(),
    /** APIv3 key: 32 characters, decrypts notification resources. */
    apiV3Key: Type.String(),
    apiBaseUrl: Type.String({ pattern: '^https?://' }),
    /** Where WeChat Pay posts notifications (https in production). Empty: this server's own address (fake provider only). */
    notifyUrl: Type.String(),
    timeoutMs: Type.Integer({ minimum: 100, maximum: 30_000 }),
    /** An unpaid order expires (time_expire) this long after it was made. */
    orderTtlMinutes: Type.Integer({ minimum: 5, maximum: 24 * 60 }),
    /** A donation still unpaid this long after its order is asked about (the notification may be late or lost). */
    lateAfterSeconds: Type.Integer({ minimum: 0, maximum: 24 * 3600 }),
    /** How often the reconcile job runs (late orders, refunds in progress, receipts not yet issued). */
    reconcileIntervalMs: Type.Integer({ minimum: 200, maximum: 3600_000 }),
    /** A notification whose timestamp is further than this from now is refused as a replay. */
    notificationMaxSkewSeconds: Type.Integer({ minimum: 30, maximum: 3600 }),
  },
  { additionalProperties: false },
);
export type PaymentConfig = Static<typeof PaymentConfigSchema>;

export const PAYMENT_DEFAULTS: PaymentConfig = {
  provider: 'fake',
  mchId: '',
  merchantSerialNo: '',
  merchantPrivateKeyPem: '',
  platformSerial: '',
  platformPublicKeyPem: '',
  apiV3Key: '',
  apiBaseUrl: 'https://api.mch.weixin.qq.com',
  notifyUrl: '',
  timeoutMs: 5000,
  orderTtlMinutes: 30,
  lateAfterSeconds: 300,
  reconcileIntervalMs: 60_000,
  notificationMaxSkewSeconds: 300,
};

/** Environment variables of payments, each naming one key under `payment` (read by fromEnvironment.ts). */
export const PAYMENT_ENV_KEYS: Record<string, string> = {
  PAYMENT_PROVIDER: 'payment.provider',
  WECHATPAY_MCH_ID: 'payment.mchId',
  WECHATPAY_MERCHANT_SERIAL_NO: 'payment.merchantSerialNo',
  WECHATPAY_MERCHANT_PRIVATE_KEY: 'payment.merchantPrivateKeyPem',
  WECHATPAY_PLATFORM_SERIAL: 'payment.platformSerial',
  WECHATPAY_PLATFORM_PUBLIC_KEY: 'payment.platformPublicKeyPem',
  WECHATPAY_API_V3_KEY: 'payment.apiV3Key',
  WECHATPAY_API_BASE_URL: 'payment.apiBaseUrl',
  WECHATPAY_NOTIFY_URL: 'payment.notifyUrl',
  WECHATPAY_TIMEOUT_MS: 'payment.timeoutMs',
  PAYMENT_ORDER_TTL_MINUTES: 'payment.orderTtlMinutes',
  PAYMENT_LATE_AFTER_SECONDS: 'payment.lateAfterSeconds',
  PAYMENT_RECONCILE_INTERVAL_MS: 'payment.reconcileIntervalMs',
  PAYMENT_NOTIFICATION_MAX_SKEW_SECONDS: 'payment.notificationMaxSkewSeconds',
};

/** Keys under `payment` whose environment value is text (the rest are whole numbers). */
export const PAYMENT_TEXT_KEYS = ['payment.provider', 'payment.mchId', 'payment.merchantSerialNo', 'payment.merchantPrivateKeyPem', 'payment.platformSerial', 'payment.platformPublicKeyPem', 'payment.apiV3Key', 'payment.apiBaseUrl', 'payment.notifyUrl'];

/** Whether every merchant setting the real client needs is present. */
export function paymentConfigured(c: PaymentConfig): boolean {
  return Boolean(c.mchId && c.merchantSerialNo && c.merchantPrivateKeyPem && c.platformSerial && c.platformPublicKeyPem && c.apiV3Key && c.notifyUrl);
}

/** Rules the schema cannot state. */
export function checkPaymentConfig(c: PaymentConfig, appEnv: 'development' | 'test' | 'production'): void {
  if (appEnv === 'production' && c.provider === 'fake') {
    throw new ConfigError('配置错误 payment.provider (PAYMENT_PROVIDER): the fake payment server cannot be used when NODE_ENV=production; set wechat and the WECHATPAY_* keys');
  }
  if (c.apiV3Key && Buffer.byteLength(c.apiV3Key, 'utf8') !== 32) {
    throw new ConfigError('配置错误 payment.apiV3Key (WECHATPAY_API_V3_KEY): the APIv3 key is 32 characters');
  }
  if (appEnv === 'production' && c.notifyUrl && !c.notifyUrl.startsWith('https://')) {
    throw new ConfigError('配置错误 payment.notifyUrl (WECHATPAY_NOTIFY_URL): WeChat Pay posts notifications only to https addresses');
  }
}
