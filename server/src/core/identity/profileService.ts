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
import type { PiiCipher } from '../crypto/pii';
import { AppError } from '../errors/AppError';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';

export function toProfileView(p: ProfileDoc): ProfileView {
  return {
    name: p.name,
    idNumberMasked: p.idNumberMasked,
    phoneMasked: p.phoneMasked,
    birthDate: p.birthDate,
    sex: p.sex,
    hukou: p.hukou,
    regionCode: p.regionCode,
    verifiedAt: p.verifiedAt.toISOString(),
  };
}

export function profileService(deps: { profiles: ProfileRepository; pii: PiiCipher; audit: AuditService }) {
  async function saveLocked(ctx: ActionContext, input: ProfileInput, idNumber: string): Promise<ProfileDoc> {
    const userId = ctx.actor._id;
    const blindIndex = deps.pii.blindIndex(idNumber);
    const previous = await deps.profiles.findById(userId);
    const owner = await deps.profiles.claimIdNumber(blindIndex, userId);
    if (owner !== userId) throw new AppError('ID_NUMBER_TAKEN');

    const facts = idNumberFacts(idNumber);
    const doc: ProfileDoc = {
      _id: userId,
      name: input.name.trim(),
      idNumberCipher: deps.pii.encrypt(idNumber),
      idNumberBlindIndex: blindIndex,
      idNumberMasked: maskIdNumber(idNumber),
      phoneCipher: deps.pii.encrypt(input.phone),
      phoneMasked: maskPhone(input.phone),
      birthDate: facts.birthDate,
      sex: facts.sex,
      hukou: input.hukou,
      regionCode: input.regionCode,
      verifiedAt: new Date(),
    };
    try {
      await deps.profiles.save(doc);
    } catch (err) {
      if (previous?.idNumberBlindIndex !== blindIndex) await deps.profiles.releaseIdNumber(blindIndex, userId);
      throw err;
    }
    if (previous && previous.idNumberBlindIndex !== blindIndex) await deps.profiles.releaseIdNumber(previous.idNumberBlindIndex, userId);
    await deps.audit.record({ actorId: userId, action: 'profile.update', subjectId: userId, requestId: ctx.requestId, details: { changedIdNumber: previous?.idNumberBlindIndex !== blindIndex } });
    return doc;
  }

  return {
    /**
     * Saves the real-name profile. The ID number is claimed first by its blind index (insert
     * wins), so two accounts can never hold the same number; a claim that could not be followed
     * by a saved profile is released again.
     */
    async save(ctx: ActionContext, input: ProfileInput): Promise<ProfileDoc> {
      const idNumber = normalizeIdNumber(input.idNumber);
      const problem = findIdNumberProblem(idNumber, shanghaiDate());
      if (problem) {
        throw new AppError('INVALID_ID_NUMBER', { message: ID_NUMBER_PROBLEM_MESSAGES[problem], details: { fields: [{ path: '/idNumber', rule: problem }] } });
      }
      const userId = ctx.actor._id;
      // Two saves of one person's profile at once could each claim a different number; one at a time.
      if (!(await deps.profiles.lockSave(userId))) throw new AppError('CONFLICT', { message: '正在保存您的实名信息，请稍后再试' });
      try {
        return await saveLocked(ctx, input, idNumber);
      } finally {
        await deps.profiles.unlockSave(userId);
      }
    },

    findById: deps.profiles.findById,
    /** Profiles inside a region, streamed (the ledger matches imported rows and names statements with them). */
    streamInRegion: deps.profiles.streamInRegion,
    /** blind index → userId of the account holding that ID number. */
    userIdsByBlindIndex: deps.profiles.userIdsByBlindIndex,
  };
}
export type ProfileService = ReturnType<typeof profileService>;
