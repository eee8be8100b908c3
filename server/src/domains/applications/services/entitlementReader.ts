import type { EntitlementReader } from '../api';
import type { EntitlementDoc } from '../models/entitlement';
import { toRecord } from './entitlementChanges';

/** The entitlement reader other domains get (api.ts), over the repository's stream. */
export function entitlementReader(repo: { streamEntitlements(scope: string, activeOnly: boolean): AsyncIterable<EntitlementDoc> }): EntitlementReader {
  return {
    async *inRegion(scope, opts = {}) {
      for await (const e of repo.streamEntitlements(scope, !!opts.activeOnly)) yield toRecord(e);
    },
  };
}

