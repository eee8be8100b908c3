import Taro from '@tarojs/taro';
import * as stub from '../../test-stubs/taro';
import { ApiError, apiPath, apiUrl, buildQuery, download, request, upload } from './request';
import { getApplication } from './applications';
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

describe('request layer: query strings', () => {
  it('encodes keys and values (&, =, spaces, Chinese) and leaves out empty values', () => {
    expect(buildQuery({ q: 'a&b=c d', 地区: '德州市', n: 3, yes: true, none: undefined, nil: null, empty: '' })).toBe(
      '?q=a%26b%3Dc%20d&%E5%9C%B0%E5%8C%BA=%E5%BE%B7%E5%B7%9E%E5%B8%82&n=3&yes=true',
    );
    expect(buildQuery({ a: undefined })).toBe('');
    expect(buildQuery(undefined)).toBe('');
    expect(apiUrl('/api/v1/wishes', { regionCode: '371400' })).toBe('/api/v1/wishes?regionCode=371400');
  });

  it('sends a request’s query encoded', async () => {
    stub.request.mockResolvedValue(json(200, { ok: true }));
    await request({ path: '/api/v1/staff/applications', query: { status: 'publicNotice', regionCode: '371402 001&x=1' } });
    expect(calls()[0].url).toBe('/api/v1/staff/applications?status=publicNotice&regionCode=371402%20001%26x%3D1');
  });
});

describe('request layer: uploads', () => {
  type UploadCall = { url: string; filePath: string; name: string; fileName?: string; header?: Record<string, string> };
  const uploads = () => stub.uploadFile.mock.calls.map((c) => c[0] as UploadCall);
  const stored = { id: 'f1', name: '户口簿.jpg', contentType: 'image/jpeg', size: 10, createdAt: '2026-11-23T00:00:00Z' };

  it('refreshes an expired token once and uploads again with the new one', async () => {
    stub.request.mockImplementation(async (opt) => {
      if (opt.url === '/api/v1/auth/refresh') {
        await tick();
        return json(200, { accessToken: 'access-new', refreshToken: 'refresh-new-0123456789abcdef', expiresIn: 900 });
      }
      if (opt.header?.Authorization === 'Bearer access-new') return json(200, user);
      return envelope(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录');
    });
    stub.uploadFile.mockImplementation(async (opt) => {
      if (opt.header?.Authorization === 'Bearer access-new') return { statusCode: 201, data: JSON.stringify(stored) };
      return { statusCode: 401, data: JSON.stringify({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', requestId: 'r1' } }) };
    });

    // An upload and a request expire together: one refresh serves both.
    const [file, me] = await Promise.all([
      upload({ path: '/api/v1/files', query: { purpose: 'document' }, file: { path: 'wxfile://tmp_1.jpg', name: '户口簿.jpg' } }),
      getMe(),
    ]);

    expect(file).toEqual(stored);
    expect(me).toEqual(user);
    expect(calls().filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(uploads()).toHaveLength(2);
    expect(uploads().map((u) => u.header?.Authorization)).toEqual(['Bearer access-old', 'Bearer access-new']);
    expect(uploads()[1]).toMatchObject({ url: '/api/v1/files?purpose=document', filePath: 'wxfile://tmp_1.jpg', name: 'file', fileName: '户口簿.jpg' });
    expect(getTokens()?.accessToken).toBe('access-new');
  });

  it('H5: sends the File itself with fetch, refreshing an expired token once', async () => {
    const realFetch = (globalThis as any).fetch;
    stub.request.mockImplementation(async (opt) => {
      if (opt.url === '/api/v1/auth/refresh') return json(200, { accessToken: 'access-new', refreshToken: 'refresh-new-0123456789abcdef', expiresIn: 900 });
      throw new Error(`unexpected ${opt.url}`);
    });
    const fetchMock = jest.fn(async (_url: string, init: { headers: Record<string, string>; body: FormData }) =>
      init.headers.Authorization === 'Bearer access-new'
        ? { status: 201, text: async () => JSON.stringify(stored) }
        : { status: 401, text: async () => JSON.stringify({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', requestId: 'r1' } }) },
    );
    (globalThis as any).fetch = fetchMock;
    try {
      const file = new File(['%PDF-1.7'], '收入证明 1&2.pdf', { type: 'application/pdf' });
      await expect(upload({ path: '/api/v1/files', query: { purpose: 'document' }, file })).resolves.toEqual(stored);
      expect(fetchMock).toHaveBeenCalledTimes(2);
      const [url, init] = fetchMock.mock.calls[1];
      expect(url).toBe('/api/v1/files?purpose=document');
      expect((init.body.get('file') as File).name).toBe('收入证明 1&2.pdf');
      expect(calls().filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
      expect(stub.uploadFile).not.toHaveBeenCalled();
    } finally {
      (globalThis as any).fetch = realFetch;
    }
  });

  it('reads the error envelope of a refused upload', async () => {
    stub.uploadFile.mockResolvedValue({ statusCode: 413, data: JSON.stringify({ error: { code: 'FILE_TOO_LARGE', message: '文件太大了', requestId: 'r9' } }) });
    const err = await upload({ path: '/api/v1/files', file: { path: 'wxfile://big.pdf', name: 'big.pdf' } }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE', message: '文件太大了', requestId: 'r9' });
    expect(calls()).toHaveLength(0); // no refresh for anything but a 401
  });

  it('reports a failed upload transfer as NETWORK_ERROR', async () => {
    stub.uploadFile.mockRejectedValue({ errMsg: 'uploadFile:fail' });
    await expect(upload({ path: '/api/v1/files', file: { path: 'wxfile://a.jpg', name: 'a.jpg' } })).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
  });
});

describe('request layer: downloads', () => {
  const realEnv = process.env.TARO_ENV;
  const realFetch = (globalThis as any).fetch;
  const realCreate = URL.createObjectURL;
  afterEach(() => {
    process.env.TARO_ENV = realEnv;
    (globalThis as any).fetch = realFetch;
    URL.createObjectURL = realCreate;
  });
  const refreshOk = () =>
    stub.request.mockImplementation(async (opt) => {
      if (opt.url === '/api/v1/auth/refresh') return json(200, { accessToken: 'access-new', refreshToken: 'refresh-new-0123456789abcdef', expiresIn: 900 });
      throw new Error(`unexpected ${opt.url}`);
    });

  it('weapp: refreshes an expired token once and downloads again', async () => {
    process.env.TARO_ENV = 'weapp';
    refreshOk();
    stub.__files.set('tmp/err.json', JSON.stringify({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', requestId: 'r1' } }));
    stub.downloadFile.mockImplementation(async (opt) =>
      opt.header?.Authorization === 'Bearer access-new' ? { statusCode: 200, tempFilePath: 'tmp/list.pdf' } : { statusCode: 401, tempFilePath: 'tmp/err.json' },
    );
    const file = await download({ path: '/api/v1/happiness-lists/2025/pdf' });
    expect(file).toEqual({ filePath: 'tmp/list.pdf' });
    expect(stub.downloadFile.mock.calls.map((c) => c[0].header?.Authorization)).toEqual(['Bearer access-old', 'Bearer access-new']);
    expect(calls().filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('weapp: reads the error envelope from the downloaded body', async () => {
    process.env.TARO_ENV = 'weapp';
    stub.__files.set('tmp/err.json', JSON.stringify({ error: { code: 'NOT_FOUND', message: '该年度的幸福清单尚未发布', requestId: 'r2' } }));
    stub.downloadFile.mockResolvedValue({ statusCode: 404, tempFilePath: 'tmp/err.json' });
    await expect(download({ path: '/api/v1/happiness-lists/2030/pdf' })).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND', message: '该年度的幸福清单尚未发布' });
  });

  it('H5: fetches a Blob with the token, refreshing once on 401', async () => {
    process.env.TARO_ENV = 'h5';
    refreshOk();
    const blob = new Blob(['%PDF-1.7']);
    const fetchMock = jest.fn(async (_url: string, init: { headers: Record<string, string> }) =>
      init.headers.Authorization === 'Bearer access-new'
        ? { status: 200, blob: async () => blob, json: async () => null }
        : { status: 401, blob: async () => new Blob([]), json: async () => ({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', requestId: 'r1' } }) },
    );
    (globalThis as any).fetch = fetchMock;
    URL.createObjectURL = jest.fn(() => 'blob:pdf-1');
    const file = await download({ path: '/api/v1/staff/ledger/imports/i1/report.csv' });
    expect(file).toEqual({ filePath: 'blob:pdf-1', blob });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/staff/ledger/imports/i1/report.csv', '/api/v1/staff/ledger/imports/i1/report.csv']);
    expect(calls().filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
  });
});

describe('apiPath: ids from a route are one encoded path segment each', () => {
  it('encodes every interpolated segment, and only those', () => {
    expect(apiPath`/api/v1/applications/${'a1'}/withdraw`).toBe('/api/v1/applications/a1/withdraw');
    expect(apiPath`/api/v1/applications/${'../staff/applications'}`).toBe('/api/v1/applications/..%2Fstaff%2Fapplications');
    expect(apiPath`/api/v1/wishes/${'w?x=1#y'}/photos/${'f 1'}`).toBe('/api/v1/wishes/w%3Fx%3D1%23y/photos/f%201');
    expect(apiPath`/api/v1/happiness-lists/${2025}/pdf`).toBe('/api/v1/happiness-lists/2025/pdf');
  });

  it('services send the encoded path', async () => {
    stub.request.mockImplementation(async () => json(200, { id: 'x' }));
    await getApplication('a/../../me');
    expect(calls().map((c) => c.url)).toEqual(['/api/v1/applications/a%2F..%2F..%2Fme']);
  });
});
