import { createSign, createVerify, randomBytes, type KeyObject } from 'node:crypto';

/**
 * WeChat Pay API v3 signatures (SHA256withRSA, base64). Every signed text is a list of lines, each
 * ended by "\n" (the last one too):
 * - a merchant request: method, path with query, timestamp, nonce, body (Authorization header);
 * - WeChat's answer and its notifications: timestamp, nonce, body (Wechatpay-* headers), signed with
 *   the platform key and verified with WeChat Pay's public key (platform certificate);
 * - wx.requestPayment's paySign: appId, timeStamp, nonceStr, package, signed with the merchant key.
 * https://pay.weixin.qq.com/wiki/doc/apiv3/wechatpay/wechatpay4_1.shtml
 */
export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

export const signedText = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

/** 32 random hex characters (WeChat allows at most 32). */
export const newNonce = () => randomBytes(16).toString('hex');

export function sign(privateKey: KeyObject, lines: string[]): string {
  return createSign('RSA-SHA256').update(signedText(lines)).sign(privateKey, 'base64');
}

/** False for a bad signature, a malformed one, or a key that cannot verify. */
export function verify(publicKey: KeyObject, lines: string[], signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(signedText(lines)).verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

export interface Merchant { mchId: string; serialNo: string; privateKey: KeyObject }

/** The Authorization header of one request (body '' for a GET). */
export function authorization(m: Merchant, method: string, pathWithQuery: string, body: string, now = Date.now()): string {
  const timestamp = String(Math.floor(now / 1000));
  const nonce = newNonce();
  const signature = sign(m.privateKey, [method, pathWithQuery, timestamp, nonce, body]);
  return `${AUTH_SCHEMA} mchid="${m.mchId}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${m.serialNo}"`;
}

/** An Authorization header's fields, or null when it is not WeChat Pay's scheme. */
export function parseAuthorization(header: string | undefined): Record<string, string> | null {
  if (!header?.startsWith(`${AUTH_SCHEMA} `)) return null;
  const fields: Record<string, string> = {};
  for (const m of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]] = m[2];
  return fields;
}

/** The parameters wx.requestPayment takes (the mini-program pays with them). */
export interface RequestPaymentParams { appId: string; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string }

export function requestPaymentParams(appId: string, prepayId: string, privateKey: KeyObject, now = Date.now()): RequestPaymentParams {
  const timeStamp = String(Math.floor(now / 1000));
  const nonceStr = newNonce();
  const pkg = `prepay_id=${prepayId}`;
  return { appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign: sign(privateKey, [appId, timeStamp, nonceStr, pkg]) };
}
