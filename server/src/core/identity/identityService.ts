import type { IdentityConflictQuery, IdentityStatusView, InPersonVerificationBody, StaffPersonView } from '@dajiuzhu/shared';
import type { FaceVerificationClient } from '../adapters/wechat/faceVerification';
import type { PiiCipher } from '../crypto/pii';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';
import type { ProfileDoc } from '../models';
import type { ProfileRepository } from './profileRepository';
import type { UserRepository } from './userRepository';
import type { VerifiedIdentityRepository } from './verifiedIdentityRepository';
import { verificationService } from './verificationService';
import { verifiers, type Verifier } from './verifiers';
import { conflictService } from './conflictService';
import { identityMessage } from './identityMessages';
import { toProfileView } from './profileService';
import { verifiedLinkCache } from './verifiedLinkCache';

/**
 * Who an account provably is (docs/security.md, "Identity"). A profile's ID number is only a claim
 * until it is verified (WeChat face verification, or staff who saw the ID card; the demo verifier
 * in development); only a verified identity links an account to records about that person —
 * applications filed for them, entitlements, disbursements, the 幸福清单, wishes posted for them.
 * Every domain asks here.
 */
export function identityService(deps: {
  profiles: ProfileRepository;
  verified: VerifiedIdentityRepository;
  users: UserRepository;
  pii: PiiCipher;
  audit: AuditService;
  face: FaceVerificationClient;
  verifier: Verifier;
  acceptDevIdentities: boolean;
  /** How long a verified link (account → blind index) is remembered; 0: read every time. */
  linkCacheMs?: number;
}) {
  const verification = verificationService(deps);
  const links = verifiedLinkCache(deps.linkCacheMs ?? 0);
  const verify = verifiers({ ...deps, verification });
  const conflicts = conflictService(deps);

  async function statusOf(profile: ProfileDoc | null): Promise<IdentityStatusView> {
    const status = !profile ? 'noProfile' : profile.verification ? 'verified' : 'unverified';
    const method = profile?.verification?.method;
    const superseded = status === 'unverified' && (await deps.verified.isSuperseded(profile!._id, profile!.idNumberBlindIndex));
    return {
      verifier: deps.verifier,
      status,
      ...(profile?.verification ? { verification: { method: profile.verification.method, at: profile.verification.at.toISOString() } } : {}),
      demo: method === 'demo',
      superseded,
      message: identityMessage(deps.verifier, status, { method, superseded }),
    };
  }

  return {
    /** Which verifier this server uses ('wechat' in production; 'demo' in development). */
    verifier: deps.verifier,

    /** The blind index of the account's verified ID number, or null while it is unverified. */
    async verifiedBlindIndexOf(userId: string): Promise<string | null> {
      const known = links.get(userId);
      if (known) return known;
      const p = await deps.profiles.findById(userId);
      if (!p?.verification) return null;
      links.set(userId, p.idNumberBlindIndex);
      return p.idNumberBlindIndex;
    },
    async isVerified(userId: string): Promise<boolean> {
      return !!(await deps.profiles.findById(userId))?.verification;
    },
    /** blind index → the account that verified that ID number (claims are never in it). */
    verifiedUserIdsByBlindIndex: deps.verified.verifiedOwners,

    status: async (userId: string) => statusOf(await deps.profiles.findById(userId)),
    verifyByFace: async (ctx: ActionContext, verifyResult: string) => statusOf(await verify.face(ctx, verifyResult)),
    verifyDemo: async (ctx: ActionContext) => statusOf(await verify.demo(ctx)),
    async verifyInPerson(ctx: ActionContext, userId: string, body: InPersonVerificationBody): Promise<StaffPersonView> {
      return { id: userId, profile: toProfileView(await verify.inPerson(ctx, userId, body)) };
    },
    conflicts: (ctx: ActionContext, query: IdentityConflictQuery) => conflicts.list(ctx, query),
  };
}
export type IdentityService = ReturnType<typeof identityService>;
