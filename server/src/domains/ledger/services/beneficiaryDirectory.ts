import { maskName } from '@dajiuzhu/shared';
import type { EntitlementReader } from '../../applications/api';
import type { ProfileInRegion } from '../../../core/identity/profileRepository';

/** A beneficiary as the ledger knows them: keyed by the blind index of the ID number. `name` in full (an import compares it with the row's). */
export interface BeneficiaryInfo { regionCode: string; name: string; nameMasked: string; userId: string | null }

/**
 * Where the ledger learns who lives in a region: the applications domain's entitlements and the
 * core's VERIFIED people (`services.profiles.streamInRegion` yields only verified identities). A
 * profile that is only a claim is never a source: typing someone's ID number must not make the
 * ledger book their money under the claimant's region, or name their statement after the claimant.
 */
export interface BeneficiarySources {
  entitlements: EntitlementReader;
  profiles: { streamInRegion(scope: string): AsyncIterable<ProfileInRegion> };
}

/**
 * Who the ledger can match in a region: people an approved entitlement names (they may have no
 * account yet; staff established who they are while deciding the application), then verified
 * people (their verified profile wins: it is proven, and their own word).
 * Loaded once per import or publish with one streamed scan of each (FerretDB has no secondary-index
 * lookups, and a million `_id` reads would take far longer); memory grows with the region's
 * beneficiaries, never with the file's rows.
 */
export async function loadBeneficiaries(sources: BeneficiarySources, scope: string): Promise<Map<string, BeneficiaryInfo>> {
  const map = new Map<string, BeneficiaryInfo>();
  for await (const e of sources.entitlements.inRegion(scope)) {
    const b = e.beneficiary;
    if (!b?.idNumberBlindIndex) continue;
    map.set(b.idNumberBlindIndex, { regionCode: e.regionCode, name: b.name ?? '', nameMasked: maskName(b.name ?? ''), userId: b.userId ?? null });
  }
  for await (const p of sources.profiles.streamInRegion(scope)) {
    map.set(p.idNumberBlindIndex, { regionCode: p.regionCode, name: p.name ?? '', nameMasked: maskName(p.name ?? ''), userId: p.userId });
  }
  return map;
}
