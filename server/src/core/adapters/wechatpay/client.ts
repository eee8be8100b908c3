import { createPrivateKey, createPublicKey } from 'node:crypto';
import { AppError } from '../../errors/AppError';
import { decryptResource, type EncryptedResource } from './aead';
import { authorization, requestPaymentParams, verify } from './signing';
import type { PaymentNotification, Refund, RefundStatus, TradeState, Transaction, WechatPayClient } from './types';

/**
 * WeChat Pay API v3 over real HTTP (JSAPI pay for the mini-program). Production talks to
 * api.mch.weixin.qq.com; tests and `payment.provider: 'fake'` point the same client at the local
 * fake (fakeServer.ts). Every request is signed with the merchant key; every 2xx answer must carry
 * WeChat Pay's signature (an unsigned success is treated as forged: PAYMENT_UNAVAILABLE).
 */
export interface WechatPayClientOptions {
  appId: string;
  mchId: string;
  merchantSerialNo: string;
  merchantPrivateKeyPem: string;
  /** Wechatpay-Serial of WeChat Pay's key (a platform certificate serial or a PUB_KEY_ID_…). */
  platformSerial: string;
  platformPublicKeyPem: string;
  apiV3Key: string;
  apiBaseUrl: string;
  timeoutMs: number;
  /** A notification whose Wechatpay-Timestamp is further than this from now is refused (replay). */
  notificationMaxSkewSeconds: number;
}

type Json = Record<string, unknown>;

const header = (h: Record<string, string | string[] | undefined>, name: string) => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

export function createWechatPayClient(o: WechatPayClientOptions): WechatPayClient {
  const merchant = { mchId: o.mchId, serialNo: o.merchantSerialNo, privateKey: createPrivateKey(o.merchantPrivateKeyPem) };
  const platformKey = createPublicKey(o.platformPublicKeyPem);

  /** One signed call; the answer's JSON (null for 204), `{ notFound: true }` for WeChat's "no such resource". */
  async function call(method: 'GET' | 'POST', path: string, body?: Json): Promise<Json | null | { notFound: true }> {
    const text = body ? JSON.stringify(body) : '';
    let res: Response;
    let answer: string;
    try {
      res = await fetch(new URL(path, o.apiBaseUrl), {
        method,
        headers: { authorization: authorization(merchant, method, path, text), accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? text : undefined,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      answer = await res.text();
    } catch {
      throw new AppError('PAYMENT_UNAVAILABLE');
    }
    if (res.ok) {
      const ts = res.headers.get('wechatpay-timestamp') ?? '';
      const nonce = res.headers.get('wechatpay-nonce') ?? '';
      const sig = res.headers.get('wechatpay-signature') ?? '';
      if (!ts || !nonce || !sig || !verify(platformKey, [ts, nonce, answer], sig)) throw new AppError('PAYMENT_UNAVAILABLE', { details: { reason: 'unsigned answer' } });
      return answer ? (JSON.parse(answer) as Json) : null;
    }
    let code = '';
    try { code = String((JSON.parse(answer) as Json).code ?? ''); } catch { /* not JSON: a gateway's page */ }
    if (res.status === 404 && (code === 'ORDER_NOT_EXIST' || code === 'RESOURCE_NOT_EXISTS' || code === 'ORDERNOTEXIST')) return { notFound: true };
    if (res.status >= 500 || res.status === 429 || code === 'SYSTEM_ERROR' || code === 'FREQUENCY_LIMITED') throw new AppError('PAYMENT_UNAVAILABLE', { details: { wechatPayCode: code } });
    throw new AppError('PAYMENT_REFUSED', { details: { wechatPayCode: code } });
  }

  const found = (r: Json | null | { notFound: true }): Json | null => (r && !('notFound' in r) ? r : null);

  return {
    async createJsapiOrder(order) {
      const r = found(await call('POST', '/v3/pay/transactions/jsapi', {
        appid: o.appId,
        mchid: o.mchId,
        description: order.description.slice(0, 127),
        out_trade_no: order.outTradeNo,
        time_expire: rfc3339Shanghai(order.expiresAt),
        notify_url: order.notifyUrl,
        amount: { total: order.amountFen, currency: 'CNY' },
        payer: { openid: order.payerOpenid },
      }));
      const prepayId = r?.prepay_id;
      if (typeof prepayId !== 'string' || !prepayId) throw new AppError('PAYMENT_UNAVAILABLE');
      return { prepayId };
    },
    requestPayment: (prepayId) => requestPaymentParams(o.appId, prepayId, merchant.privateKey),
    async queryOrder(outTradeNo) {
      const r = found(await call('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(o.mchId)}`));
      return r ? toTransaction(r) : null;
    },
    async closeOrder(outTradeNo) {
      await call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: o.mchId });
    },
    async refund(x) {
      const r = found(await call('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: x.outTradeNo,
        out_refund_no: x.outRefundNo,
        reason: x.reason.slice(0, 80),
        notify_url: x.notifyUrl,
        amount: { refund: x.refundFen, total: x.totalFen, currency: 'CNY' },
      }));
      if (!r) throw new AppError('PAYMENT_REFUSED', { details: { wechatPayCode: 'ORDER_NOT_EXIST' } });
      return toRefund(r);
    },
    async queryRefund(outRefundNo) {
      const r = found(await call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`));
      return r ? toRefund(r) : null;
    },
    parseNotification(headers, rawBody, now = Date.now()) {
      const ts = header(headers, 'wechatpay-timestamp') ?? '';
      const nonce = header(headers, 'wechatpay-nonce') ?? '';
      const sig = header(headers, 'wechatpay-signature') ?? '';
      const serial = header(headers, 'wechatpay-serial') ?? '';
      if (!/^\d{1,12}$/.test(ts) || !nonce || !sig || serial !== o.platformSerial) throw new AppError('PAYMENT_NOTIFICATION_INVALID');
      // A genuine notification replayed long after it was sent is refused (WeChat's own retries are signed afresh).
      if (Math.abs(now / 1000 - Number(ts)) > o.notificationMaxSkewSeconds) throw new AppError('PAYMENT_NOTIFICATION_INVALID', { details: { reason: 'stale timestamp' } });
      if (!verify(platformKey, [ts, nonce, rawBody], sig)) throw new AppError('PAYMENT_NOTIFICATION_INVALID');
      let body: Json;
      try { body = JSON.parse(rawBody) as Json; } catch { throw new AppError('PAYMENT_NOTIFICATION_MALFORMED'); }
      const resource = body.resource as EncryptedResource | undefined;
      const plain = resource && typeof resource === 'object' ? decryptResource(o.apiV3Key, resource) : null;
      if (!plain) throw new AppError('PAYMENT_NOTIFICATION_MALFORMED');
      let data: Json;
      try { data = JSON.parse(plain) as Json; } catch { throw new AppError('PAYMENT_NOTIFICATION_MALFORMED'); }
      const id = String(body.id ?? '');
      const eventType = String(body.event_type ?? '');
      if (eventType.startsWith('REFUND.')) return { id, kind: 'refund', eventType, refund: toRefund({ ...data, status: data.refund_status }) };
      return { id, kind: 'transaction', eventType, transaction: toTransaction(data) } satisfies PaymentNotification;
    },
  };
}

function toTransaction(r: Json): Transaction {
  const amount = (r.amount ?? {}) as Json;
  if (typeof r.out_trade_no !== 'string' || typeof r.trade_state !== 'string' || !Number.isInteger(amount.total)) throw new AppError('PAYMENT_NOTIFICATION_MALFORMED');
  return {
    outTradeNo: r.out_trade_no,
    transactionId: String(r.transaction_id ?? ''),
    tradeState: r.trade_state as TradeState,
    totalFen: amount.total as number,
    successTime: typeof r.success_time === 'string' ? r.success_time : null,
    mchId: String(r.mchid ?? ''),
    appId: String(r.appid ?? ''),
  };
}

function toRefund(r: Json): Refund {
  const amount = (r.amount ?? {}) as Json;
  if (typeof r.out_refund_no !== 'string' || typeof r.status !== 'string') throw new AppError('PAYMENT_NOTIFICATION_MALFORMED');
  return {
    outRefundNo: r.out_refund_no,
    outTradeNo: String(r.out_trade_no ?? ''),
    refundId: String(r.refund_id ?? ''),
    status: r.status as RefundStatus,
    refundFen: Number.isInteger(amount.refund) ? (amount.refund as number) : 0,
  };
}

/** RFC 3339 in Beijing time, as WeChat writes times: 2026-11-30T18:05:00+08:00. */
export function rfc3339Shanghai(d: Date): string {
  const t = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${t}+08:00`;
}
