import { createHmac } from 'node:crypto';
import { startStack, type Stack } from '../support/stack';
import { startFakeWechat } from '../support/fakeWechat';
import { client, expectEnvelope } from '../support/http';
import { loadConfig } from '@dajiuzhu/config';

let stack: Stack;
let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  wechat = await startFakeWechat();
  // The production HTTP client, pointed at the local fake server through configuration.
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: wechat.baseUrl, timeoutMs: 500 } } });
  api = client(stack.baseUrl);
});
afterAll(async () => { await stack.stop(); await wechat.stop(); });

describe('sign-in with WeChat (code2Session through the adapter)', () => {
  it('signs a new user in as a resident and returns tokens', async () => {
    const res = await api.post('/api/v1/auth/wechat', { code: 'ok-openid-A' });
    expect(res.status).toBe(200);
    expect(res.body.user.roles).toEqual(['resident']);
    expect(res.body.expiresIn).toBeLessThanOrEqual(900);
    expect(JSON.stringify(res.body)).not.toContain('SESSIONKEY');
    const me = await api.get('/api/v1/me', res.body.accessToken);
    expect(me.body.id).toBe(res.body.user.id);
  });

  it('finds the same account on the next sign-in', async () => {
    const a = await api.post('/api/v1/auth/wechat', { code: 'ok-openid-B' });
    const b = await api.post('/api/v1/auth/wechat', { code: 'ok-openid-B' });
    expect(b.body.user.id).toBe(a.body.user.id);
  });

  it('creates exactly one account when the first sign-ins race', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => api.post('/api/v1/auth/wechat', { code: 'ok-openid-race' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
    expect(await stack.app.models.Identity.countDocuments({ _id: 'wechat:openid-race' })).toBe(1);
  });

  it.each([
    // A code WeChat does not know authenticates no one: 401, not a malformed request.
    ['invalid', 401, 'WECHAT_CODE_INVALID'],
    ['used', 401, 'WECHAT_CODE_INVALID'],
    ['busy', 429, 'WECHAT_RATE_LIMITED'],
    ['risky', 403, 'WECHAT_HIGH_RISK_USER'],
    ['broken', 503, 'WECHAT_UNAVAILABLE'],
    ['slow', 503, 'WECHAT_UNAVAILABLE'],
  ])('maps WeChat answer %s to %i %s and creates no account', async (code, status, errorCode) => {
    const before = await stack.app.models.User.countDocuments();
    expectEnvelope(await api.post('/api/v1/auth/wechat', { code }), status, errorCode);
    expect(await stack.app.models.User.countDocuments()).toBe(before);
  });
});

describe('development sign-in', () => {
  it('grants the demo role asked for', async () => {
    const staff = await api.signIn('t-staff', { role: 'staff', regionCode: '371400', level: 'county' });
    expect(staff.user.roles).toEqual(expect.arrayContaining(['resident', 'staff']));
    const me = await api.get('/api/v1/me', staff.accessToken);
    expect(me.body.staff).toEqual({ level: 'county', regionCode: '371400' });
  });

  it('needs a region for staff', async () => {
    expectEnvelope(await api.post('/api/v1/auth/dev', { openid: 't-staff-2', role: 'staff' }), 400, 'VALIDATION_FAILED');
  });

  it('does not exist when configuration disables it', async () => {
    const off = await startStack({ overrides: { devSignIn: false } });
    try {
      expectEnvelope(await client(off.baseUrl).post('/api/v1/auth/dev', { openid: 'x' }), 404);
      expect((await client(off.baseUrl).get('/api/v1/auth/options')).body).toEqual({ devSignIn: false });
    } finally { await off.stop(); }
  });

  it('cannot be enabled in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEV_SIGN_IN: 'true', JWT_SECRET: 'z'.repeat(40), PII_KEYS: `p:${Buffer.alloc(32).toString('base64')}`, PII_ACTIVE_KEY_ID: 'p', PII_BLIND_INDEX_KEY: 'q'.repeat(40) })).toThrow(/devSignIn/);
  });
});

describe('tokens', () => {
  it('rotates the refresh token; the old one no longer works and its reuse ends the session', async () => {
    const first = await api.signIn('t-rotate');
    const r1 = await api.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(first.refreshToken);
    expect((await api.get('/api/v1/me', r1.body.accessToken)).status).toBe(200);

    // The rotated-away token is presented again: treated as stolen, the whole family is revoked.
    expectEnvelope(await api.post('/api/v1/auth/refresh', { refreshToken: first.refreshToken }), 401, 'REFRESH_TOKEN_REUSED');
    expectEnvelope(await api.post('/api/v1/auth/refresh', { refreshToken: r1.body.refreshToken }), 401, 'REFRESH_TOKEN_INVALID');
    expectEnvelope(await api.get('/api/v1/me', r1.body.accessToken), 401, 'TOKEN_INVALID');
  });

  it('lets only one of two simultaneous refreshes with the same token win', async () => {
    const s = await api.signIn('t-race-refresh');
    const [a, b] = await Promise.all([0, 1].map(() => api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })));
    expect([a.status, b.status].sort()).toEqual([200, 401]);
  });

  it('refuses an unknown refresh token', async () => {
    expectEnvelope(await api.post('/api/v1/auth/refresh', { refreshToken: 'x'.repeat(43) }), 401, 'REFRESH_TOKEN_INVALID');
  });

  it('logout revokes the session', async () => {
    const s = await api.signIn('t-logout');
    expect((await api.post('/api/v1/auth/logout', undefined, s.accessToken)).status).toBe(204);
    expectEnvelope(await api.get('/api/v1/me', s.accessToken), 401);
    expectEnvelope(await api.post('/api/v1/auth/refresh', { refreshToken: s.refreshToken }), 401, 'REFRESH_TOKEN_INVALID');
  });

  it('refuses expired, tampered and alg:none tokens', async () => {
    const s = await api.signIn('t-forged');
    const [h, p, sig] = s.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());

    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const tampered = `${h}.${b64({ ...payload, sub: 'someone-else' })}.${sig}`;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`;
    const secret = loadConfig({ NODE_ENV: 'test' }).jwt.secret;
    const expiredBody = `${h}.${b64({ ...payload, iat: payload.iat - 3600, exp: payload.iat - 1800 })}`;
    const expired = `${expiredBody}.${createHmac('sha256', secret).update(expiredBody).digest('base64url')}`;
    const hs512Body = `${b64({ alg: 'HS512', typ: 'JWT' })}.${p}`;
    const otherAlg = `${hs512Body}.${createHmac('sha512', secret).update(hs512Body).digest('base64url')}`;

    expectEnvelope(await api.get('/api/v1/me', tampered), 401, 'TOKEN_INVALID');
    expectEnvelope(await api.get('/api/v1/me', none), 401, 'TOKEN_INVALID');
    expectEnvelope(await api.get('/api/v1/me', expired), 401, 'TOKEN_EXPIRED');
    expectEnvelope(await api.get('/api/v1/me', otherAlg), 401, 'TOKEN_INVALID');
    expectEnvelope(await api.get('/api/v1/me', 'not-a-jwt'), 401);
  });
});

describe('authentication comes first', () => {
  it('an anonymous request with a bad body or query to a protected route gets 401, not field details', async () => {
    // Before: the query was validated first and answered 400 with what the route expects.
    const bad = await api.raw('POST', '/api/v1/files?purpose=selfie', '{"not":"multipart"}', { 'content-type': 'application/json' });
    expectEnvelope(bad, 401, 'UNAUTHENTICATED');
    expect(bad.body.error.details).toBeUndefined();
    const huge = await api.raw('POST', '/api/v1/auth/logout', JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expectEnvelope(huge, 401, 'UNAUTHENTICATED');
    // Signed in, the same query is refused for what it is.
    const s = await api.signIn('auth-first');
    expectEnvelope(await api.raw('POST', '/api/v1/files?purpose=selfie', '{}', { 'content-type': 'application/json' }, s.accessToken), 400, 'VALIDATION_FAILED');
  });
});

describe('live sessions per account', () => {
  let capped: Stack;
  beforeAll(async () => { capped = await startStack({ overrides: { maxSessionsPerAccount: 3 } }); });
  afterAll(() => capped.stop());

  it('a new sign-in beyond the cap ends the oldest session (its access and refresh tokens stop working)', async () => {
    const c = client(capped.baseUrl);
    const sessions = [];
    for (let i = 0; i < 4; i++) sessions.push(await c.signIn('many-phones'));
    expectEnvelope(await c.get('/api/v1/me', sessions[0].accessToken), 401, 'TOKEN_INVALID');
    expectEnvelope(await c.post('/api/v1/auth/refresh', { refreshToken: sessions[0].refreshToken }), 401, 'REFRESH_TOKEN_INVALID');
    for (const s of sessions.slice(1)) expect((await c.get('/api/v1/me', s.accessToken)).status).toBe(200);
    // Another account is not affected.
    const other = await c.signIn('one-phone');
    expect((await c.get('/api/v1/me', other.accessToken)).status).toBe(200);
  });

  it('ten sign-ins at once still leave exactly the cap of live sessions', async () => {
    const c = client(capped.baseUrl);
    const sessions = await Promise.all(Array.from({ length: 10 }, () => c.signIn('racing-phones')));
    const live = [];
    for (const s of sessions) if ((await c.get('/api/v1/me', s.accessToken)).status === 200) live.push(s);
    expect(live).toHaveLength(3);
  });
});
