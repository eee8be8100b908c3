import { Type, type Static } from '@sinclair/typebox';
import { DonorKind, Hukou, IdNumberInput, IsoDateTime, RegionCode, Role, StaffLevel, StrictObject } from './common';
import { MOBILE_PHONE_PATTERN } from '../rules/phone';

/** What a person enters as their real name (实名信息): a claim until it is verified. */
export const ProfileInput = StrictObject({
  name: Type.String({ minLength: 2, maxLength: 30, pattern: '^[\\u3400-\\u9fff·•A-Za-z ]+$', description: '姓名' }),
  idNumber: IdNumberInput(),
  phone: Type.String({ pattern: MOBILE_PHONE_PATTERN, description: '手机号' }),
  hukou: Hukou,
  regionCode: RegionCode,
});
export type ProfileInput = Static<typeof ProfileInput>;

/** How a person was proven to be who their profile names (实名核验). */
export const VerificationMethod = Type.Union([Type.Literal('face'), Type.Literal('inPerson'), Type.Literal('demo')], {
  description: 'face: 微信人脸核身; inPerson: 工作人员当面核验证件; demo: 演示核验（仅开发环境的演示账号）',
});
export type VerificationMethod = Static<typeof VerificationMethod>;

export const VerificationView = Type.Object({ method: VerificationMethod, at: IsoDateTime });
export type VerificationView = Static<typeof VerificationView>;

/**
 * A profile as any response shows it: sensitive fields masked by the one helper in rules/masking.
 * What the person typed is a claim (`savedAt`); only `verification` says it was proven.
 */
export const ProfileView = Type.Object({
  name: Type.String(),
  idNumberMasked: Type.String({ description: '脱敏身份证号' }),
  phoneMasked: Type.String(),
  birthDate: Type.String(),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  hukou: Hukou,
  regionCode: RegionCode,
  savedAt: IsoDateTime,
  verification: Type.Optional(VerificationView),
});
export type ProfileView = Static<typeof ProfileView>;

/** `GET /me/identity`: where the account stands and what the person can do next. */
export const IdentityStatusView = Type.Object({
  verifier: Type.Union([Type.Literal('wechat'), Type.Literal('demo')], { description: 'wechat: 微信人脸核身; demo: 演示核验（开发环境）' }),
  status: Type.Union([Type.Literal('noProfile'), Type.Literal('unverified'), Type.Literal('verified')]),
  verification: Type.Optional(VerificationView),
  /** True when the verification is only a demo verification: the screen must say so. */
  demo: Type.Boolean(),
  /** The ID number this account claimed was verified by its holder on another account: verify to continue. */
  superseded: Type.Boolean(),
  message: Type.String({ description: '给本人看的说明与下一步' }),
});
export type IdentityStatusView = Static<typeof IdentityStatusView>;

/** The `verifyResult` that `wx.startFacialRecognitionVerify({ name, idCardNumber })` returned. */
export const FaceVerificationBody = StrictObject({ verifyResult: Type.String({ minLength: 1, maxLength: 1024 }) });
export type FaceVerificationBody = Static<typeof FaceVerificationBody>;

/** Staff saw the person's document in person (当面核验). */
export const InPersonVerificationBody = StrictObject({
  document: Type.Union([Type.Literal('idCard'), Type.Literal('householdRegister')], { description: 'idCard: 身份证; householdRegister: 户口簿' }),
  place: Type.Union([Type.Literal('counter'), Type.Literal('homeVisit')], { description: 'counter: 窗口; homeVisit: 入户' }),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
export type InPersonVerificationBody = Static<typeof InPersonVerificationBody>;

export const IdentityConflictQuery = StrictObject({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000, default: 0 })),
});
export type IdentityConflictQuery = Static<typeof IdentityConflictQuery>;

/** A second account that proved an ID number another account had already verified (refused; for staff to resolve). */
export const IdentityConflictView = Type.Object({
  id: Type.String(),
  firstAt: IsoDateTime,
  lastAt: IsoDateTime,
  attempts: Type.Integer(),
  method: VerificationMethod,
  account: Type.Object({ userId: Type.String(), name: Type.String(), idNumberMasked: Type.String(), regionCode: RegionCode }),
  holder: Type.Object({ userId: Type.String(), regionCode: Type.String(), method: VerificationMethod, verifiedAt: IsoDateTime }),
});
export type IdentityConflictView = Static<typeof IdentityConflictView>;

export const IdentityConflictList = Type.Object({ conflicts: Type.Array(IdentityConflictView), limit: Type.Integer(), offset: Type.Integer() });
export type IdentityConflictList = Static<typeof IdentityConflictList>;

export const StaffBinding = Type.Object({ level: StaffLevel, regionCode: RegionCode });
export type StaffBinding = Static<typeof StaffBinding>;

/** A grid worker's (网格员) village or community. */
export const GridWorkerBinding = Type.Object({ regionCode: RegionCode });
export type GridWorkerBinding = Static<typeof GridWorkerBinding>;

export const DonorInfo = Type.Object({ kind: DonorKind, displayName: Type.String() });
export type DonorInfo = Static<typeof DonorInfo>;

export const UserView = Type.Object({
  id: Type.String(),
  roles: Type.Array(Role),
  staff: Type.Optional(StaffBinding),
  gridWorker: Type.Optional(GridWorkerBinding),
  /** The charity organisation the account acts for (role charity): its id (统一社会信用代码) and region. */
  charity: Type.Optional(Type.Object({ organizationId: Type.String(), regionCode: RegionCode })),
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
