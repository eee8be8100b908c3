import Taro from '@tarojs/taro';
import * as stub from '../../test-stubs/taro';
import { ApiError, request } from './request';
import { getMe } from './me';
import { getTokens, resetTokenCacheForTests, setTokens } from './tokens';

type Call = { url: string; method?: string; data?: any; header?: Record<string, string> };

const json = (statusCode: number, data: unknown) => ({ statusCode, data, header: { 'content-type': 'application/json' } });
const envelope = (statusCode: number, code: string, message: string, requestId = 'req-1', details?: unknown) =>
  json(statusCode, { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } });
const user = { id: 'u1', roles: ['resident'], createdAt: '2026-11-23T00:00:00Z' };
const tick = () => new Promise((r) => setTimeout(r, 5));

function calls(): Call[] {
  return (Taro.request as jest.Mock).mock.calls.map((c) => c[0] as Call);
}

beforeEach(() => {
  stub.__reset();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access-old', refreshToken: 'refresh-old-0123456789abcdef', expiresIn: 900 });
});

describe('request layer: single-flight refresh', () => {
  it('refreshes once for two concurrent 401s and replays both requests with the new token', async () => {
    stub.request.mockImplementation(async (opt) => {
      if (opt.url === '/api/v1/auth/refresh') {
        await tick(); // keep the refresh in flight while the second 401 arrives
        return json(200, { accessToken: 'access-new', refreshToken: 'refresh-new-0123456789abcdef', expiresIn: 900 });
      }
      if (opt.header?.Authorization === 'Bearer access-new') return json(200, user);
      return envelope(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录');
    });

    const [a, b] = await Promise.all([getMe(), getMe()]);

    expect(a).toEqual(user);
    expect(b).toEqual(user);
    const refreshCalls = calls().filter((c) => c.url === '/api/v1/auth/refresh');
    expect(refreshCalls).toHaveLength(1);
    expect(refreshCalls[0].data).toEqual({ refreshToken: 'refresh-old-0123456789abcdef' });
    expect(refreshCalls[0].header?.Authorization).toBeUndefined();
    const meCalls = calls().filter((c) => c.url === '/api/v1/me');
    expect(meCalls.map((c) => c.header?.Authorization)).toEqual([
      'Bearer access-old',
      'Bearer access-old',
      'Bearer access-new',
      'Bearer access-new',
    ]);
    expect(getTokens()).toEqual({ accessToken: 'access-new', refreshToken: 'refresh-new-0123456789abcdef', expiresIn: 900 });
    expect(stub.__storage.get('dajiuzhu.tokens')).toMatchObject({ accessToken: 'access-new' });
  });

  it('clears the tokens and surfaces UNAUTHENTICATED to every waiting request when the refresh fails', async () => {
    stub.request.mockImplementation(async (opt) => {
      if (opt.url === '/api/v1/auth/refresh') {
        await tick();
        return envelope(401, 'REFRESH_TOKEN_REUSED', '检测到登录凭证被重复使用，为保护您的账号已退出登录');
      }
      return envelope(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录');
    });

    const results = await Promise.allSettled([getMe(), getMe()]);

    for (const r of results) {
      expect(r.status).toBe('rejected');
      const err = (r as PromiseRejectedResult).reason;
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    expect(calls().filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(getTokens()).toBeNull();
    expect(stub.__storage.has('dajiuzhu.tokens')).toBe(false);
  });

  it('does not refresh again when the replayed request is still refused', async () => {
    stub.request.mockImplementation(async (opt) => {
      if (opt.url === '/api/v1/auth/refresh') return json(200, { accessToken: 'access-new', refreshToken: 'refresh-new-0123456789abcdef', expiresIn: 900 });
      return envelope(401, 'TOKEN_INVALID', '登录凭证无效，请重新登录');
    });
    await expect(getMe()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(calls().filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(calls().filter((c) => c.url === '/api/v1/me')).toHaveLength(2);
  });
});

describe('request layer: errors', () => {
  it('parses the error envelope into an ApiError', async () => {
    stub.request.mockResolvedValue(
      envelope(409, 'ID_NUMBER_TAKEN', '该身份证号已被其他账号实名认证，如有疑问请联系当地民政部门', 'req-42', { field: 'idNumber' }),
    );
    const err = await request({ method: 'PUT', path: '/api/v1/me/profile', body: { a: 1 } }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 409,
      code: 'ID_NUMBER_TAKEN',
      message: '该身份证号已被其他账号实名认证，如有疑问请联系当地民政部门',
      requestId: 'req-42',
      details: { field: 'idNumber' },
    });
  });

  it('sends JSON with the Bearer token', async () => {
    stub.request.mockResolvedValue(json(200, { ok: true }));
    await request({ method: 'PUT', path: '/api/v1/me/profile', body: { name: '王' } });
    expect(calls()[0]).toMatchObject({
      url: '/api/v1/me/profile',
      method: 'PUT',
      data: { name: '王' },
      header: { Authorization: 'Bearer access-old', 'Content-Type': 'application/json' },
    });
  });

  it('turns a response without an envelope into a generic Chinese error', async () => {
    stub.request.mockResolvedValue({ statusCode: 502, data: '<html>Bad Gateway</html>', header: { 'x-request-id': 'gw-1' } });
    await expect(request({ path: '/api/v1/me' })).rejects.toMatchObject({ status: 502, code: 'INTERNAL', message: '系统繁忙，请稍后再试', requestId: 'gw-1' });
  });

  it('reports a network failure as NETWORK_ERROR with a Chinese message', async () => {
    stub.request.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(request({ path: '/api/v1/me' })).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
  });
});
