/** A thin real-HTTP client for tests: status, parsed body, headers. */
export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function request<T = any>(baseUrl: string, method: string, path: string, opts: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(baseUrl + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export function client(baseUrl: string) {
  return {
    get: <T = any>(path: string, token?: string) => request<T>(baseUrl, 'GET', path, { token }),
    post: <T = any>(path: string, body?: unknown, token?: string) => request<T>(baseUrl, 'POST', path, { body: body ?? {}, token }),
    put: <T = any>(path: string, body?: unknown, token?: string) => request<T>(baseUrl, 'PUT', path, { body, token }),
    raw: <T = any>(method: string, path: string, raw: string, headers: Record<string, string>, token?: string) => request<T>(baseUrl, method, path, { raw, headers, token }),
    /** Development sign-in: returns tokens and the user. */
    async signIn(openid: string, extra: Record<string, unknown> = {}) {
      const res = await request(baseUrl, 'POST', '/api/v1/auth/dev', { body: { openid, ...extra } });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { accessToken: string; refreshToken: string; user: { id: string; roles: string[] } };
    },
  };
}

/** Asserts the one error envelope and returns its code. */
export function expectEnvelope(res: HttpResult, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) }) });
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  if (code) expect(res.body.error.code).toBe(code);
  return res.body.error.code as string;
}

/**
 * Sends bytes as they are on a fresh TCP connection and parses the one HTTP response: for requests
 * fetch() refuses to send (huge headers, a malformed request line). Status 0 if no answer came in 5 s.
 */
export async function rawExchange(baseUrl: string, bytes: string | Buffer): Promise<HttpResult> {
  const net = await import('node:net');
  const { port, hostname } = new URL(baseUrl);
  const answer = await new Promise<string>((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let got = '';
    // Written, not ended: the server answers and closes (send `Connection: close` for a normal request).
    const giveUp = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (d) => { got += d.toString('utf8'); });
    socket.on('error', () => resolve(got));
    socket.on('close', () => { clearTimeout(giveUp); resolve(got); });
    socket.write(bytes);
  });
  const split = answer.indexOf('\r\n\r\n');
  const head = split < 0 ? answer : answer.slice(0, split);
  const text = split < 0 ? '' : answer.slice(split + 4);
  const headers = new Headers();
  for (const line of head.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  let body: unknown = text;
  try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), body, headers };
}
