import type { DonorInput, ProfileInput, UserView } from '@dajiuzhu/shared';
import { request } from './request';

export function getMe(): Promise<UserView> {
  return request<UserView>({ path: '/api/v1/me' });
}

export function saveProfile(input: ProfileInput): Promise<UserView> {
  return request<UserView>({ method: 'PUT', path: '/api/v1/me/profile', body: input });
}

/** 成为爱心人士: a name shown on claims and certificates (or anonymous: 爱心人士 / 爱心企业). */
export function becomeDonor(input: DonorInput): Promise<UserView> {
  return request<UserView>({ method: 'PUT', path: '/api/v1/me/donor', body: input });
}
