import type { ProfileInput, UserView } from '@dajiuzhu/shared';
import { request } from './request';

export function getMe(): Promise<UserView> {
  return request<UserView>({ path: '/api/v1/me' });
}

export function saveProfile(input: ProfileInput): Promise<UserView> {
  return request<UserView>({ method: 'PUT', path: '/api/v1/me/profile', body: input });
}
