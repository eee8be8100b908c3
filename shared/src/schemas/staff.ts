import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, RegionCode, StaffLevel, StrictObject } from './common';
import { ProfileView } from './user';

export const CreateInvitationBody = StrictObject({
  level: StaffLevel,
  regionCode: RegionCode,
  note: Type.Optional(Type.String({ maxLength: 100 })),
});
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

export const InvitationView = Type.Object({
  code: Type.String({ description: '一次性邀请码' }),
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
