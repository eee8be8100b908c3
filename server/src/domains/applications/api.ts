import type { ActionContext } from '../../core/context';
import type { ApplicationService } from './services/applicationService';

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

/**
 * 纳入救助: an application started on a person's behalf by the grid worker or staff member who
 * visited them (services/onBehalf.ts). The applicant is the person (by the blind index of their ID
 * number); `key` makes it idempotent (the same key → the same application).
 */
export interface OnBehalfStart {
  key: string;
  programme: string;
  person: { idNumberBlindIndex: string; name: string; idNumberMasked: string; idNumberCipher: string; regionCode: string; householdSize: number | null };
  /** The person's consent given on the worker's phone. */
  consent: { signedName: string; at: Date; signatureFileId?: string };
  origin: { kind: 'monitoringAlert'; id: string };
  /** Why (prefilled into the form's reason): the evidence and what the visit found. */
  reason: string;
}
export interface OnBehalfStarted { applicationId: string; created: boolean }

export interface ApplicationsApi {
  entitlements: EntitlementReader;
  /** Starts (or, for a key seen before, finds) the application; 403 unless the actor is staff covering the person or a grid worker of their area. */
  startOnBehalf(ctx: ActionContext, input: OnBehalfStart): Promise<OnBehalfStarted>;
  /**
   * The domain's services on a given clock. Only the demo seed (server/src/core/seed) uses it: it
   * records a demo case's steps on the past days they would have happened (a 公示 that ended
   * yesterday). No route reaches it; every request is served on the real clock.
   */
  servicesAt(now: () => Date): ApplicationService;
}

declare module 'fastify' {
  interface FastifyInstance {
    applications: ApplicationsApi;
  }
}
