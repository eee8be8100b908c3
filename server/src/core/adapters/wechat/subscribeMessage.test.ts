import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubscribeMessageClient } from './subscribeMessage';

/** A local stand-in for WeChat's stable_token and subscribe/send. */
async function fakeWechat() {
  const calls: Array<{ path: string; body: any; token: string | null }> = [];
  let tokenNo = 0;
  let expireNext = false;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const body = raw ? JSON.parse(raw) : null;
      calls.push({ path: url.pathname, body, token: url.searchParams.get('access_token') });
      const json = (b: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(b));
      if (url.pathname === '/cgi-bin/stable_token') {
        if (body.appid !== 'wxapp' || body.secret !== 'secret') return json({ errcode: 40013, errmsg: 'invalid appid' });
        tokenNo += 1;
        return json({ access_token: `T${tokenNo}`, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        if (expireNext) { expireNext = false; return json({ errcode: 42001, errmsg: 'access_token expired' }); }
        if (body.touser === 'unsubscribed') return json({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
        if (body.touser === 'broken') { res.writeHead(502).end(); return; }
        return json({ errcode: 0, errmsg: 'ok' });
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    expire: () => { expireNext = true; },
    stop: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

describe('WeChat subscribe message adapter', () => {
  let fake: Awaited<ReturnType<typeof fakeWechat>>;
  beforeAll(async () => { fake = await fakeWechat(); });
  afterAll(() => fake.stop());
  const msg = { openid: 'o-1', templateId: 'tmpl', page: 'packages/assistance/pages/detail/index?id=a', data: { thing1: '最低生活保障（低保）申请进度更新了', phrase2: '已受理' } };

  it('fetches a token once, sends, and trims values to WeChat’s 20 characters', async () => {
    const client = createSubscribeMessageClient({ appId: 'wxapp', appSecret: 'secret', apiBaseUrl: fake.baseUrl, timeoutMs: 1000 });
    expect(await client.send(msg)).toBe('sent');
    expect(await client.send(msg)).toBe('sent');
    expect(fake.calls.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(1);
    const sent = fake.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send');
    expect(sent[0].token).toBe('T1');
    expect(sent[0].body).toMatchObject({ touser: 'o-1', template_id: 'tmpl', page: msg.page, data: { phrase2: { value: '已受理' } } });
    expect(sent[0].body.data.thing1.value.length).toBeLessThanOrEqual(20);
  });

  it('refreshes an expired token once; reports not subscribed and failures without throwing', async () => {
    const client = createSubscribeMessageClient({ appId: 'wxapp', appSecret: 'secret', apiBaseUrl: fake.baseUrl, timeoutMs: 1000 });
    await client.send(msg);
    fake.expire();
    expect(await client.send(msg)).toBe('sent');
    expect(await client.send({ ...msg, openid: 'unsubscribed' })).toBe('notSubscribed');
    expect(await client.send({ ...msg, openid: 'broken' })).toBe('failed');
    const wrong = createSubscribeMessageClient({ appId: 'other', appSecret: 'x', apiBaseUrl: fake.baseUrl, timeoutMs: 1000 });
    expect(await wrong.send(msg)).toBe('failed');
    const nowhere = createSubscribeMessageClient({ appId: 'wxapp', appSecret: 'secret', apiBaseUrl: 'http://127.0.0.1:1', timeoutMs: 300 });
    expect(await nowhere.send(msg)).toBe('failed');
    expect(await client.send({ ...msg, templateId: '' })).toBe('failed');
  });
});
