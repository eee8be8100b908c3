import type { EntitlementReader, EntitlementRecord } from '../api';
import type { EntitlementDoc } from '../models/entitlement';

/** The entitlement reader other domains get (api.ts), over the repository's stream. */
export function entitlementReader(repo: { streamEntitlements(scope: string, activeOnly: boolean): AsyncIterable<EntitlementDoc> }): EntitlementReader {
  return {
    async *inRegion(scope, opts = {}) {
      for await (const e of repo.streamEntitlements(scope, !!opts.activeOnly)) yield toRecord(e);
    },
  };
}

function toRecord(e: EntitlementDoc): EntitlementRecord {
  return {
    id: e._id,
    programme: e.programme,
    beneficiary: { idNumberBlindIndex: e.beneficiary.idNumberBlindIndex, idNumberMasked: e.beneficiary.idNumberMasked, name: e.beneficiary.name, userId: e.beneficiary.userId ?? null },
    regionCode: e.regionCode,
    payment: e.payment,
    monthlyAmountFen: e.monthlyAmountFen,
    oneOffAmountFen: e.oneOffAmountFen,
    startMonth: e.startMonth,
    status: e.status,
  };
}
