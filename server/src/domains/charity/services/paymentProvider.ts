import { paymentConfigured, type PaymentConfig } from '@dajiuzhu/config';
import { AppError } from '../../../core/errors/AppError';
import { createWechatPayClient } from '../../../core/adapters/wechatpay/client';
import { startFakeWechatPay, type FakeWechatPay } from '../../../core/adapters/wechatpay/fakeServer';
import type { WechatPayClient } from '../../../core/adapters/wechatpay/types';

/** The payment path of the notification route (payment.notifyUrl names it in full in production). */
export const NOTIFY_PATH = '/api/v1/payments/wechat/notify';

export interface PaymentProvider {
  kind: 'wechat' | 'fake';
  /** The client; 503 PAYMENT_NOT_CONFIGURED when the merchant keys are missing. */
  client(): Promise<WechatPayClient>;
  /** Where WeChat Pay (or the fake) posts notifications. */
  notifyUrl(): string;
  /** The in-process fake payment server (provider 'fake' only; started on first use). */
  fake(): Promise<FakeWechatPay | null>;
  close(): Promise<void>;
}

/**
 * The real WeChat Pay client (`provider: 'wechat'`), or, in development and tests
 * (`provider: 'fake'`, refused in production by the configuration), the same client talking to a
 * fake payment server this process starts on 127.0.0.1 at first use, with keys of its own. The fake
 * posts notifications to this server's own address (`selfUrl`), so the whole path — signed order,
 * signed notification, decryption — runs as in production.
 */
export function paymentProvider(config: PaymentConfig, appId: string, selfUrl: () => string): PaymentProvider {
  const options = { timeoutMs: config.timeoutMs, notificationMaxSkewSeconds: config.notificationMaxSkewSeconds, appId };
  if (config.provider === 'wechat') {
    const client = paymentConfigured(config) ? createWechatPayClient({ ...config, ...options }) : null;
    return {
      kind: 'wechat',
      client: async () => { if (!client) throw new AppError('PAYMENT_NOT_CONFIGURED'); return client; },
      notifyUrl: () => config.notifyUrl,
      fake: async () => null,
      close: async () => {},
    };
  }
  let started: Promise<{ fake: FakeWechatPay; client: WechatPayClient }> | null = null;
  const start = () => (started ??= startFakeWechatPay().then((fake) => ({ fake, client: createWechatPayClient({ ...fake.clientOptions, ...options }) })));
  return {
    kind: 'fake',
    client: async () => (await start()).client,
    notifyUrl: () => config.notifyUrl || `${selfUrl()}${NOTIFY_PATH}`,
    fake: async () => (await start()).fake,
    close: async () => { if (started) await (await started).fake.stop(); },
  };
}

/** This server's own base URL as the fake payment server reaches it (the address it listens on; 127.0.0.1 for a wildcard). */
export function selfUrl(app: { server: { address(): string | { address: string; port: number; family: string } | null } }): string {
  const a = app.server.address();
  if (!a || typeof a === 'string') return 'http://127.0.0.1';
  const host = a.address === '0.0.0.0' || a.address === '::' ? '127.0.0.1' : a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return `http://${host}:${a.port}`;
}
