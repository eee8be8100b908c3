import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { encryptResource } from './aead';
import { newNonce, parseAuthorization, sign, verify } from './signing';
import { rfc3339Shanghai, type WechatPayClientOptions } from './client';

/**
 * A local stand-in for api.mch.weixin.qq.com speaking the same v3 HTTP API: JSAPI order, query,
 * close, refund, refund query. It checks every request's merchant signature and signs every answer
 * and notification with its own platform key, and encrypts notification resources with the APIv3
 * key, so the production client (client.ts) is what talks to it. Used by the integration tests
 * (test/support/fakeWechatPay.ts) and by `payment.provider: 'fake'` in development (模拟支付;
 * configuration refuses it in production). Orders live in memory.
 */
export interface FakeOrder {
  outTradeNo: string;
  prepayId: string;
  amountFen: number;
  description: string;
  notifyUrl: string;
  payerOpenid: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId: string;
  successTime: string | null;
  /** How many times this out_trade_no was ordered (a retried create). */
  creates: number;
}
export interface FakeRefund { outRefundNo: string; outTradeNo: string; refundId: string; refundFen: number; totalFen: number; status: 'PROCESSING' | 'SUCCESS'; notifyUrl: string; calls: number }

export interface NotifyOptions {
  /** Send this amount instead of the order's (a notification that differs from the order). */
  amountFen?: number;
  /** Sign with a key that is not WeChat Pay's (a forged notification). */
  forge?: boolean;
  /** Wechatpay-Timestamp, seconds (a replay long after). */
  timestamp?: number;
  /** Another out_trade_no than the order's (an unknown order). */
  outTradeNo?: string;
  /** The same notification body sent this many times at once. */
  times?: number;
}

export interface FakeWechatPay {
  baseUrl: string;
  /** What our configuration needs to talk to this fake (payment.* keys). */
  clientOptions: Omit<WechatPayClientOptions, 'timeoutMs' | 'notificationMaxSkewSeconds' | 'appId'>;
  orders: Map<string, FakeOrder>;
  refunds: Map<string, FakeRefund>;
  /**
   * Where notifications go instead of the order's notify_url origin (tests: the stack's address,
   * known only after it listens; the path stays the order's).
   */
  notifyOrigin: string | null;
  /** Every request received, "METHOD path". */
  requests: string[];
  /** The payer pays: the order becomes SUCCESS; unless `notify: false`, the notification is sent. Answers the HTTP statuses of the notifications sent. */
  pay(outTradeNo: string, opts?: { notify?: boolean } & NotifyOptions): Promise<number[]>;
  /** Sends a payment notification for the order (again), optionally altered, paid or not (a false claim); answers the HTTP statuses. */
  notify(outTradeNo: string, opts?: NotifyOptions): Promise<number[]>;
  stop(): Promise<void>;
}

const pem = (k: KeyObject, type: 'pkcs8' | 'spki') => k.export({ format: 'pem', type }) as string;

export async function startFakeWechatPay(opts: { mchId?: string; apiV3Key?: string; host?: string } = {}): Promise<FakeWechatPay> {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const mchId = opts.mchId ?? '1900000109';
  const apiV3Key = opts.apiV3Key ?? randomBytes(16).toString('hex');
  const merchantSerialNo = randomBytes(20).toString('hex').toUpperCase();
  const platformSerial = `PUB_KEY_ID_${randomBytes(12).toString('hex').toUpperCase()}`;
  const merchantPublic = merchant.publicKey;
  const orders = new Map<string, FakeOrder>();
  const refunds = new Map<string, FakeRefund>();
  const requests: string[] = [];

  function signedHeaders(body: string, key: KeyObject = platform.privateKey, ts = Math.floor(Date.now() / 1000)) {
    const nonce = newNonce();
    return {
      'wechatpay-timestamp': String(ts),
      'wechatpay-nonce': nonce,
      'wechatpay-signature': sign(key, [String(ts), nonce, body]),
      'wechatpay-serial': platformSerial,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    };
  }
  const answer = (res: http.ServerResponse, status: number, body?: object) => {
    const text = body ? JSON.stringify(body) : '';
    res.writeHead(status, { ...(body ? { 'content-type': 'application/json' } : {}), ...signedHeaders(text) }).end(text);
  };
  const error = (res: http.ServerResponse, status: number, code: string, message: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, message }));

  const transactionOf = (o: FakeOrder, amountFen = o.amountFen, outTradeNo = o.outTradeNo) => ({
    appid: 'fake', mchid: mchId, out_trade_no: outTradeNo, transaction_id: o.transactionId, trade_type: 'JSAPI',
    trade_state: o.state, trade_state_desc: o.state === 'SUCCESS' ? '支付成功' : '未支付', bank_type: 'OTHERS', attach: '',
    success_time: o.successTime, payer: { openid: o.payerOpenid }, amount: { total: amountFen, payer_total: amountFen, currency: 'CNY', payer_currency: 'CNY' },
  });
  const refundOf = (r: FakeRefund) => ({
    refund_id: r.refundId, out_refund_no: r.outRefundNo, out_trade_no: r.outTradeNo, transaction_id: orders.get(r.outTradeNo)?.transactionId ?? '',
    channel: 'ORIGINAL', user_received_account: '支付用户零钱', status: r.status, create_time: rfc3339Shanghai(new Date()),
    amount: { total: r.totalFen, refund: r.refundFen, payer_total: r.totalFen, payer_refund: r.refundFen, currency: 'CNY' },
  });

  async function send(url: string, eventType: string, originalType: string, resource: object, o: NotifyOptions = {}): Promise<number[]> {
    const body = JSON.stringify({
      id: randomUUID(), create_time: rfc3339Shanghai(new Date()), resource_type: 'encrypt-resource', event_type: eventType,
      summary: eventType.startsWith('REFUND') ? '退款成功' : '支付成功',
      resource: encryptResource(apiV3Key, JSON.stringify(resource), originalType, originalType),
    });
    const headers = { 'content-type': 'application/json', ...signedHeaders(body, o.forge ? stranger : platform.privateKey, o.timestamp) };
    const target = fake.notifyOrigin ? new URL(new URL(url).pathname, fake.notifyOrigin).toString() : url;
    const one = () => fetch(target, { method: 'POST', headers, body }).then((r) => r.status, () => 0);
    return Promise.all(Array.from({ length: o.times ?? 1 }, one));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
    const url = new URL(req.url!, 'http://x');
    requests.push(`${req.method} ${url.pathname}`);
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth || auth.mchid !== mchId || auth.serial_no !== merchantSerialNo
      || !verify(merchantPublic, [req.method!, req.url!, auth.timestamp ?? '', auth.nonce_str ?? '', body], auth.signature ?? '')) {
      return error(res, 401, 'SIGN_ERROR', '签名错误');
    }
    const json = (body ? JSON.parse(body) : {}) as Record<string, any>;
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') {
      const existing = orders.get(json.out_trade_no);
      if (existing) {
        if (existing.amountFen !== json.amount?.total) return error(res, 400, 'INVALID_REQUEST', '201 商户订单号重复');
        if (existing.state === 'SUCCESS') return error(res, 400, 'ORDERPAID', '该订单已支付');
        if (existing.state === 'CLOSED') return error(res, 400, 'ORDER_CLOSED', '订单已关闭');
        existing.creates += 1;
        return answer(res, 200, { prepay_id: existing.prepayId });
      }
      if (!json.out_trade_no || !Number.isInteger(json.amount?.total) || json.amount.total < 1 || !json.notify_url || !json.payer?.openid) return error(res, 400, 'PARAM_ERROR', '参数错误');
      const order: FakeOrder = {
        outTradeNo: json.out_trade_no, prepayId: `wx${randomBytes(14).toString('hex')}`, amountFen: json.amount.total, description: json.description ?? '',
        notifyUrl: json.notify_url, payerOpenid: json.payer.openid, state: 'NOTPAY', transactionId: '', successTime: null, creates: 1,
      };
      orders.set(order.outTradeNo, order);
      return answer(res, 200, { prepay_id: order.prepayId });
    }
    if (req.method === 'GET' && (m = url.pathname.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/))) {
      const o = orders.get(decodeURIComponent(m[1]));
      return o ? answer(res, 200, transactionOf(o)) : error(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    if (req.method === 'POST' && (m = url.pathname.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/))) {
      const o = orders.get(decodeURIComponent(m[1]));
      if (!o) return error(res, 404, 'ORDER_NOT_EXIST', '订单不存在');
      if (o.state === 'SUCCESS' || o.state === 'REFUND') return error(res, 400, 'ORDERPAID', '订单已支付');
      o.state = 'CLOSED';
      return answer(res, 204);
    }
    if (req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') {
      const o = orders.get(json.out_trade_no);
      if (!o) return error(res, 404, 'RESOURCE_NOT_EXISTS', '订单不存在');
      const existing = refunds.get(json.out_refund_no);
      if (existing) { existing.calls += 1; return answer(res, 200, refundOf(existing)); }
      if (o.state !== 'SUCCESS') return error(res, 400, 'INVALID_REQUEST', '订单未支付或已全额退款');
      if (json.amount?.total !== o.amountFen || json.amount?.refund > o.amountFen) return error(res, 400, 'PARAM_ERROR', '退款金额错误');
      const r: FakeRefund = { outRefundNo: json.out_refund_no, outTradeNo: o.outTradeNo, refundId: `50${randomBytes(12).toString('hex')}`, refundFen: json.amount.refund, totalFen: o.amountFen, status: 'PROCESSING', notifyUrl: json.notify_url ?? '', calls: 1 };
      refunds.set(r.outRefundNo, r);
      o.state = 'REFUND';
      answer(res, 200, refundOf(r));
      // The money reaches the payer a moment later, and WeChat says so.
      setTimeout(() => {
        r.status = 'SUCCESS';
        if (r.notifyUrl) void send(r.notifyUrl, 'REFUND.SUCCESS', 'refund', { ...refundOf(r), mchid: mchId, refund_status: 'SUCCESS', success_time: rfc3339Shanghai(new Date()) });
      }, 20).unref();
      return;
    }
    if (req.method === 'GET' && (m = url.pathname.match(/^\/v3\/refund\/domestic\/refunds\/([^/]+)$/))) {
      const r = refunds.get(decodeURIComponent(m[1]));
      return r ? answer(res, 200, refundOf(r)) : error(res, 404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    }
    return error(res, 404, 'NOT_FOUND', 'no such API');
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => { handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => error(res, 500, 'SYSTEM_ERROR', '系统错误')); });
  });
  await new Promise<void>((resolve) => server.listen(0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeWechatPay = {
    baseUrl: `http://127.0.0.1:${port}`,
    clientOptions: {
      mchId, merchantSerialNo, apiV3Key, platformSerial,
      merchantPrivateKeyPem: pem(merchant.privateKey, 'pkcs8'),
      platformPublicKeyPem: pem(platform.publicKey, 'spki'),
      apiBaseUrl: `http://127.0.0.1:${port}`,
    },
    orders, refunds, requests, notifyOrigin: null,
    async pay(outTradeNo, o = {}) {
      const order = orders.get(outTradeNo);
      if (!order) throw new Error(`fake WeChat Pay: no order ${outTradeNo}`);
      if (order.state === 'NOTPAY') {
        order.state = 'SUCCESS';
        order.transactionId = `42000${Date.now()}${randomBytes(4).toString('hex')}`;
        order.successTime = rfc3339Shanghai(new Date());
      }
      return o.notify === false ? [] : fake.notify(outTradeNo, o);
    },
    async notify(outTradeNo, o = {}) {
      const order = orders.get(outTradeNo);
      if (!order) throw new Error(`fake WeChat Pay: no order ${outTradeNo}`);
      // A TRANSACTION.SUCCESS always says SUCCESS: sent for an order not paid here, it is a false claim (forged, or a test of one).
      const claimed = { ...order, state: 'SUCCESS' as const, transactionId: order.transactionId || `42000${Date.now()}`, successTime: order.successTime ?? rfc3339Shanghai(new Date()) };
      return send(order.notifyUrl, 'TRANSACTION.SUCCESS', 'transaction', transactionOf(claimed, o.amountFen, o.outTradeNo), o);
    },
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  return fake;
}
