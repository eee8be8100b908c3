import type { ErrorCode } from '@dajiuzhu/shared';
import { AppError } from '../../errors/AppError';

/**
 * WeChat's real-name face verification (人脸核身), server side, over real HTTP. The mini-program
 * calls `wx.startFacialRecognitionVerify({ name, idCardNumber })` and gets a `verifyResult`; only
 * WeChat's answer to that result, fetched here, is trusted — never what the phone says.
 * - Access token: GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…, cached until
 *   5 minutes before it expires; fetched again once when WeChat says it is invalid (40001/42001/40014).
 * - Check: POST /cityservice/face/identify/getinfo?access_token=… with { verify_result } →
 *   { errcode, errmsg, identify_ret, openid, id_card_number_md5, name_utf8_md5, validate_data, finish_time }.
 * In production it talks to api.weixin.qq.com; tests point the same client at a local fake server.
 */
export interface FaceVerificationAnswer {
  /** The WeChat user who did the face check. */
  openid: string;
  /** md5 (hex) of the ID number that was checked (uppercase X) and of the name (UTF-8). */
  idCardNumberMd5: string;
  nameUtf8Md5: string;
  finishedAt: Date;
}

export interface FaceVerificationClient {
  /** WeChat's answer for a passed face check; AppError with a stable code otherwise. */
  check(verifyResult: string): Promise<FaceVerificationAnswer>;
}

export interface FaceVerificationOptions {
  appId: string;
  appSecret: string;
  apiBaseUrl: string;
  timeoutMs: number;
}

interface Answer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
  identify_ret?: number;
  openid?: string;
  id_card_number_md5?: string;
  name_utf8_md5?: string;
  finish_time?: number;
}

const TOKEN_INVALID = new Set([40001, 42001, 40014]);

/** The answers WeChat gives about the result itself; any other errcode means WeChat cannot tell us now. */
const RESULT_ERRCODES: Record<number, ErrorCode> = {
  84001: 'FACE_RESULT_INVALID', // not a verify_result of this mini-program (or already spent)
  84002: 'FACE_RESULT_EXPIRED',
  84003: 'FACE_RESULT_INVALID', // no such result
};

export function createFaceVerificationClient(opts: FaceVerificationOptions): FaceVerificationClient {
  let cached: { token: string; until: number } | null = null;

  async function call(path: string, query: Record<string, string>, body?: unknown): Promise<Answer> {
    const url = new URL(path, opts.apiBaseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    let answer: Answer | null;
    try {
      const res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      answer = (await res.json()) as Answer | null;
    } catch {
      throw new AppError('WECHAT_UNAVAILABLE');
    }
    if (typeof answer !== 'object' || answer === null) throw new AppError('WECHAT_UNAVAILABLE');
    return answer;
  }

  async function token(force: boolean): Promise<string> {
    if (!force && cached && cached.until > Date.now()) return cached.token;
    const answer = await call('/cgi-bin/token', { grant_type: 'client_credential', appid: opts.appId, secret: opts.appSecret });
    // A refused token means our own credentials are wrong: the person can do nothing about it.
    if (answer.errcode || !answer.access_token) throw new AppError('WECHAT_UNAVAILABLE', { details: { wechatErrcode: answer.errcode ?? -1 } });
    cached = { token: answer.access_token, until: Date.now() + Math.max(60, (answer.expires_in ?? 7200) - 300) * 1000 };
    return cached.token;
  }

  return {
    async check(verifyResult) {
      for (const force of [false, true]) {
        const answer = await call('/cityservice/face/identify/getinfo', { access_token: await token(force) }, { verify_result: verifyResult });
        if (answer.errcode && TOKEN_INVALID.has(answer.errcode)) {
          cached = null;
          continue;
        }
        if (answer.errcode) throw new AppError(RESULT_ERRCODES[answer.errcode] ?? 'WECHAT_UNAVAILABLE', { details: { wechatErrcode: answer.errcode } });
        if (answer.identify_ret !== 0) throw new AppError('FACE_NOT_PASSED', { details: { identifyRet: answer.identify_ret ?? -1 } });
        if (!answer.openid || !answer.id_card_number_md5 || !answer.name_utf8_md5 || typeof answer.finish_time !== 'number') throw new AppError('WECHAT_UNAVAILABLE');
        return {
          openid: answer.openid,
          idCardNumberMd5: answer.id_card_number_md5.toLowerCase(),
          nameUtf8Md5: answer.name_utf8_md5.toLowerCase(),
          finishedAt: new Date(answer.finish_time * 1000),
        };
      }
      throw new AppError('WECHAT_UNAVAILABLE');
    },
  };
}
