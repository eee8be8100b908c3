import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, RegionCode, StaffLevel, StrictObject } from './common';
import { ProfileView } from './user';
import { CharityOrganizationInput } from './charity';

/** Who an invitation makes: staff (the default; `level` required) or a grid worker (网格员; `level` not used). */
export const InvitationRole = Type.Union([Type.Literal('staff'), Type.Literal('gridWorker'), Type.Literal('charity')]);
export type InvitationRole = Static<typeof InvitationRole>;

/** A staff member: a level and the region they serve (the original body; `role` may be left out). */
export const StaffInvitationBody = StrictObject({
  role: Type.Optional(Type.Literal('staff')),
  level: StaffLevel,
  regionCode: RegionCode,
  note: Type.Optional(Type.String({ maxLength: 100 })),
});
/** A grid worker (网格员) works in one township/street or village/community: a 9- or 12-digit code, no level. */
export const GridWorkerInvitationBody = StrictObject({
  role: Type.Literal('gridWorker'),
  regionCode: Type.String({ pattern: '^[0-9]{9}([0-9]{3})?$', description: '乡镇（街道）或村（社区）的9位或12位行政区划代码' }),
  note: Type.Optional(Type.String({ maxLength: 100 })),
});
/**
 * A charity organisation (慈善总会 of a city or county): the account acts for the organisation the
 * invitation names; redeeming creates it (or links the account to it: same 统一社会信用代码).
 */
export const CharityInvitationBody = StrictObject({
  role: Type.Literal('charity'),
  regionCode: Type.String({ pattern: '^[0-9]{6}([0-9]{3})?$', description: '机构所在的市、县或乡镇（街道）6位或9位行政区划代码：项目地区须在其内' }),
  organization: CharityOrganizationInput,
  note: Type.Optional(Type.String({ maxLength: 100 })),
});
/** Which body is which is in the schema, so a request the schema accepts is one the server can carry out. */
export const CreateInvitationBody = Type.Union([StaffInvitationBody, GridWorkerInvitationBody, CharityInvitationBody]);
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

export const InvitationView = Type.Object({
  code: Type.String({ description: '一次性邀请码' }),
  role: Type.Optional(InvitationRole),
  level: StaffLevel,
  regionCode: RegionCode,
  expiresAt: IsoDateTime,
});
export type InvitationView = Static<typeof InvitationView>;

export const RedeemInvitationBody = StrictObject({
  code: Type.String({ minLength: 8, maxLength: 64 }),
});
export type RedeemInvitationBody = Static<typeof RedeemInvitationBody>;

export const PersonIdParams = StrictObject({ userId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
export type PersonIdParams = Static<typeof PersonIdParams>;

/** What staff of the person's region see: masked, and every read is audited. */
export const StaffPersonView = Type.Object({
  id: Type.String(),
  profile: ProfileView,
});
export type StaffPersonView = Static<typeof StaffPersonView>;

export const AuditEntryView = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  actorId: Type.String(),
  action: Type.String(),
  subjectId: Type.Optional(Type.String()),
  requestId: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AuditQuery = StrictObject({
  subjectId: Type.Optional(Type.String({ maxLength: 64 })),
  actorId: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditList = Type.Object({ entries: Type.Array(AuditEntryView) });
