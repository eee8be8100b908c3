import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, RegionCode, StrictObject } from './common';

/**
 * The system administrator's desk (docs/architecture.md, "Roles and regions"): invitations listed
 * and revoked, people who hold a work role listed by role and region, and a role taken away.
 * Creating an invitation and redeeming a code are in schemas/staff.ts.
 */

/**
 * The work roles an invitation grants and an admin may take away. `staff` today; `gridWorker`
 * (issue 10) and `charity` (issue 12) join as their invitations land: one list, so the screens and
 * the routes extend by adding a literal.
 */
export const WorkRole = Type.Union([Type.Literal('staff'), Type.Literal('gridWorker'), Type.Literal('charity')]);
export type WorkRole = Static<typeof WorkRole>;

/** Who the people list may be filtered by: the work roles and the administrators themselves. */
export const ListedRole = Type.Union([Type.Literal('staff'), Type.Literal('gridWorker'), Type.Literal('charity'), Type.Literal('admin')]);
export type ListedRole = Static<typeof ListedRole>;

export const InvitationStatus = Type.Union([Type.Literal('open'), Type.Literal('redeemed'), Type.Literal('revoked'), Type.Literal('expired')]);
export type InvitationStatus = Static<typeof InvitationStatus>;

/** An invitation's id is the SHA-256 of its code (base64url): the code itself is shown once, at creation. */
export const InvitationIdParams = StrictObject({ invitationId: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: '邀请的编号（邀请码的 SHA-256，base64url）' }) });
export type InvitationIdParams = Static<typeof InvitationIdParams>;

export const InvitationListQuery = StrictObject({
  status: Type.Optional(InvitationStatus),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type InvitationListQuery = Static<typeof InvitationListQuery>;

export const InvitationSummary = Type.Object({
  id: Type.String(),
  role: WorkRole,
  level: Type.Optional(Type.String({ description: '工作人员的层级（township/county）' })),
  regionCode: RegionCode,
  regionName: Type.String({ description: '行政区划名称（GB/T 2260），未知时为代码' }),
  note: Type.String(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  status: InvitationStatus,
  /** When it was redeemed or revoked. */
  closedAt: Type.Optional(IsoDateTime),
});
export type InvitationSummary = Static<typeof InvitationSummary>;

export const InvitationList = Type.Object({ invitations: Type.Array(InvitationSummary) });
export type InvitationList = Static<typeof InvitationList>;

export const PeopleQuery = StrictObject({
  role: ListedRole,
  /** Only people whose work region lies inside this one (a region covers itself and everything under it). */
  regionCode: Type.Optional(RegionCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
});
export type PeopleQuery = Static<typeof PeopleQuery>;

/** A person holding a work role, as the admin sees them: the name masked, no ID number or phone. */
export const PersonSummary = Type.Object({
  id: Type.String(),
  roles: Type.Array(Type.String()),
  nameMasked: Type.Optional(Type.String()),
  level: Type.Optional(Type.String()),
  regionCode: Type.Optional(RegionCode),
  regionName: Type.Optional(Type.String()),
  createdAt: IsoDateTime,
});
export type PersonSummary = Static<typeof PersonSummary>;

export const PeopleList = Type.Object({ people: Type.Array(PersonSummary) });
export type PeopleList = Static<typeof PeopleList>;

export const DeactivateBody = StrictObject({
  role: WorkRole,
  reason: Type.String({ minLength: 2, maxLength: 200, description: '停用原因（留痕）' }),
});
export type DeactivateBody = Static<typeof DeactivateBody>;

export const DeactivationView = Type.Object({
  person: PersonSummary,
  /** How many of the person's sign-in sessions this request ended (0 when the role was already gone). */
  sessionsEnded: Type.Integer({ minimum: 0 }),
});
export type DeactivationView = Static<typeof DeactivationView>;
