import type { ActionContext } from '../../core/context';
import type { EntitlementRecord } from './models/entitlement';
import type { ApplicationService } from './services/applicationService';
import type { EntitlementChanges } from './services/entitlementChanges';
import type { AutoGrantService } from './services/autoGrant';
import type { RefusalReasons } from './services/refusalReasons';
export type { AutoGrantInput, AutoGrantResult, HouseholdGroup } from './services/autoGrant';
export type { RefusalDecision, ReviewableDecision } from './services/refusalReasons';

/**
 * What the applications domain offers other domains (app.applications). The ledger pays and
 * matches people through the entitlement reader; it never reads the `entitlements` collection.
 * (EntitlementRecord is declared beside the model, so the services that build it need not import this file.)
 */
export type { EntitlementRecord };

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
  /**
   * Entitlement versions (动态管理, services/entitlementChanges.ts): adjust the amount from a month,
   * end it, suspend payment, set the next recheck; read a person's entitlements and those due for
   * recheck. Each change is idempotent by its key and audited.
   */
  adjustEntitlement: EntitlementChanges['adjustEntitlement'];
  endEntitlement: EntitlementChanges['endEntitlement'];
  suspendPayments: EntitlementChanges['suspendPayments'];
  setNextRecheck: EntitlementChanges['setNextRecheck'];
  entitlementsOf: EntitlementChanges['entitlementsOf'];
  entitlementsFiledBy: EntitlementChanges['entitlementsFiledBy'];
  entitlement: EntitlementChanges['entitlement'];
  dueForRecheck: EntitlementChanges['dueForRecheck'];
  /** 免审秒办 (services/autoGrant.ts): an entitlement from 残联 data without an application; 409 when already receiving. */
  grantWithoutApplication: AutoGrantService['grantWithoutApplication'];
  /** 免审秒办 for one 残联 row: each subsidy it gives, granted or why not (never an error for the row). */
  grantFromDisabilityRecord: AutoGrantService['grantFromDisabilityRecord'];
  /** 复查: a refusal explained line by line, for its person or filer (services/refusalReasons.ts). */
  refusalFor: RefusalReasons['refusalFor'];
  /** 复查: a grant made without an application, as a decision its person may ask to correct. */
  autoGrantDecisionFor: AutoGrantService['decisionFor'];
  /** 电子监察 (近亲属备案): the applications of a person, by the blind index of their ID number. */
  applicationsOfPerson(blindIndex: string): Promise<{ id: string; programme: string; status: string; regionCode: string; submittedOn: string; applicantName: string; idNumberMasked: string }[]>;
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
