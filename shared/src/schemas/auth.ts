import { Type, type Static } from '@sinclair/typebox';
import { RegionCode, Role, StaffLevel, StrictObject, DonorKind } from './common';
import { UserView } from './user';

export const WechatSignInBody = StrictObject({
  code: Type.String({ minLength: 1, maxLength: 128, description: 'Taro.login() 返回的 code' }),
});
export type WechatSignInBody = Static<typeof WechatSignInBody>;

export const DevSignInBody = StrictObject({
  openid: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  role: Type.Optional(Role),
  regionCode: Type.Optional(RegionCode),
  level: Type.Optional(StaffLevel),
  donorKind: Type.Optional(DonorKind),
});
export type DevSignInBody = Static<typeof DevSignInBody>;

export const RefreshBody = StrictObject({
  refreshToken: Type.String({ minLength: 20, maxLength: 200 }),
});
export type RefreshBody = Static<typeof RefreshBody>;

export const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer(),
});
export type TokenPair = Static<typeof TokenPair>;

export const SignInResponse = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.String(),
  expiresIn: Type.Integer(),
  user: UserView,
});
export type SignInResponse = Static<typeof SignInResponse>;

export const AuthOptions = Type.Object({
  devSignIn: Type.Boolean({ description: '是否开启开发/演示登录' }),
});
export type AuthOptions = Static<typeof AuthOptions>;
