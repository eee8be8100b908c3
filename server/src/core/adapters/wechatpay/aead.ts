import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AEAD_AES_256_GCM, as WeChat Pay encrypts a notification's `resource`: key = the APIv3 key (32
 * bytes of text), nonce = 12 characters, associated data as given, ciphertext = base64 of the
 * encrypted bytes followed by the 16-byte tag (RFC 5116).
 * https://pay.weixin.qq.com/wiki/doc/apiv3/wechatpay/wechatpay4_2.shtml
 */
export interface EncryptedResource { algorithm: string; ciphertext: string; nonce: string; associated_data?: string; original_type?: string }

const TAG_BYTES = 16;

/** The plaintext, or null when the algorithm is another, the key wrong or the text altered. */
export function decryptResource(apiV3Key: string, r: EncryptedResource): string | null {
  if (r.algorithm !== 'AEAD_AES_256_GCM') return null;
  try {
    const data = Buffer.from(r.ciphertext, 'base64');
    if (data.length <= TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(r.nonce, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** WeChat's side (the fake payment server): encrypts a resource the way a notification carries it. */
export function encryptResource(apiV3Key: string, plaintext: string, associatedData: string, originalType: string): EncryptedResource {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), nonce, associated_data: associatedData, original_type: originalType };
}
