import type { ProfileRepository } from './profileRepository';

/**
 * Who an account provably is (docs/security.md, "Identity"). A profile's ID number is only a claim
 * until it is verified (WeChat face verification, or staff who saw the ID card); only a verified
 * identity links an account to records about that person — applications filed for them,
 * entitlements, disbursements, the 幸福清单, wishes posted for them. Every domain asks here.
 */
export function identityService(deps: { profiles: ProfileRepository }) {
  return {
    /** The blind index of the account's verified ID number, or null while it is unverified. */
    async verifiedBlindIndexOf(userId: string): Promise<string | null> {
      const p = await deps.profiles.findById(userId);
      return p?.verification ? p.idNumberBlindIndex : null;
    },
    async isVerified(userId: string): Promise<boolean> {
      return !!(await deps.profiles.findById(userId))?.verification;
    },
  };
}
export type IdentityService = ReturnType<typeof identityService>;
