/**
 * The one request layer: base URL from the build constant, JSON, Bearer access token, and on a
 * 401 a single-flight refresh (concurrent requests wait for the same refresh and are replayed
 * once). Every failure is thrown as an ApiError parsed from the API's error envelope.
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

export interface RequestOptions {
  method?: HttpMethod;
  /** Path under the API, e.g. `/api/v1/me`. */
  path: string;
  body?: unknown;
  /** Attach the access token and refresh on 401 (default true). */
  auth?: boolean;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

function baseUrl(): string {
  return typeof API_BASE_URL === 'string' ? API_BASE_URL : '';
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

async function send(opts: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) header['Content-Type'] = 'application/json';
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const res = await Taro.request({
      url: baseUrl() + opts.path,
      method: opts.method ?? 'GET',
      data: opts.body === undefined ? undefined : (opts.body as any),
      header,
      dataType: 'json',
    });
    return { statusCode: res.statusCode, data: res.data, header: res.header as Record<string, string> };
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
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

/** Exchanges the refresh token once, however many requests ask at the same time. Resolves to the new access token. */
function refreshAccessToken(): Promise<string> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      const tokens = getTokens();
      if (!tokens?.refreshToken) {
        clearTokens();
        throw unauthenticated();
      }
      const res = await send({ method: 'POST', path: '/api/v1/auth/refresh', body: { refreshToken: tokens.refreshToken } }, null);
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

export async function request<T>(opts: RequestOptions): Promise<T> {
  const useAuth = opts.auth !== false;
  const token = useAuth ? getTokens()?.accessToken ?? null : null;
  let res = await send(opts, token);

  if (res.statusCode === 401 && useAuth) {
    if (!token) throw unauthenticated(parseErrorResponse(res));
    const current = getTokens()?.accessToken ?? null;
    // Another request may have refreshed while this one was in flight: replay with the new token.
    const fresh = current && current !== token ? current : await refreshAccessToken();
    res = await send(opts, fresh);
    if (res.statusCode === 401) {
      clearTokens();
      throw unauthenticated(parseErrorResponse(res));
    }
  }

  if (res.statusCode >= 200 && res.statusCode < 300) {
    return (res.statusCode === 204 ? undefined : res.data) as T;
  }
  throw parseErrorResponse(res);
}

/** Tests only. */
export function resetRequestStateForTests(): void {
  refreshInFlight = null;
}
