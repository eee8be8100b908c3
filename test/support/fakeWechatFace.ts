import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's access token (GET /cgi-bin/token) and face-verification result
 * check (POST /cityservice/face/identify/getinfo). `issue()` plays the phone's
 * `wx.startFacialRecognitionVerify`: it returns a verifyResult for a face check of `name` /
 * `idNumber` by WeChat user `openid`, and getinfo later answers for it — with digests, as WeChat
 * does. `outcome` scripts the answer:
 * - 'pass' (default): errcode 0, identify_ret 0;
 * - 'notPassed': errcode 0, identify_ret 10001 (the face did not match);
 * - 'invalid' → errcode 84001; 'expired' → 84002; a verifyResult never issued → 84001;
 * - 'old': passed, but finished two hours ago; 'systemError' → errcode -1; 'broken' → HTTP 502;
 *   'slow' → never answers in time.
 * `expireTokens()` makes every issued token invalid (40001), so the client must fetch a new one.
 */
export type FaceOutcome = 'pass' | 'notPassed' | 'invalid' | 'expired' | 'old' | 'systemError' | 'broken' | 'slow';
export interface FaceCheck { openid: string; idNumber: string; name: string; outcome?: FaceOutcome }

export interface FakeWechatFace {
  baseUrl: string;
  calls: { path: string; verifyResult?: string; token?: string | null }[];
  issue(check: FaceCheck): string;
  expireTokens(): void;
  stop(): Promise<void>;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export async function startFakeWechatFace(): Promise<FakeWechatFace> {
  const calls: FakeWechatFace['calls'] = [];
  const checks = new Map<string, FaceCheck>();
  const validTokens = new Set<string>();
  let tokenSerial = 0;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

    if (url.pathname === '/cgi-bin/token' && req.method === 'GET') {
      calls.push({ path: url.pathname });
      const q = url.searchParams;
      if (q.get('grant_type') !== 'client_credential' || !q.get('appid') || !q.get('secret')) return json({ errcode: 40013, errmsg: 'invalid appid' });
      const token = `FACE-TOKEN-${++tokenSerial}`;
      validTokens.add(token);
      return json({ access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/cityservice/face/identify/getinfo' && req.method === 'POST') {
      const token = url.searchParams.get('access_token');
      let verifyResult = '';
      try { verifyResult = String(JSON.parse(Buffer.concat(chunks).toString('utf8')).verify_result ?? ''); } catch { /* answered below */ }
      calls.push({ path: url.pathname, verifyResult, token });
      if (!token || !validTokens.has(token)) return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const check = checks.get(verifyResult);
      if (!check || check.outcome === 'invalid') return json({ errcode: 84001, errmsg: 'invalid identify id' });
      switch (check.outcome ?? 'pass') {
        case 'expired': return json({ errcode: 84002, errmsg: 'user info expired' });
        case 'systemError': return json({ errcode: -1, errmsg: 'system error' });
        case 'broken': res.writeHead(502).end('bad gateway'); return;
        case 'slow': setTimeout(() => json({ errcode: -1 }), 10_000).unref(); return;
        default: break;
      }
      const finishedAt = Math.floor(Date.now() / 1000) - (check.outcome === 'old' ? 7200 : 0);
      return json({
        errcode: 0,
        errmsg: 'ok',
        identify_ret: check.outcome === 'notPassed' ? 10001 : 0,
        openid: check.openid,
        id_card_number_md5: md5(check.idNumber.toUpperCase()),
        name_utf8_md5: md5(check.name),
        validate_data: '',
        finish_time: finishedAt,
      });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    issue(check) {
      const verifyResult = `vr-${randomBytes(12).toString('hex')}`;
      checks.set(verifyResult, check);
      return verifyResult;
    },
    expireTokens: () => validTokens.clear(),
    stop: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
