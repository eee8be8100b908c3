import type { ProfileDoc, VerificationMethod, VerifiedIdentityDoc } from '../models';
import type { ProfileRepository } from './profileRepository';
import type { VerifiedIdentityRepository } from './verifiedIdentityRepository';
import { AppError } from '../errors/AppError';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';

/** What proves a claim: one of the verifiers (face, demo, in person) supplies it. */
export interface Proof {
  method: VerificationMethod;
  /** The staff member who saw the document; null otherwise. */
  by: string | null;
  evidence: VerifiedIdentityDoc['evidence'];
  /**
   * Checks the claim against the proof (WeChat's answer, the demo list, the staff's region) and
   * throws to refuse. Runs under the person's save lock: the claim cannot change meanwhile.
   */
  confirm(profile: ProfileDoc): Promise<void>;
}

/**
 * Turns a claim into a verified identity, whoever proved it. The account wins the ID number by
 * inserting its row (`_id` = blind index, insert wins) and only then is its profile marked
 * verified; so a marked profile always holds its row. Unverified claims of the same number on
 * other accounts are superseded (they are told to verify); a second account proving a number
 * already verified is refused, audited and listed for staff.
 */
export function verificationService(deps: { profiles: ProfileRepository; verified: VerifiedIdentityRepository; audit: AuditService }) {
  async function refuse(ctx: ActionContext, profile: ProfileDoc, proof: Proof, holder: VerifiedIdentityDoc): Promise<never> {
    const now = new Date();
    await deps.verified.recordConflict({
      _id: `${profile.idNumberBlindIndex}:${profile._id}`,
      blindIndex: profile.idNumberBlindIndex,
      userId: profile._id,
      holderUserId: holder.userId,
      regionCode: profile.regionCode,
      method: proof.method,
      by: proof.by,
      firstAt: now,
      lastAt: now,
      attempts: 1,
    });
    await deps.audit.record({ actorId: ctx.actor._id, action: 'identity.conflict', subjectId: profile._id, requestId: ctx.requestId, details: { method: proof.method, holderUserId: holder.userId } });
    // The person learns only where to go; the holder stays unnamed.
    throw new AppError('IDENTITY_CONFLICT');
  }

  /** The row this account holds for its number: newly won, or left by a verification of its own that was cut short. */
  async function win(ctx: ActionContext, profile: ProfileDoc, proof: Proof): Promise<VerifiedIdentityDoc> {
    const row: VerifiedIdentityDoc = { _id: profile.idNumberBlindIndex, userId: profile._id, method: proof.method, at: new Date(), by: proof.by, evidence: proof.evidence };
    if (await deps.verified.insert(row)) return row;
    const holder = await deps.verified.findById(row._id);
    if (!holder) throw new Error('verified identity row lost its insert but cannot be read');
    return holder.userId === profile._id ? holder : refuse(ctx, profile, proof, holder);
  }

  return {
    async verify(ctx: ActionContext, userId: string, proof: Proof): Promise<ProfileDoc> {
      if (!(await deps.profiles.lockSave(userId))) throw new AppError('CONFLICT', { message: '正在保存实名信息，请稍后再试' });
      try {
        const profile = await deps.profiles.findById(userId);
        if (!profile) throw new AppError('IDENTITY_PROFILE_REQUIRED');
        if (profile.verification) return profile;
        await proof.confirm(profile);
        const row = await win(ctx, profile, proof);
        const verification = { method: row.method, at: row.at, by: row.by };
        await deps.profiles.setVerification(userId, verification);

        const superseded = await deps.profiles.unverifiedClaimantsOf(row._id, userId);
        await deps.verified.supersede(row._id, superseded);
        const details: Record<string, string | number> = { method: row.method, supersededClaims: superseded.length };
        if (row.by) details.by = row.by;
        if (row.evidence) Object.assign(details, { document: row.evidence.document, place: row.evidence.place });
        await deps.audit.record({ actorId: ctx.actor._id, action: 'identity.verify', subjectId: userId, requestId: ctx.requestId, details });
        for (const other of superseded) {
          await deps.audit.record({ actorId: ctx.actor._id, action: 'identity.claimSuperseded', subjectId: other, requestId: ctx.requestId, details: { verifiedUserId: userId } });
        }
        return { ...profile, verification };
      } finally {
        await deps.profiles.unlockSave(userId);
      }
    },
  };
}
export type VerificationService = ReturnType<typeof verificationService>;
