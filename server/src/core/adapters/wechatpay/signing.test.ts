import { generateKeyPairSync } from 'node:crypto';
import { authorization, parseAuthorization, requestPaymentParams, signedText, verify } from './signing';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;

describe('WeChat Pay v3 signatures', () => {
  it('signs a request as WeChat Pay checks it: method, path, timestamp, nonce, body, each line ended', () => {
    const header = authorization({ mchId: '1900000109', serialNo: 'ABC', privateKey }, 'POST', '/v3/pay/transactions/jsapi', '{"a":1}', 1_700_000_000_000);
    const f = parseAuthorization(header)!;
    expect(f).toMatchObject({ mchid: '1900000109', serial_no: 'ABC', timestamp: '1700000000' });
    expect(f.nonce_str).toMatch(/^[0-9a-f]{32}$/);
    expect(verify(publicKey, ['POST', '/v3/pay/transactions/jsapi', '1700000000', f.nonce_str, '{"a":1}'], f.signature)).toBe(true);
    expect(verify(publicKey, ['POST', '/v3/pay/transactions/jsapi', '1700000000', f.nonce_str, '{"a":2}'], f.signature)).toBe(false);
    expect(verify(other, ['POST', '/v3/pay/transactions/jsapi', '1700000000', f.nonce_str, '{"a":1}'], f.signature)).toBe(false);
    expect(parseAuthorization('Bearer x')).toBeNull();
  });

  it("signs wx.requestPayment's paySign over appId, timeStamp, nonceStr and package", () => {
    const p = requestPaymentParams('wx8888888888888888', 'wx201410272009395522657a690389285100', privateKey, 1_414_561_699_000);
    expect(p).toMatchObject({ appId: 'wx8888888888888888', timeStamp: '1414561699', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' });
    expect(verify(publicKey, [p.appId, p.timeStamp, p.nonceStr, p.package], p.paySign)).toBe(true);
  });

  it('ends every line with \\n, the last one too, and refuses a malformed signature', () => {
    expect(signedText(['1', 'n', ''])).toBe('1\nn\n\n');
    expect(verify(publicKey, ['x'], 'not base64 at all!')).toBe(false);
  });
});
