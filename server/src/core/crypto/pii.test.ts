import { createPiiCipher } from './pii';

const k1 = Buffer.alloc(32, 1).toString('base64');
const k2 = Buffer.alloc(32, 2).toString('base64');

describe('PII encryption', () => {
  const c1 = createPiiCipher({ keys: { k1 }, activeKeyId: 'k1', blindIndexKey: 'b'.repeat(32) });

  it('round-trips and never stores the plain text', () => {
    const enc = c1.encrypt('11010519491231002X');
    expect(enc).not.toContain('11010519491231002X');
    expect(enc.startsWith('v1.k1.')).toBe(true);
    expect(c1.decrypt(enc)).toBe('11010519491231002X');
  });

  it('uses a fresh IV each time, so equal values do not look equal', () => {
    expect(c1.encrypt('same')).not.toBe(c1.encrypt('same'));
  });

  it('gives one blind index per value, independent of the IV', () => {
    expect(c1.blindIndex('x')).toBe(c1.blindIndex('x'));
    expect(c1.blindIndex('x')).not.toBe(c1.blindIndex('y'));
  });

  it('reads old data after the active key rotates', () => {
    const old = c1.encrypt('before rotation');
    const rotated = createPiiCipher({ keys: { k1, k2 }, activeKeyId: 'k2', blindIndexKey: 'b'.repeat(32) });
    expect(rotated.decrypt(old)).toBe('before rotation');
    expect(rotated.encrypt('after').startsWith('v1.k2.')).toBe(true);
  });

  it('refuses tampered ciphertext', () => {
    const enc = c1.encrypt('abc');
    const parts = enc.split('.');
    parts[4] = Buffer.from('abd').toString('base64url');
    expect(() => c1.decrypt(parts.join('.'))).toThrow();
  });
});
