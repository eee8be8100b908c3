import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for api.weixin.qq.com's jscode2session. Codes script the answer:
 * "ok-<openid>" → a session; "invalid" → 40029; "used" → 40163; "busy" → 45011; "risky" → 40226;
 * "slow" → never answers in time; "broken" → HTTP 502.
 */
export async function startFakeWechat(): Promise<{ baseUrl: string; calls: string[]; stop(): Promise<void> }> {
  const calls: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname !== '/sns/jscode2session') { res.writeHead(404).end(); return; }
    const code = url.searchParams.get('js_code') ?? '';
    calls.push(code);
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.searchParams.get('grant_type') !== 'authorization_code' || !url.searchParams.get('appid') || !url.searchParams.get('secret')) return json({ errcode: 40013, errmsg: 'invalid appid' });
    if (code.startsWith('ok-')) return json({ openid: code.slice(3), session_key: 'SESSIONKEY-must-not-leak', unionid: 'u-' + code.slice(3) });
    if (code === 'invalid') return json({ errcode: 40029, errmsg: 'invalid code' });
    if (code === 'used') return json({ errcode: 40163, errmsg: 'code been used' });
    if (code === 'busy') return json({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
    if (code === 'risky') return json({ errcode: 40226, errmsg: 'high risk user' });
    if (code === 'broken') { res.writeHead(502).end('bad gateway'); return; }
    if (code === 'slow') { setTimeout(() => json({ openid: 'late', session_key: 'x' }), 5000).unref(); return; }
    return json({ errcode: -1, errmsg: 'system error' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
