/**
 * What the applications domain offers other domains (app.applications). The ledger pays and
 * matches people through the entitlement reader; it never reads the `entitlements` collection.
 */
export interface EntitlementRecord {
  id: string;
  programme: string;
  beneficiary: { idNumberBlindIndex: string; idNumberMasked: string; name: string; userId: string | null };
  regionCode: string;
  payment: 'monthly' | 'oneOff';
  monthlyAmountFen: number | null;
  oneOffAmountFen: number | null;
  /** YYYY-MM: the first month paid. */
  startMonth: string;
  status: 'active' | 'ended';
}

export interface EntitlementReader {
  /** Every entitlement inside the region (itself and all below), streamed; `activeOnly` keeps the active ones. */
  inRegion(scope: string, opts?: { activeOnly?: boolean }): AsyncIterable<EntitlementRecord>;
}

export interface ApplicationsApi {
  entitlements: EntitlementReader;
}

declare module 'fastify' {
  interface FastifyInstance {
    applications: ApplicationsApi;
  }
}
