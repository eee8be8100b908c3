import { Type, type Static } from '@sinclair/typebox';
import { DonorKind, Hukou, IsoDateTime, RegionCode, Role, StaffLevel, StrictObject } from './common';
import { MOBILE_PHONE_PATTERN } from '../rules/phone';

/** What a person enters for real-name verification (实名信息). */
export const ProfileInput = StrictObject({
  name: Type.String({ minLength: 2, maxLength: 30, pattern: '^[\\u3400-\\u9fff·•A-Za-z ]+$', description: '姓名' }),
  idNumber: Type.String({ minLength: 18, maxLength: 18, description: '18位身份证号 (GB 11643)' }),
  phone: Type.String({ pattern: MOBILE_PHONE_PATTERN, description: '手机号' }),
  hukou: Hukou,
  regionCode: RegionCode,
});
export type ProfileInput = Static<typeof ProfileInput>;

/** A profile as any response shows it: sensitive fields masked by the one helper in rules/masking. */
export const ProfileView = Type.Object({
  name: Type.String(),
  idNumberMasked: Type.String({ description: '脱敏身份证号' }),
  phoneMasked: Type.String(),
  birthDate: Type.String(),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  hukou: Hukou,
  regionCode: RegionCode,
  verifiedAt: IsoDateTime,
});
export type ProfileView = Static<typeof ProfileView>;

export const StaffBinding = Type.Object({ level: StaffLevel, regionCode: RegionCode });
export type StaffBinding = Static<typeof StaffBinding>;

export const DonorInfo = Type.Object({ kind: DonorKind, displayName: Type.String() });
export type DonorInfo = Static<typeof DonorInfo>;

export const UserView = Type.Object({
  id: Type.String(),
  roles: Type.Array(Role),
  staff: Type.Optional(StaffBinding),
  donor: Type.Optional(DonorInfo),
  profile: Type.Optional(ProfileView),
  createdAt: IsoDateTime,
});
export type UserView = Static<typeof UserView>;

/** Becoming a donor (爱心人士 / 爱心企业): the display name is public unless anonymous. */
export const DonorInput = StrictObject({
  kind: DonorKind,
  displayName: Type.String({ minLength: 1, maxLength: 40, description: '公开显示的名称；匿名时显示“爱心人士”' }),
  anonymous: Type.Optional(Type.Boolean()),
});
export type DonorInput = Static<typeof DonorInput>;
