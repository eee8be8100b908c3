import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Who a person is (docs/security.md, "Identity"): a profile is what the person typed (a claim);
 * a verified identity is the proof, one per ID number.
 */
const opts = { versionKey: false } as const;

export type VerificationMethod = 'face' | 'inPerson' | 'demo';

/** Real-name profile, `_id` = userId. The ID number and phone are AES-256-GCM ciphertext. */
export interface ProfileDoc {
  _id: string;
  name: string;
  idNumberCipher: string;
  idNumberBlindIndex: string;
  idNumberMasked: string;
  phoneCipher: string;
  phoneMasked: string;
  birthDate: string;
  sex: 'male' | 'female';
  hukou: 'urban' | 'rural';
  regionCode: string;
  /** When the person last saved this claim. */
  savedAt: Date;
  /**
   * How the person behind the account was proven to be the person this profile names (实名核验).
   * Written only after the account won its `verified_identities` row, so set ⇒ proven. Absent or
   * null: the profile is only a claim and links the account to nothing.
   */
  verification?: { method: VerificationMethod; at: Date; by: string | null } | null;
}
const ProfileSchema = new Schema<ProfileDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    idNumberCipher: { type: String, required: true },
    idNumberBlindIndex: { type: String, required: true },
    idNumberMasked: { type: String, required: true },
    phoneCipher: { type: String, required: true },
    phoneMasked: { type: String, required: true },
    birthDate: { type: String, required: true },
    sex: { type: String, required: true },
    hukou: { type: String, required: true },
    regionCode: { type: String, required: true },
    savedAt: { type: Date, required: true },
    verification: { type: Schema.Types.Mixed, default: null },
  },
  { ...opts, collection: 'profiles', minimize: false },
);
/** The ledger matches a region's people by range on regionCode (core/scope/staffScope.ts#regionWithin). */
ProfileSchema.index({ regionCode: 1 });
/** Claims of one number, marked superseded when its holder verifies (rare: a scan on FerretDB is fine). */
ProfileSchema.index({ idNumberBlindIndex: 1 });

/**
 * One verified account per ID number: `_id` = the blind index, inserted at verification (insert
 * wins). Never inserted for a mere claim, so a claim can neither block nor reveal anyone.
 */
export interface VerifiedIdentityDoc {
  _id: string;
  userId: string;
  method: VerificationMethod;
  at: Date;
  /** The staff member who saw the document (in person); null otherwise. */
  by: string | null;
  evidence: { document: 'idCard' | 'householdRegister'; place: 'counter' | 'homeVisit'; note: string } | null;
}
const VerifiedIdentitySchema = new Schema<VerifiedIdentityDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    method: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, default: null },
    evidence: { type: Schema.Types.Mixed, default: null },
  },
  { ...opts, collection: 'verified_identities', minimize: false },
);

/**
 * A second account proved an ID number another account holds verified: refused and kept here
 * for staff of the refused account's claimed region. `_id` = `<blind index>:<userId>`, so a
 * person trying again adds an attempt, not a row.
 */
export interface IdentityConflictDoc {
  _id: string;
  blindIndex: string;
  userId: string;
  holderUserId: string;
  regionCode: string;
  method: VerificationMethod;
  by: string | null;
  firstAt: Date;
  lastAt: Date;
  attempts: number;
}
const IdentityConflictSchema = new Schema<IdentityConflictDoc>(
  {
    _id: { type: String, required: true },
    blindIndex: { type: String, required: true },
    userId: { type: String, required: true },
    holderUserId: { type: String, required: true },
    regionCode: { type: String, required: true },
    method: { type: String, required: true },
    by: { type: String, default: null },
    firstAt: { type: Date, required: true },
    lastAt: { type: Date, required: true },
    attempts: { type: Number, required: true },
  },
  { ...opts, collection: 'identity_conflicts' },
);
IdentityConflictSchema.index({ regionCode: 1, lastAt: -1 });

/**
 * The holder of an ID number verified it while this account claimed it: the account is told to
 * verify (`GET /me/identity`). `_id` = `<userId>:<blind index>` (insert wins; a separate row, so
 * marking never rewrites a profile the person may be saving at that moment).
 */
export interface SupersededClaimDoc { _id: string; userId: string; blindIndex: string; at: Date }
const SupersededClaimSchema = new Schema<SupersededClaimDoc>(
  { _id: { type: String, required: true }, userId: { type: String, required: true }, blindIndex: { type: String, required: true }, at: { type: Date, required: true } },
  { ...opts, collection: 'superseded_claims' },
);

/** One profile save (or verification) at a time per user (`_id` = userId): insert wins, removed when it ends. */
export interface ProfileSaveLockDoc { _id: string; at: Date }
const ProfileSaveLockSchema = new Schema<ProfileSaveLockDoc>(
  { _id: { type: String, required: true }, at: { type: Date, required: true } },
  { ...opts, collection: 'profile_save_locks' },
);

export interface IdentityModels {
  Profile: Model<ProfileDoc>;
  VerifiedIdentity: Model<VerifiedIdentityDoc>;
  IdentityConflict: Model<IdentityConflictDoc>;
  SupersededClaim: Model<SupersededClaimDoc>;
  ProfileSaveLock: Model<ProfileSaveLockDoc>;
}

export function registerIdentityModels(conn: Connection): IdentityModels {
  return {
    Profile: conn.model('Profile', ProfileSchema),
    VerifiedIdentity: conn.model('VerifiedIdentity', VerifiedIdentitySchema),
    IdentityConflict: conn.model('IdentityConflict', IdentityConflictSchema),
    SupersededClaim: conn.model('SupersededClaim', SupersededClaimSchema),
    ProfileSaveLock: conn.model('ProfileSaveLock', ProfileSaveLockSchema),
  };
}
