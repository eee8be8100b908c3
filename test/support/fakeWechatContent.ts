import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's content-security API (stable_token, msg_sec_check v2,
 * img_sec_check). Scripted by content:
 * - text containing "违规" → suggest risky, label 20003 (辱骂); "待复核" → suggest review;
 *   "超时" → never answers in time; "故障" → errcode -1 (system busy); "空答" → HTTP 200 with the
 *   JSON body `null`;
 * - an image whose bytes contain "RISKY" → errcode 87014.
 * `expireTokens()` makes every issued token invalid (40001) so the client must fetch a new one.
 */
export async function startFakeWechatContent() {
  const calls: { path: string; content?: string; openid?: string; bytes?: number }[] = [];
  let tokenSerial = 0;
  let validFrom = 0;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

    if (url.pathname === '/cgi-bin/stable_token') {
      const body = JSON.parse(raw.toString('utf8') || '{}');
      calls.push({ path: url.pathname });
      if (body.grant_type !== 'client_credential' || !body.appid || !body.secret) return json({ errcode: 40013, errmsg: 'invalid appid' });
      tokenSerial += 1;
      return json({ access_token: `TOKEN-${tokenSerial}`, expires_in: 7200 });
    }
    const token = url.searchParams.get('access_token') ?? '';
    const serial = Number(token.replace('TOKEN-', ''));
    const tokenOk = token.startsWith('TOKEN-') && serial > validFrom;

    if (url.pathname === '/wxa/msg_sec_check') {
      const body = JSON.parse(raw.toString('utf8') || '{}');
      calls.push({ path: url.pathname, content: body.content, openid: body.openid });
      if (!tokenOk) return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      if (body.version !== 2 || !body.openid || ![1, 2, 3, 4].includes(body.scene)) return json({ errcode: 47001, errmsg: 'data format error' });
      const content = String(body.content ?? '');
      if (content.includes('超时')) { setTimeout(() => json({ errcode: 0 }), 5000).unref(); return; }
      if (content.includes('故障')) return json({ errcode: -1, errmsg: 'system error' });
      if (content.includes('空答')) return json(null);
      if (content.includes('违规')) return json({ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20003 }, detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20003, prob: 90 }], trace_id: 't' });
      if (content.includes('待复核')) return json({ errcode: 0, errmsg: 'ok', result: { suggest: 'review', label: 21000 }, detail: [], trace_id: 't' });
      return json({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 't' });
    }

    if (url.pathname === '/wxa/img_sec_check') {
      calls.push({ path: url.pathname, bytes: raw.length });
      if (!tokenOk) return json({ errcode: 40001, errmsg: 'invalid credential' });
      if (!String(req.headers['content-type']).startsWith('multipart/form-data') || !raw.includes('name="media"')) return json({ errcode: 41005, errmsg: 'media data missing' });
      if (raw.includes('RISKY')) return json({ errcode: 87014, errmsg: 'risky content' });
      return json({ errcode: 0, errmsg: 'ok' });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    expireTokens() { validFrom = tokenSerial; },
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
