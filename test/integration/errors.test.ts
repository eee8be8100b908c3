import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope, rawExchange, request } from '../support/http';

let stack: Stack;
let api: ReturnType<typeof client>;
beforeAll(async () => { stack = await startStack(); api = client(stack.baseUrl); });
afterAll(() => stack.stop());

describe('bad input gets one clear error envelope and changes nothing', () => {
  it('malformed JSON', async () => {
    const res = await api.raw('POST', '/api/v1/auth/dev', '{"openid": "a",', { 'content-type': 'application/json' });
    expectEnvelope(res, 400, 'INVALID_JSON');
  });

  it('wrong types, missing fields and unknown fields are refused by the schema', async () => {
    expectEnvelope(await api.post('/api/v1/auth/dev', { openid: 42 }), 400, 'VALIDATION_FAILED');
    const missing = await api.post('/api/v1/auth/dev', {});
    expectEnvelope(missing, 400, 'VALIDATION_FAILED');
    expect(missing.body.error.details.fields[0]).toMatchObject({ rule: 'required', field: 'openid' });
    const unknown = await api.post('/api/v1/auth/dev', { openid: 'x1', isAdmin: true });
    expectEnvelope(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.error.details.fields[0]).toMatchObject({ rule: 'additionalProperties', field: 'isAdmin' });
    // Nothing was created by the refused requests.
    expect(await stack.app.models.Identity.countDocuments()).toBe(0);
  });

  it('an oversize body', async () => {
    const res = await api.raw('POST', '/api/v1/auth/dev', JSON.stringify({ openid: 'x'.repeat(2 * 1024 * 1024) }), { 'content-type': 'application/json' });
    expectEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a body of an unsupported type', async () => {
    expectEnvelope(await api.raw('POST', '/api/v1/auth/dev', 'openid=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route', async () => {
    expectEnvelope(await api.get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('a known path with a method it does not have: 405 with Allow, not 404', async () => {
    const res = await request(stack.baseUrl, 'DELETE', '/api/v1/files');
    expectEnvelope(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    const withParam = await request(stack.baseUrl, 'PATCH', '/api/v1/files/4f0c1a9e-8b3a-4d1e-9c1f-2a7b3c4d5e6f');
    expectEnvelope(withParam, 405, 'METHOD_NOT_ALLOWED');
    expect(withParam.headers.get('allow')).toBe('GET, HEAD');
    expectEnvelope(await request(stack.baseUrl, 'PUT', '/healthz'), 405, 'METHOD_NOT_ALLOWED');
    // An unknown path stays 404.
    expectEnvelope(await request(stack.baseUrl, 'DELETE', '/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  });

  it('any other method Node accepts is 405 too, decided before the body is read (QUERY without Content-Type, PURGE)', async () => {
    // Fastify itself would refuse a QUERY without Content-Type (400) before the not-found handler.
    const query = await rawExchange(stack.baseUrl, 'QUERY /api/v1/files HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expectEnvelope(query, 405, 'METHOD_NOT_ALLOWED');
    expect(query.headers.get('allow')).toBe('GET, HEAD, POST');
    const withBody = await rawExchange(stack.baseUrl, 'QUERY /api/v1/files/4f0c1a9e-8b3a-4d1e-9c1f-2a7b3c4d5e6f HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: not a type\r\nContent-Length: 2\r\n\r\n{}');
    expectEnvelope(withBody, 405, 'METHOD_NOT_ALLOWED');
    expect(withBody.headers.get('allow')).toBe('GET, HEAD');
    expectEnvelope(await rawExchange(stack.baseUrl, 'PURGE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 405, 'METHOD_NOT_ALLOWED');
    expectEnvelope(await rawExchange(stack.baseUrl, 'QUERY /api/v1/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 404, 'ROUTE_NOT_FOUND');
  });

  it('a path parameter over 100 characters: 414; a broken percent-encoding: 400', async () => {
    expectEnvelope(await api.get(`/api/v1/files/${'a'.repeat(101)}`), 414, 'URI_TOO_LONG');
    expectEnvelope(await api.get('/api/v1/files/%E0%A4%A'), 400, 'BAD_REQUEST');
  });

  it("what Node's HTTP parser refuses gets the envelope too: 431 for huge headers, 400 for a malformed request", async () => {
    const huge = await rawExchange(stack.baseUrl, `GET /api/v1/me HTTP/1.1\r\nHost: x\r\nX-Filler: ${'x'.repeat(20_000)}\r\n\r\n`);
    expectEnvelope(huge, 431, 'HEADERS_TOO_LARGE');
    expect(huge.headers.get('x-request-id')).toBe(huge.body.error.requestId);
    expectEnvelope(await rawExchange(stack.baseUrl, 'NOT-HTTP at all\r\n\r\n'), 400, 'BAD_REQUEST');
    expectEnvelope(await rawExchange(stack.baseUrl, 'POST /api/v1/auth/dev HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\n'), 400, 'BAD_REQUEST');
  });

  it('a request id in the envelope matches the response header', async () => {
    const res = await api.get('/api/v1/me');
    expectEnvelope(res, 401, 'UNAUTHENTICATED');
    expect(res.headers.get('x-request-id')).toBe(res.body.error.requestId);
  });
});

describe('rate limiting', () => {
  let limited: Stack;
  beforeAll(async () => { limited = await startStack({ overrides: { rateLimit: { max: 1000, windowMs: 60_000, authMax: 3 } } }); });
  afterAll(() => limited.stop());

  describe('per person when signed in, per address otherwise', () => {
    let perUser: Stack;
    let proxied: Stack;
    beforeAll(async () => {
      perUser = await startStack({ overrides: { rateLimit: { max: 5, windowMs: 60_000, authMax: 100 } } });
      proxied = await startStack({ overrides: { rateLimit: { max: 3, windowMs: 60_000, authMax: 100 }, trustProxy: '127.0.0.1' } });
    });
    afterAll(async () => { await perUser.stop(); await proxied.stop(); });

    it('one person past the limit does not limit another person, or an anonymous caller, on the same address', async () => {
      const a = client(perUser.baseUrl);
      const alice = await a.signIn('rl-alice');
      const bob = await a.signIn('rl-bob');
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await a.get('/api/v1/me', alice.accessToken)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expectEnvelope(await a.get('/api/v1/me', alice.accessToken), 429, 'RATE_LIMITED');
      expect((await a.get('/api/v1/me', bob.accessToken)).status).toBe(200);
      // The sign-ins above spent the address's budget (2 of 5); the address still has its own.
      expect((await a.get('/api/v1/auth/options')).status).toBe(200);
    });

    it('a forged token is counted against the address: it can neither spend nor refill a person\'s budget', async () => {
      const a = client(perUser.baseUrl);
      const carol = await a.signIn('rl-carol');
      const [header, payload] = carol.accessToken.split('.');
      const forged = `${header}.${payload}.${'A'.repeat(43)}`;
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await a.get('/api/v1/me', forged)).status);
      // 401 while the address has budget (it spent some on the sign-ins of this file), then 429.
      expect(statuses).toContain(429);
      expect(statuses.filter((s) => s !== 429).every((s) => s === 401)).toBe(true);
      expect((await a.get('/api/v1/me', carol.accessToken)).status).toBe(200);
    });

    it('behind a trusted reverse proxy, anonymous callers are told apart by X-Forwarded-For', async () => {
      const from = (ip: string) => request(proxied.baseUrl, 'GET', '/api/v1/auth/options', { headers: { 'x-forwarded-for': ip } });
      const first = [];
      for (let i = 0; i < 4; i++) first.push((await from('203.0.113.7')).status);
      expect(first).toEqual([200, 200, 200, 429]);
      expect((await from('203.0.113.8')).status).toBe(200);
    });

    it('without trustProxy (the default), X-Forwarded-For is ignored: a caller cannot pick a fresh address', async () => {
      const direct = await startStack({ overrides: { rateLimit: { max: 3, windowMs: 60_000, authMax: 100 } } });
      try {
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await request(direct.baseUrl, 'GET', '/api/v1/auth/options', { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
      } finally {
        await direct.stop();
      }
    });
  });

  it('answers 429 with the envelope past the sign-in limit', async () => {
    const a = client(limited.baseUrl);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await a.post('/api/v1/auth/dev', { openid: `r${i}` })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expectEnvelope(await a.post('/api/v1/auth/dev', { openid: 'r9' }), 429, 'RATE_LIMITED');
  });
});
