import { AppError } from '../../errors/AppError';

/**
 * WeChat content security (内容安全) over real HTTP. Production talks to api.weixin.qq.com;
 * tests point the same client at a local fake (test/support/fakeWechatContent.ts) through the
 * `wechat.apiBaseUrl` setting, like code2Session.
 *
 * - Access token: POST /cgi-bin/stable_token (client_credential). The stable token does not
 *   invalidate tokens other servers of the same app hold; it is cached until 5 minutes before it
 *   expires, and fetched again once when WeChat says it is invalid or expired (40001/42001/40014).
 * - Text: POST /wxa/msg_sec_check, version 2 (needs the openid of a user who used the
 *   mini-program in the last 2 hours; scene 1 资料 / 2 评论 / 3 论坛 / 4 社交日志).
 *   https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * - Images: POST /wxa/img_sec_check, the synchronous upload check (multipart field `media`).
 *   Chosen over mediaCheckAsync because the answer is needed before the wish is saved and the
 *   async variant reports through the message-push callback, which this product has no endpoint
 *   for yet. WeChat limits the image to 1 MB / 750×1334; errcode 87014 = risky content.
 * Any other answer, a timeout or a non-JSON body → WISH_CONTENT_CHECK_UNAVAILABLE (503).
 */
export type ContentVerdict = { verdict: 'pass' } | { verdict: 'review'; label: number } | { verdict: 'risky'; label: number };

export interface ContentCheckClient {
  checkText(input: { content: string; openid: string; scene: 1 | 2 | 3 | 4; title?: string }): Promise<ContentVerdict>;
  checkImage(input: { data: Buffer; contentType: string; fileName: string }): Promise<ContentVerdict>;
}

export interface ContentCheckOptions {
  appId: string;
  appSecret: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

/** msgSecCheck v2 labels, in words a person can act on. */
export const CONTENT_LABELS: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他不宜公开的内容',
};

const TOKEN_INVALID = new Set([40001, 42001, 40014]);

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  result?: { suggest?: string; label?: number };
}

const unavailable = (details?: Record<string, unknown>) => new AppError('WISH_CONTENT_CHECK_UNAVAILABLE', details ? { details } : {});

export function createContentCheckClient(opts: ContentCheckOptions): ContentCheckClient {
  let cached: { token: string; until: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function call(path: string, init: RequestInit, query: Record<string, string> = {}): Promise<WechatAnswer> {
    const url = new URL(path, opts.apiBaseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body: unknown = await res.json();
      // A 200 whose body is null, a number, a string or an array is no answer at all.
      if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('not a JSON object');
      return body as WechatAnswer;
    } catch {
      throw unavailable();
    }
  }

  async function token(force = false): Promise<string> {
    if (!force && cached && cached.until > Date.now()) return cached.token;
    inFlight ??= (async () => {
      const body = await call('/cgi-bin/stable_token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: opts.appId, secret: opts.appSecret, force_refresh: false }),
      });
      if (body.errcode || !body.access_token) throw unavailable({ wechatErrcode: body.errcode ?? -1 });
      cached = { token: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
      return cached.token;
    })().finally(() => { inFlight = null; });
    return inFlight;
  }

  /** Calls with the cached token; once more with a fresh one when WeChat says the token is bad. */
  async function withToken(send: (accessToken: string) => Promise<WechatAnswer>): Promise<WechatAnswer> {
    let answer = await send(await token());
    if (answer.errcode && TOKEN_INVALID.has(answer.errcode)) {
      cached = null;
      answer = await send(await token(true));
    }
    return answer;
  }

  function verdictOf(answer: WechatAnswer): ContentVerdict {
    if (answer.errcode === 87014) return { verdict: 'risky', label: answer.result?.label ?? 21000 };
    if (answer.errcode) throw unavailable({ wechatErrcode: answer.errcode });
    const suggest = answer.result?.suggest ?? 'pass';
    const label = answer.result?.label ?? 100;
    if (suggest === 'risky') return { verdict: 'risky', label };
    if (suggest === 'review') return { verdict: 'review', label };
    return { verdict: 'pass' };
  }

  return {
    async checkText({ content, openid, scene, title }) {
      const answer = await withToken((accessToken) => call('/wxa/msg_sec_check', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content, version: 2, scene, openid, ...(title ? { title } : {}) }),
      }, { access_token: accessToken }));
      return verdictOf(answer);
    },

    async checkImage({ data, contentType, fileName }) {
      const answer = await withToken((accessToken) => {
        const form = new FormData();
        form.append('media', new Blob([new Uint8Array(data)], { type: contentType }), fileName);
        return call('/wxa/img_sec_check', { method: 'POST', body: form }, { access_token: accessToken });
      });
      return verdictOf(answer);
    },
  };
}

/** Development without WeChat (configuration refuses this in production). */
export const noContentCheck: ContentCheckClient = {
  checkText: async () => ({ verdict: 'pass' }),
  checkImage: async () => ({ verdict: 'pass' }),
};
