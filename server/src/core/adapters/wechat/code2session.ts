import { AppError } from '../../errors/AppError';

/**
 * WeChat code2Session (jscode2session) over real HTTP. In production it talks to
 * api.weixin.qq.com; tests point the same client at a local fake server.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html
 */
export interface WechatSession {
  openid: string;
  unionid?: string;
  /** Never logged, never stored: nothing in this product decrypts WeChat data with it yet. */
  sessionKey: string;
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>;
}

export interface WechatClientOptions {
  appId: string;
  appSecret: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

/** WeChat's documented errcodes, mapped to ours. */
const ERRCODES: Record<number, ConstructorParameters<typeof AppError>[0]> = {
  40029: 'WECHAT_CODE_INVALID',
  40163: 'WECHAT_CODE_INVALID',
  45011: 'WECHAT_RATE_LIMITED',
  40226: 'WECHAT_HIGH_RISK_USER',
  [-1]: 'WECHAT_UNAVAILABLE',
};

export function createWechatClient(opts: WechatClientOptions): WechatClient {
  return {
    async code2Session(code) {
      const url = new URL('/sns/jscode2session', opts.apiBaseUrl);
      url.searchParams.set('appid', opts.appId);
      url.searchParams.set('secret', opts.appSecret);
      url.searchParams.set('js_code', code);
      url.searchParams.set('grant_type', 'authorization_code');
      let body: { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string };
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        body = (await res.json()) as typeof body;
      } catch {
        throw new AppError('WECHAT_UNAVAILABLE');
      }
      if (body.errcode) throw new AppError(ERRCODES[body.errcode] ?? 'WECHAT_UNAVAILABLE', { details: { wechatErrcode: body.errcode } });
      if (!body.openid || !body.session_key) throw new AppError('WECHAT_UNAVAILABLE');
      return { openid: body.openid, unionid: body.unionid, sessionKey: body.session_key };
    },
  };
}
