/**
 * The one request layer. Every call to the API goes through here — JSON requests, file uploads
 * and file downloads alike:
 * - one base URL (`apiUrl`, from the build constant) and one query-string builder (`buildQuery`);
 * - the Bearer access token, and on a 401 a single-flight refresh (concurrent calls wait for the
 *   same refresh and are replayed once with the new token);
 * - every failure thrown as an ApiError parsed from the API's error envelope.
 */
import Taro from '@tarojs/taro';
import type { ErrorEnvelope, TokenPair } from '@dajiuzhu/shared';
import { messageFor } from '@dajiuzhu/shared/src/errors/codes';
import { clearTokens, getTokens, setTokens } from './tokens';

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string;
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; requestId?: string; details?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? '';
    this.details = init.details;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Values of a query string; undefined, null and '' are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: HttpMethod;
  /** Path under the API, e.g. `/api/v1/me`. */
  path: string;
  /** Query parameters, encoded by `buildQuery`. */
  query?: QueryParams;
  body?: unknown;
  /** Attach the access token and refresh on 401 (default true). */
  auth?: boolean;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

/** THE base URL: '' (same origin) for H5 by default, set at build time (config/index.ts `API_BASE_URL`). */
export function apiBaseUrl(): string {
  return typeof API_BASE_URL === 'string' ? API_BASE_URL : '';
}

/**
 * `?a=1&b=x%20y` from the parameters (keys and values encoded with encodeURIComponent), or '' when
 * nothing is left after dropping undefined, null and ''.
 */
export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * An API path with its interpolated segments encoded: apiPath`/api/v1/applications/${id}/withdraw`.
 * Ids come from page routes (query strings anyone can edit), so each one is one segment, never
 * `../` or `?x=` reaching another endpoint. Every service builds paths with it.
 */
export function apiPath(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
  return strings.reduce((path, literal, i) => path + literal + (i < segments.length ? encodeURIComponent(String(segments[i])) : ''), '');
}

/** The full URL of an API path (for an <Image src> or any other place that needs the address itself). */
export function apiUrl(path: string, query?: QueryParams): string {
  return apiBaseUrl() + path + buildQuery(query);
}

function headerValue(header: Record<string, string> | undefined, name: string): string {
  if (!header) return '';
  const key = Object.keys(header).find((k) => k.toLowerCase() === name);
  return key ? String(header[key]) : '';
}

/** Turns a non-2xx response into an ApiError, reading the `{ error: {...} }` envelope. */
export function parseErrorResponse(res: RawResponse): ApiError {
  const data = res.data as Partial<ErrorEnvelope> | null | undefined;
  const err = data && typeof data === 'object' ? data.error : undefined;
  if (err && typeof err === 'object' && typeof err.code === 'string') {
    return new ApiError({
      status: res.statusCode,
      code: err.code,
      message: typeof err.message === 'string' && err.message ? err.message : messageFor(err.code),
      requestId: typeof err.requestId === 'string' ? err.requestId : headerValue(res.header, 'x-request-id'),
      details: err.details,
    });
  }
  const code = res.statusCode === 401 ? 'UNAUTHENTICATED' : res.statusCode === 404 ? 'NOT_FOUND' : 'INTERNAL';
  return new ApiError({ status: res.statusCode, code, message: messageFor(code), requestId: headerValue(res.header, 'x-request-id') });
}

const networkError = () => new ApiError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });

function authHeader(accessToken: string | null): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

/** Text that may be JSON (upload answers, error bodies of downloads) → the parsed value, or the text. */
function parseJsonText(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

async function sendJson(opts: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json', ...authHeader(accessToken) };
  if (opts.body !== undefined) header['Content-Type'] = 'application/json';
  try {
    const res = await Taro.request({
      url: apiUrl(opts.path, opts.query),
      method: opts.method ?? 'GET',
      data: opts.body === undefined ? undefined : (opts.body as any),
      header,
      dataType: 'json',
    });
    return { statusCode: res.statusCode, data: res.data, header: res.header as Record<string, string> };
  } catch {
    throw networkError();
  }
}

function unauthenticated(from?: ApiError): ApiError {
  return new ApiError({
    status: 401,
    code: 'UNAUTHENTICATED',
    message: messageFor('UNAUTHENTICATED'),
    requestId: from?.requestId,
  });
}

let refreshInFlight: Promise<string> | null = null;

/** Exchanges the refresh token once, however many calls ask at the same time. Resolves to the new access token. */
function refreshAccessToken(): Promise<string> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      const tokens = getTokens();
      if (!tokens?.refreshToken) {
        clearTokens();
        throw unauthenticated();
      }
      const res = await sendJson({ method: 'POST', path: '/api/v1/auth/refresh', body: { refreshToken: tokens.refreshToken } }, null);
      if (res.statusCode >= 200 && res.statusCode < 300 && res.data && typeof res.data === 'object') {
        const pair = res.data as TokenPair;
        setTokens(pair);
        return pair.accessToken;
      }
      const failure = parseErrorResponse(res);
      if (failure.status >= 500) throw failure; // server trouble: keep the session, try later
      clearTokens();
      throw unauthenticated(failure);
    })().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

/**
 * Sends with the current access token; on a 401 refreshes once (shared with every other call
 * waiting) and replays once. A second 401 signs out. Used by JSON requests, uploads and downloads.
 */
async function withSession<R extends { statusCode: number }>(
  useAuth: boolean,
  send: (accessToken: string | null) => Promise<R>,
  errorOf: (res: R) => ApiError,
): Promise<R> {
  const token = useAuth ? getTokens()?.accessToken ?? null : null;
  let res = await send(token);
  if (res.statusCode === 401 && useAuth) {
    if (!token) throw unauthenticated(errorOf(res));
    const current = getTokens()?.accessToken ?? null;
    // Another call may have refreshed while this one was in flight: replay with the new token.
    const fresh = current && current !== token ? current : await refreshAccessToken();
    res = await send(fresh);
    if (res.statusCode === 401) {
      clearTokens();
      throw unauthenticated(errorOf(res));
    }
  }
  return res;
}

const ok = (status: number) => status >= 200 && status < 300;

export async function request<T>(opts: RequestOptions): Promise<T> {
  const res = await withSession(opts.auth !== false, (token) => sendJson(opts, token), parseErrorResponse);
  if (ok(res.statusCode)) return (res.statusCode === 204 ? undefined : res.data) as T;
  throw parseErrorResponse(res);
}

/**
 * A file to upload: on H5 the File from an <input type="file">; on weapp a temporary file path
 * (chooseMessageFile / chooseMedia) with the name to show.
 */
export type UploadSource = File | { path: string; name: string };

export interface UploadOptions {
  /** Path under the API, e.g. `/api/v1/files`. */
  path: string;
  query?: QueryParams;
  file: UploadSource;
  auth?: boolean;
}

const isBrowserFile = (f: UploadSource): f is File => typeof File !== 'undefined' && f instanceof File;

/**
 * POST multipart/form-data with one `file` part: weapp through Taro.uploadFile; H5 the File itself
 * with fetch (Taro's H5 uploadFile re-reads a blob: URL, which the API's Content-Security-Policy
 * refuses). Same session handling and error envelope as `request`.
 */
export async function upload<T>(opts: UploadOptions): Promise<T> {
  const url = apiUrl(opts.path, opts.query);
  const { file } = opts;
  const send = async (token: string | null): Promise<RawResponse> => {
    try {
      if (isBrowserFile(file)) {
        const body = new FormData();
        body.append('file', file, file.name);
        const res = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', ...authHeader(token) }, body });
        return { statusCode: res.status, data: parseJsonText(await res.text()) };
      }
      const res = await Taro.uploadFile({ url, filePath: file.path, name: 'file', fileName: file.name, header: { Accept: 'application/json', ...authHeader(token) } });
      return { statusCode: res.statusCode, data: parseJsonText(res.data) };
    } catch {
      throw networkError();
    }
  };
  const res = await withSession(opts.auth !== false, send, parseErrorResponse);
  if (ok(res.statusCode)) return res.data as T;
  throw parseErrorResponse(res);
}

/** A downloaded file: a temporary path on weapp, an object URL on H5 (revoke it when done). */
export interface DownloadedFile {
  filePath: string;
  /** H5 only: the bytes, as a Blob. */
  blob?: Blob;
}

export interface DownloadOptions {
  path: string;
  query?: QueryParams;
  auth?: boolean;
}

interface RawDownload {
  statusCode: number;
  filePath?: string;
  blob?: Blob;
  /** The body when it was an error (JSON envelope, read back as text). */
  errorBody?: unknown;
}

/** weapp: the body of a failed download is in the temporary file; read it back for the envelope. */
function readWeappErrorBody(filePath: string): unknown {
  try {
    const fs = Taro.getFileSystemManager();
    return parseJsonText(fs.readFileSync(filePath, 'utf8') as string);
  } catch {
    return null;
  }
}

/**
 * GET a file with the session: weapp through Taro.downloadFile (a temporary file path), H5 as a
 * Blob with fetch. Same refresh and error envelope as `request`.
 */
export async function download(opts: DownloadOptions): Promise<DownloadedFile> {
  const url = apiUrl(opts.path, opts.query);
  const send = async (token: string | null): Promise<RawDownload> => {
    if (process.env.TARO_ENV === 'h5') {
      let res: Response;
      try {
        res = await fetch(url, { headers: authHeader(token) });
      } catch {
        throw networkError();
      }
      if (!ok(res.status)) return { statusCode: res.status, errorBody: await res.json().catch(() => null) };
      const blob = await res.blob();
      return { statusCode: res.status, blob };
    }
    try {
      const res = await Taro.downloadFile({ url, header: authHeader(token) });
      if (!ok(res.statusCode)) return { statusCode: res.statusCode, errorBody: readWeappErrorBody(res.tempFilePath) };
      return { statusCode: res.statusCode, filePath: res.tempFilePath };
    } catch {
      throw networkError();
    }
  };
  const errorOf = (res: RawDownload) => parseErrorResponse({ statusCode: res.statusCode, data: res.errorBody });
  const res = await withSession(opts.auth !== false, send, errorOf);
  if (!ok(res.statusCode)) throw errorOf(res);
  if (res.blob) return { filePath: URL.createObjectURL(res.blob), blob: res.blob };
  return { filePath: res.filePath ?? '' };
}

/** Tests only. */
export function resetRequestStateForTests(): void {
  refreshInFlight = null;
}
