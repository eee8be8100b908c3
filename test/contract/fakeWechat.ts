import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * WeChat's API (`wechat.apiBaseUrl`) as the contract test needs it: answering generated requests the
 * way WeChat answers them, so nothing leaves this machine and no answer is a scripted failure.
 * - jscode2session: a code the phone never got from `wx.login` → 40029 invalid code (WeChat's
 *   answer to any made-up code); "ok-<openid>" → a session.
 * - stable_token → a token; subscribe message send → sent.
 * (test/support/fakeWechat.ts answers unknown codes with a system error, to test the 503 path.)
 */
export async function startContractWechat(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    req.resume();
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? '';
      if (code.startsWith('ok-') && code.length > 3) return json({ openid: code.slice(3), session_key: 'contract-session-key' });
      return json({ errcode: 40029, errmsg: 'invalid code' });
    }
    if (url.pathname === '/cgi-bin/stable_token') return json({ access_token: 'CONTRACT-TOKEN', expires_in: 7200 });
    if (url.pathname === '/cgi-bin/message/subscribe/send') return json({ errcode: 0, errmsg: 'ok' });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
