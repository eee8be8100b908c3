import {
  findIdNumberProblem,
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberFacts,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  shanghaiDate,
  type ProfileInput,
  type ProfileView,
} from '@dajiuzhu/shared';
import type { ProfileDoc } from '../models';
import type { ProfileRepository } from './profileRepository';
import type { VerifiedIdentityRepository } from './verifiedIdentityRepository';
import type { PiiCipher } from '../crypto/pii';
import { AppError } from '../errors/AppError';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';

export function toProfileView(p: ProfileDoc): ProfileView {
  // Profiles saved before claims and verification were told apart carry the save time as `verifiedAt`.
  const savedAt = p.savedAt ?? (p as { verifiedAt?: Date }).verifiedAt ?? new Date(0);
  return {
    name: p.name,
    idNumberMasked: p.idNumberMasked,
    phoneMasked: p.phoneMasked,
    birthDate: p.birthDate,
    sex: p.sex,
    hukou: p.hukou,
    regionCode: p.regionCode,
    savedAt: savedAt.toISOString(),
    ...(p.verification ? { verification: { method: p.verification.method, at: p.verification.at.toISOString() } } : {}),
  };
}

/**
 * The real-name profile is the person's claim (docs/security.md, "Identity"). Saving it links the
 * account to nobody and checks nothing against other accounts: whether the number is claimed or
 * verified elsewhere changes neither the answer nor the work done (no oracle). Only verification
 * (identityService) makes it proof; after that, name and number change only at a counter.
 */
export function profileService(deps: { profiles: ProfileRepository; verified: VerifiedIdentityRepository; pii: PiiCipher; audit: AuditService }) {
  async function saveLocked(ctx: ActionContext, input: ProfileInput, idNumber: string): Promise<ProfileDoc> {
    const userId = ctx.actor._id;
    const blindIndex = deps.pii.blindIndex(idNumber);
    const name = input.name.trim();
    const previous = await deps.profiles.findById(userId);
    let verification = previous?.verification ?? null;
    if (previous) {
      const changed = previous.name !== name || previous.idNumberBlindIndex !== blindIndex;
      // Either record of a verification locks name and number: the account's own row (the profile
      // copy may lag if a verification was cut short) or the profile's copy (the row may be missing).
      if (changed && previous.verification) throw new AppError('IDENTITY_LOCKED');
      const held = await deps.verified.findById(previous.idNumberBlindIndex);
      if (held?.userId === userId) {
        if (changed) throw new AppError('IDENTITY_LOCKED');
        verification ??= { method: held.method, at: held.at, by: held.by };
      }
    }

    const facts = idNumberFacts(idNumber);
    const doc: ProfileDoc = {
      _id: userId,
      name,
      idNumberCipher: deps.pii.encrypt(idNumber),
      idNumberBlindIndex: blindIndex,
      idNumberMasked: maskIdNumber(idNumber),
      phoneCipher: deps.pii.encrypt(input.phone),
      phoneMasked: maskPhone(input.phone),
      birthDate: facts.birthDate,
      sex: facts.sex,
      hukou: input.hukou,
      regionCode: input.regionCode,
      savedAt: new Date(),
      verification,
    };
    await deps.profiles.save(doc);
    await deps.audit.record({ actorId: userId, action: 'profile.update', subjectId: userId, requestId: ctx.requestId, details: { changedIdNumber: previous?.idNumberBlindIndex !== blindIndex, verified: !!verification } });
    return doc;
  }

  return {
    /** Saves the claim: validated (check digit, real birth date), encrypted, one save at a time per person. */
    async save(ctx: ActionContext, input: ProfileInput): Promise<ProfileDoc> {
      const idNumber = normalizeIdNumber(input.idNumber);
      const problem = findIdNumberProblem(idNumber, shanghaiDate());
      if (problem) {
        throw new AppError('INVALID_ID_NUMBER', { message: ID_NUMBER_PROBLEM_MESSAGES[problem], details: { fields: [{ path: '/idNumber', rule: problem }] } });
      }
      const userId = ctx.actor._id;
      // Two saves at once (or a save during a verification) would each decide from a stale profile; one at a time.
      if (!(await deps.profiles.lockSave(userId))) throw new AppError('CONFLICT', { message: '正在保存您的实名信息，请稍后再试' });
      try {
        return await saveLocked(ctx, input, idNumber);
      } finally {
        await deps.profiles.unlockSave(userId);
      }
    },

    findById: deps.profiles.findById,
    /** Verified people inside a region, streamed (the ledger matches imported rows and names statements with them). */
    streamInRegion: deps.profiles.streamInRegion,
  };
}
export type ProfileService = ReturnType<typeof profileService>;
