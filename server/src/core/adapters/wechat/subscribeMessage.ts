/**
 * WeChat subscribe messages (订阅消息) over real HTTP: progress of an application reaches the
 * resident's WeChat when they agreed to the template in the mini-program.
 * - Access token: POST /cgi-bin/stable_token (client_credential), cached until 5 minutes before
 *   expiry; fetched again once when WeChat says the token is invalid (40001/42001/40014).
 * - Send: POST /cgi-bin/message/subscribe/send?access_token=… with { touser, template_id, page, data }.
 *   43101 (the user has not subscribed / used up the one-time permission) is a normal outcome.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * Tests point the same client at a local fake server.
 */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  page: string;
  /** Template keywords → value, e.g. { thing1: '最低生活保障', phrase2: '已受理', time3: '2026-03-02' }. */
  data: Record<string, string>;
}

export type SubscribeOutcome = 'sent' | 'notSubscribed' | 'failed';

export interface SubscribeMessageClient {
  send(message: SubscribeMessage): Promise<SubscribeOutcome>;
}

export interface SubscribeMessageOptions {
  appId: string;
  appSecret: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

interface Answer { errcode?: number; errmsg?: string; access_token?: string; expires_in?: number }

const TOKEN_INVALID = new Set([40001, 42001, 40014]);

export function createSubscribeMessageClient(opts: SubscribeMessageOptions): SubscribeMessageClient {
  let cached: { token: string; until: number } | null = null;

  async function call(path: string, body: unknown, query: Record<string, string> = {}): Promise<Answer> {
    const url = new URL(path, opts.apiBaseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(opts.timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Answer;
  }

  async function token(force: boolean): Promise<string | null> {
    if (!force && cached && cached.until > Date.now()) return cached.token;
    const body = await call('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: opts.appId, secret: opts.appSecret, force_refresh: false });
    if (body.errcode || !body.access_token) return null;
    cached = { token: body.access_token, until: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
    return cached.token;
  }

  return {
    async send(message) {
      if (!opts.appId || !opts.appSecret || !message.templateId) return 'failed';
      const payload = {
        touser: message.openid,
        template_id: message.templateId,
        page: message.page,
        miniprogram_state: 'formal',
        lang: 'zh_CN',
        data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v.slice(0, 20) }])),
      };
      try {
        for (const force of [false, true]) {
          const accessToken = await token(force);
          if (!accessToken) return 'failed';
          const answer = await call('/cgi-bin/message/subscribe/send', payload, { access_token: accessToken });
          if (!answer.errcode) return 'sent';
          if (answer.errcode === 43101) return 'notSubscribed';
          if (!TOKEN_INVALID.has(answer.errcode)) return 'failed';
          cached = null;
        }
        return 'failed';
      } catch {
        return 'failed';
      }
    },
  };
}
