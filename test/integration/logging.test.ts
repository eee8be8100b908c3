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
});
