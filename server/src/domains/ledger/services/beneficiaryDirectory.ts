import type { Connection } from 'mongoose';
import { maskName, regionPrefix } from '@dajiuzhu/shared';
import { regionFilter } from '../repository';

/** A beneficiary as the ledger knows them: keyed by the blind index of the ID number. */
export interface BeneficiaryInfo { regionCode: string; nameMasked: string; userId: string | null }

/**
 * Who the ledger can match in a region: people with a real-name profile, and people an approved
 * entitlement names (they may have no account yet). Loaded once per import or publish with one
 * scan of each collection (FerretDB has no secondary-index lookups, and a million `_id` reads would
 * take far longer); memory grows with the region's beneficiaries, never with the file's rows.
 */
export async function loadBeneficiaries(db: Connection, scope: string): Promise<Map<string, BeneficiaryInfo>> {
  const prefix = regionPrefix(scope);
  const map = new Map<string, BeneficiaryInfo>();
  const entitlements = db.collection('entitlements');
  for await (const e of entitlements.find({ regionCode: regionFilter(prefix) }, { projection: { regionCode: 1, beneficiary: 1 } })) {
    const b = e.beneficiary as { idNumberBlindIndex?: string; name?: string; userId?: string | null } | undefined;
    if (!b?.idNumberBlindIndex) continue;
    map.set(b.idNumberBlindIndex, { regionCode: String(e.regionCode), nameMasked: maskName(b.name ?? ''), userId: b.userId ?? null });
  }
  for await (const p of db.collection('profiles').find({ regionCode: regionFilter(prefix) }, { projection: { idNumberBlindIndex: 1, regionCode: 1, name: 1 } })) {
    map.set(String(p.idNumberBlindIndex), { regionCode: String(p.regionCode), nameMasked: maskName(String(p.name ?? '')), userId: String(p._id) });
  }
  return map;
}
