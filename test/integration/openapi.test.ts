import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';

let stack: Stack;
beforeAll(async () => { stack = await startStack(); });
afterAll(() => stack.stop());

describe('OpenAPI', () => {
  it('lists every API route, each with its responses and the error envelope', async () => {
    const doc = (await client(stack.baseUrl).get('/docs/json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [p, methods] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        documented.add(`${method.toUpperCase()} ${p}`);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
        if (p.startsWith('/api/')) expect(op.responses).toHaveProperty('400');
      }
    }
    for (const expected of [
      'GET /healthz', 'GET /readyz', 'GET /api/v1/auth/options', 'POST /api/v1/auth/wechat', 'POST /api/v1/auth/dev',
      'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout', 'GET /api/v1/me', 'PUT /api/v1/me/profile', 'PUT /api/v1/me/donor',
      'POST /api/v1/staff-invitations/redeem', 'GET /api/v1/staff/people/{userId}', 'POST /api/v1/admin/staff-invitations', 'GET /api/v1/admin/audit',
    ]) expect(documented).toContain(expected);
    // Nothing registered under /api or the probes is missing from the document.
    const apiRoutes = stack.app.routeList.filter((r) => / \/(api|healthz|readyz)/.test(r)).map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(13);
    for (const r of apiRoutes) expect(documented).toContain(r);
  });

  it('lists 414 on every route with path parameters (a parameter over 100 characters), and only there', async () => {
    const doc = (await client(stack.baseUrl).get('/docs/json')).body;
    let withParams = 0;
    for (const [p, methods] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths)) {
      for (const op of Object.values(methods)) {
        expect([p, '414' in op.responses]).toEqual([p, p.includes('{')]);
        if (p.includes('{')) withParams += 1;
      }
    }
    expect(withParams).toBeGreaterThan(10);
  });

  it('states the upload body: multipart/form-data with a required binary part `file`', async () => {
    const doc = (await client(stack.baseUrl).get('/docs/json')).body;
    expect(doc.paths['/api/v1/files'].post.requestBody).toEqual({
      required: true,
      content: {
        'multipart/form-data': {
          schema: expect.objectContaining({ type: 'object', required: ['file'], properties: { file: expect.objectContaining({ type: 'string', format: 'binary', minLength: 1 }) } }),
        },
      },
    });
  });

  it('serves the UI', async () => {
    const res = await fetch(`${stack.baseUrl}/docs/`);
    expect(res.status).toBe(200);
  });
});
