import { DEMO_ACCOUNTS, type InPersonVerificationBody } from '@dajiuzhu/shared';
import type { ProfileDoc } from '../models';
import type { FaceVerificationClient } from '../adapters/wechat/faceVerification';
import type { PiiCipher } from '../crypto/pii';
import { AppError } from '../errors/AppError';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';
import { requireStaffCovering } from '../scope/staffScope';
import type { ProfileRepository } from './profileRepository';
import type { UserRepository } from './userRepository';
import type { VerificationService } from './verificationService';
import { faceCheckProblem } from './faceCheck';

export type Verifier = 'wechat' | 'demo';

const DEMO_OPENIDS = new Set(DEMO_ACCOUNTS.map((a) => a.openid));

/** The three ways a claim becomes proof: WeChat's face check, the demo verifier (development), staff in person. */
export function verifiers(deps: {
  verification: VerificationService;
  profiles: ProfileRepository;
  users: UserRepository;
  pii: PiiCipher;
  audit: AuditService;
  face: FaceVerificationClient;
  verifier: Verifier;
  /** A development sign-in ("dev:<openid>") counts as that WeChat openid; only where development sign-in exists. */
  acceptDevIdentities: boolean;
}) {
  async function openidsOf(userId: string): Promise<string[]> {
    const prefixes = deps.acceptDevIdentities ? ['wechat:', 'dev:'] : ['wechat:'];
    return (await deps.users.identityIdsOf(userId)).flatMap((id) => prefixes.filter((p) => id.startsWith(p)).map((p) => id.slice(p.length)));
  }

  return {
    /** `wx.startFacialRecognitionVerify` gave the phone a verifyResult; WeChat's own answer for it decides. */
    async face(ctx: ActionContext, verifyResult: string): Promise<ProfileDoc> {
      if (deps.verifier !== 'wechat') throw new AppError('ROUTE_NOT_FOUND');
      const userId = ctx.actor._id;
      const openids = await openidsOf(userId);
      return deps.verification.verify(ctx, userId, {
        method: 'face',
        by: null,
        evidence: null,
        confirm: async (profile) => {
          try {
            const answer = await deps.face.check(verifyResult);
            const problem = faceCheckProblem(answer, { openids, idNumber: deps.pii.decrypt(profile.idNumberCipher), name: profile.name });
            if (problem) throw new AppError(problem);
          } catch (err) {
            if (err instanceof AppError && err.code !== 'WECHAT_UNAVAILABLE') {
              await deps.audit.record({ actorId: userId, action: 'identity.faceRefused', subjectId: userId, requestId: ctx.requestId, details: { code: err.code } });
            }
            throw err;
          }
        },
      });
    },

    /** Development only (configuration refuses the demo verifier in production), and only the demo accounts. */
    async demo(ctx: ActionContext): Promise<ProfileDoc> {
      if (deps.verifier !== 'demo') throw new AppError('ROUTE_NOT_FOUND');
      const userId = ctx.actor._id;
      const identities = await deps.users.identityIdsOf(userId);
      if (!identities.some((id) => id.startsWith('dev:') && DEMO_OPENIDS.has(id.slice('dev:'.length)))) throw new AppError('DEMO_VERIFICATION_NOT_ALLOWED');
      return deps.verification.verify(ctx, userId, { method: 'demo', by: null, evidence: null, confirm: async () => {} });
    },

    /** Staff saw the person's ID card or household register, at the counter or on a home visit. */
    async inPerson(ctx: ActionContext, userId: string, body: InPersonVerificationBody): Promise<ProfileDoc> {
      // Nobody verifies themselves: an officer's own identity is proven by a colleague or by WeChat.
      if (userId === ctx.actor._id) throw new AppError('FORBIDDEN', { message: '不能为自己核验身份，请由其他工作人员核验或使用微信人脸核验' });
      requireStaffCovering(ctx.actor, (await deps.profiles.findById(userId))?.regionCode);
      return deps.verification.verify(ctx, userId, {
        method: 'inPerson',
        by: ctx.actor._id,
        evidence: { document: body.document, place: body.place, note: body.note?.trim() ?? '' },
        // The claim may have moved region since the read above; the check is repeated under the lock.
        confirm: async (profile) => { requireStaffCovering(ctx.actor, profile.regionCode); },
      });
    },
  };
}
