import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';

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

  it('answers 429 with the envelope past the sign-in limit', async () => {
    const a = client(limited.baseUrl);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await a.post('/api/v1/auth/dev', { openid: `r${i}` })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expectEnvelope(await a.post('/api/v1/auth/dev', { openid: 'r9' }), 429, 'RATE_LIMITED');
  });
});
