import { Writable } from 'node:stream';
import { startStack, type Stack } from '../support/stack';
import { startFakeWechat } from '../support/fakeWechat';
import { client } from '../support/http';

describe('logs', () => {
  let stack: Stack;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  const lines: string[] = [];

  beforeAll(async () => {
    wechat = await startFakeWechat();
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
    stack = await startStack({ logStream: sink, overrides: { logLevel: 'trace', wechat: { apiBaseUrl: wechat.baseUrl } } });
  });
  afterAll(async () => { await stack.stop(); await wechat.stop(); });

  it('never contain ID numbers, phones, tokens or WeChat session keys', async () => {
    const api = client(stack.baseUrl);
    const s = await api.post('/api/v1/auth/wechat', { code: 'ok-log-user' });
    await api.put('/api/v1/me/profile', { name: '张三', idNumber: '11010519491231002X', phone: '13912345678', hukou: 'urban', regionCode: '371402001' }, s.body.accessToken);
    await api.put('/api/v1/me/profile', { name: '张三', idNumber: '110105194912310021', phone: '13912345678', hukou: 'urban', regionCode: '371402001' }, s.body.accessToken);
    const r = await api.post('/api/v1/auth/refresh', { refreshToken: s.body.refreshToken });
    await api.get('/api/v1/me', r.body.accessToken);

    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('/api/v1/me/profile'); // requests are logged…
    for (const secret of ['11010519491231002X', '110105194912310021', '13912345678', s.body.accessToken, s.body.refreshToken, r.body.refreshToken, 'SESSIONKEY-must-not-leak']) {
      expect(log).not.toContain(secret); // …their personal data is not
    }
  });

  it('never contain a token or a one-time code sent in a query string', async () => {
    const secrets = ['eyJhbGciOiJIUzI1NiJ9.query-token.sig', 'WXCODE-0123456789', 'TICKET-abc', 'FACE-RESULT-xyz', 'REFRESH-qwerty', 'SIG-777'];
    const query = `access_token=${secrets[0]}&code=${secrets[1]}&ticket=${secrets[2]}&verify_result=${secrets[3]}&refreshToken=${secrets[4]}&signature=${secrets[5]}&regionCode=371402`;
    await fetch(`${stack.baseUrl}/api/v1/auth/options?${query}`);
    await fetch(`${stack.baseUrl}/api/v1/nowhere?token=${secrets[0]}`);
    const log = lines.join('');
    for (const secret of secrets) expect(log).not.toContain(secret);
    // The URL is still logged, with what is not secret.
    expect(log).toContain('/api/v1/auth/options?access_token=[REDACTED]&code=[REDACTED]&ticket=[REDACTED]&verify_result=[REDACTED]&refreshToken=[REDACTED]&signature=[REDACTED]&regionCode=371402');
    expect(log).toContain('/api/v1/nowhere?token=[REDACTED]');
  });
});
