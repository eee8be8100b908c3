import { decryptResource, encryptResource } from './aead';

const KEY = 'abcdefghijklmnopqrstuvwxyz012345';

describe('AEAD_AES_256_GCM resources (WeChat Pay notifications)', () => {
  it('decrypts what was encrypted with the APIv3 key and associated data', () => {
    const r = encryptResource(KEY, '{"out_trade_no":"dn1"}', 'transaction', 'transaction');
    expect(r).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' });
    expect(r.nonce).toHaveLength(12);
    expect(decryptResource(KEY, r)).toBe('{"out_trade_no":"dn1"}');
  });

  it('refuses another key, altered ciphertext or associated data, and other algorithms', () => {
    const r = encryptResource(KEY, 'hello', 'transaction', 'transaction');
    expect(decryptResource('x'.repeat(32), r)).toBeNull();
    const bytes = Buffer.from(r.ciphertext, 'base64');
    bytes[0] ^= 1;
    expect(decryptResource(KEY, { ...r, ciphertext: bytes.toString('base64') })).toBeNull();
    expect(decryptResource(KEY, { ...r, associated_data: 'refund' })).toBeNull();
    expect(decryptResource(KEY, { ...r, algorithm: 'AES_128_CBC' })).toBeNull();
    expect(decryptResource(KEY, { ...r, ciphertext: 'AAAA' })).toBeNull();
  });
});
