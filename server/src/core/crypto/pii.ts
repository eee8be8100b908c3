import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Field encryption of sensitive personal information (AES-256-GCM) and blind indexes (HMAC-SHA256)
 * for lookup and uniqueness without decrypting. Ciphertext is "v1.<keyId>.<iv>.<tag>.<data>"
 * (base64url) so keys can rotate: new writes use the active key, old ones stay readable.
 */
export interface PiiKeys {
  keys: Record<string, string>;
  activeKeyId: string;
  blindIndexKey: string;
}

export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  blindIndex(value: string): string;
}

export function createPiiCipher(cfg: PiiKeys): PiiCipher {
  const keys = new Map(Object.entries(cfg.keys).map(([id, b64]) => {
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`PII key ${id} must be 32 bytes`);
    return [id, key] as const;
  }));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.get(cfg.activeKeyId)!, iv);
      cipher.setAAD(Buffer.from(cfg.activeKeyId));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', cfg.activeKeyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
    },
    decrypt(text) {
      const [version, keyId, iv, tag, data] = text.split('.');
      const key = keys.get(keyId);
      if (version !== 'v1' || !key) throw new Error(`cannot decrypt: unknown key id ${keyId}`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(value) {
      return createHmac('sha256', cfg.blindIndexKey).update(value).digest('base64url');
    },
  };
}

/** Tokens and codes are stored only as hashes. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
