import type { AuthOptions, DevSignInBody, SignInResponse, WechatSignInBody } from '@dajiuzhu/shared';
import { request } from './request';

export function getAuthOptions(): Promise<AuthOptions> {
  return request<AuthOptions>({ path: '/api/v1/auth/options', auth: false });
}

export function signInWithWechat(body: WechatSignInBody): Promise<SignInResponse> {
  return request<SignInResponse>({ method: 'POST', path: '/api/v1/auth/wechat', body, auth: false });
}

export function signInDev(body: DevSignInBody): Promise<SignInResponse> {
  return request<SignInResponse>({ method: 'POST', path: '/api/v1/auth/dev', body, auth: false });
}

/** Revokes this session's tokens on the server (204). */
export function logout(): Promise<void> {
  return request<void>({ method: 'POST', path: '/api/v1/auth/logout' });
}
