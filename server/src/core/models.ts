import { Schema, type Connection, type Model } from 'mongoose';
import { registerFileModel, registerFileRegionGrantModel, type FileDoc, type FileRegionGrantDoc } from './files/model';
import { registerIdentityModels, type IdentityModels } from './identity/model';

export type { FileDoc } from './files/model';
export type { ProfileDoc, VerifiedIdentityDoc, IdentityConflictDoc, SupersededClaimDoc, ProfileSaveLockDoc, VerificationMethod } from './identity/model';

/**
 * Every collection, with the indexes that carry its guarantees. Concurrency rests on unique
 * indexes (insert wins), and hot single-key reads are by `_id` because FerretDB uses an index only
 * for `_id` equality (docs/database.md). Unique fields are always present on every document.
 */
const opts = { versionKey: false, _id: false } as const;

export interface UserDoc {
  _id: string;
  roles: string[];
  staff?: { level: 'township' | 'county'; regionCode: string } | null;
  /** A grid worker's (网格员) village or community (role gridWorker). */
  gridWorker?: { regionCode: string } | null;
  /** The charity organisation the account acts for (role charity; `organizationId` = its 统一社会信用代码). */
  charity?: { organizationId: string; regionCode: string } | null;
  donor?: { kind: 'person' | 'company'; displayName: string } | null;
  createdAt: Date;
}
const UserSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    roles: { type: [String], required: true },
    staff: { type: new Schema({ level: String, regionCode: String }, opts), default: null },
    gridWorker: { type: new Schema({ regionCode: String }, opts), default: null },
    charity: { type: new Schema({ organizationId: String, regionCode: String }, opts), default: null },
    donor: { type: new Schema({ kind: String, displayName: String }, opts), default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'users' },
);
/** The admin lists people by role (core/identity/peopleRepository.ts). */
UserSchema.index({ roles: 1, createdAt: 1 });
/** Monitoring's assignee list: staff and grid workers inside a region (THE region range on each binding). */
UserSchema.index({ 'staff.regionCode': 1 });
UserSchema.index({ 'gridWorker.regionCode': 1 });

/** `_id` is "wechat:<openid>" or "dev:<openid>": sign-in is one `_id` read. */
export interface IdentityDoc { _id: string; userId: string; createdAt: Date }
const IdentitySchema = new Schema<IdentityDoc>(
  { _id: { type: String, required: true }, userId: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false, collection: 'identities' },
);
/** A user's identities (their WeChat openid for messages). */
IdentitySchema.index({ userId: 1 });

/** A sign-in session = one refresh-token family. Revoking it ends every token of the family. */
export interface SessionDoc { _id: string; userId: string; createdAt: Date; revokedAt: Date | null; revokedReason: string | null }
const SessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, default: null },
  },
  { versionKey: false, collection: 'sessions' },
);
/** Deactivating a person ends their live sessions (core/identity/peopleService.ts). */
SessionSchema.index({ userId: 1 });

/** Refresh tokens are stored only as SHA-256 hashes, under `_id`. */
export interface RefreshTokenDoc { _id: string; sessionId: string; userId: string; createdAt: Date; expiresAt: Date }
const RefreshTokenSchema = new Schema<RefreshTokenDoc>(
  {
    _id: { type: String, required: true },
    sessionId: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'refresh_tokens' },
);

/** A refresh token is spent by inserting its hash here: the insert wins, a second use is reuse. */
export interface RefreshSpendDoc { _id: string; sessionId: string; at: Date }
const RefreshSpendSchema = new Schema<RefreshSpendDoc>(
  { _id: { type: String, required: true }, sessionId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'refresh_spends' },
);

/** Profiles (claims), verified identities, identity conflicts and the save lock: core/identity/model.ts. */
/** Staff invitation, `_id` = SHA-256 of the code (the code itself is shown once). */
/** A charity invitation carries the organisation it makes the account act for. */
export interface InvitationOrganization { name: string; creditCode: string; registrationNo: string }
export interface InvitationDoc { _id: string; role?: 'staff' | 'gridWorker' | 'charity'; level: 'township' | 'county'; regionCode: string; organization?: InvitationOrganization | null; note: string; createdBy: string; createdAt: Date; expiresAt: Date }
const InvitationSchema = new Schema<InvitationDoc>(
  {
    _id: { type: String, required: true },
    role: { type: String, default: 'staff' },
    level: { type: String, required: true },
    regionCode: { type: String, required: true },
    organization: { type: new Schema({ name: String, creditCode: String, registrationNo: String }, opts), default: null },
    note: { type: String, default: '' },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'staff_invitations' },
);
/** The admin's list of invitations, newest first. */
InvitationSchema.index({ createdAt: -1 });

/** Redeeming inserts here under the invitation's `_id`: once only, whoever races. */
export interface RedemptionDoc { _id: string; userId: string; at: Date }
const RedemptionSchema = new Schema<RedemptionDoc>(
  { _id: { type: String, required: true }, userId: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false, collection: 'staff_invitation_redemptions' },
);

/** Append-only: no code path updates or deletes an audit entry. */
export interface AuditDoc {
  _id: string;
  at: Date;
  actorId: string;
  action: string;
  subjectId: string;
  requestId: string;
  details: Record<string, string | number | boolean>;
}
const AuditSchema = new Schema<AuditDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    subjectId: { type: String, default: '' },
    requestId: { type: String, required: true },
    details: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, collection: 'audit_entries', minimize: false },
);
AuditSchema.index({ subjectId: 1, at: -1 });
AuditSchema.index({ actorId: 1, at: -1 });

export interface Models extends IdentityModels {
  User: Model<UserDoc>;
  Identity: Model<IdentityDoc>;
  Session: Model<SessionDoc>;
  RefreshToken: Model<RefreshTokenDoc>;
  RefreshSpend: Model<RefreshSpendDoc>;
  Invitation: Model<InvitationDoc>;
  Redemption: Model<RedemptionDoc>;
  Audit: Model<AuditDoc>;
  File: Model<FileDoc>;
  FileRegionGrant: Model<FileRegionGrantDoc>;
}

export function registerModels(conn: Connection): Models {
  return {
    User: conn.model('User', UserSchema),
    Identity: conn.model('Identity', IdentitySchema),
    Session: conn.model('Session', SessionSchema),
    RefreshToken: conn.model('RefreshToken', RefreshTokenSchema),
    RefreshSpend: conn.model('RefreshSpend', RefreshSpendSchema),
    ...registerIdentityModels(conn),
    Invitation: conn.model('Invitation', InvitationSchema),
    Redemption: conn.model('Redemption', RedemptionSchema),
    Audit: conn.model('Audit', AuditSchema),
    File: registerFileModel(conn),
    FileRegionGrant: registerFileRegionGrantModel(conn),
  };
}

export { ensureIndexes } from './db/ensureIndexes';
