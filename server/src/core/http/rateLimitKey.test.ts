import type { FastifyRequest } from 'fastify';
import { rateLimitKey } from './rateLimitKey';

const verify = (token: string) => {
  if (token === 'good') return { sub: 'u1' };
  throw new Error('bad signature');
};
const req = (authorization?: string) => ({ headers: authorization ? { authorization } : {}, ip: '203.0.113.9' }) as unknown as FastifyRequest;

describe('whose rate-limit budget a request spends', () => {
  it('the person of a verified access token', () => {
    expect(rateLimitKey(verify)(req('Bearer good'))).toBe('user:u1');
  });
  it('the address otherwise: no token, a forged or expired one, another scheme', () => {
    const key = rateLimitKey(verify);
    expect(key(req())).toBe('ip:203.0.113.9');
    expect(key(req('Bearer forged'))).toBe('ip:203.0.113.9');
    expect(key(req('Basic good'))).toBe('ip:203.0.113.9');
  });
});
