import type { ActionContext } from '../../core/context';

/** A project as a donation sees it (C2's donations refuse a project that does not accept them). */
export interface ProjectForDonation {
  id: string;
  status: string;
  organizationId: string;
  organizationName: string;
  title: string;
  regionCode: string;
  /** True only while the project is published, inside its period (start ≤ today ≤ end) and not hidden for an overdue report (shared `acceptsDonations`). */
  acceptsDonations: boolean;
}

/**
 * Raised totals, exact under concurrency: the sum of confirmed donation rows (an index on
 * projectId+status), never a $inc counter. Implemented by the donations side
 * (charity/services/donationTotals.ts); the projects side reads it for progress, matching and the
 * "spending above what was raised" check, and the donor list for report notices.
 */
export interface DonationTotals {
  raisedFen(projectId: string): Promise<number>;
  /** Distinct user ids of donors with a confirmed donation to the project (anonymous donors included: they are told too). */
  donorUserIds(projectId: string): AsyncIterable<string>;
}

/**
 * What the charity domain offers (app.charity). Inside the domain the donations side (C2) uses
 * `projects.forDonation` and `projects.cancelled` listeners; no other domain uses it yet.
 */
export interface CharityApi {
  projects: {
    forDonation(projectId: string): Promise<ProjectForDonation | null>;
    /** Called once per cancelled project (after the state change landed) so refunds can start; set by the donations side. */
    onCancelled(listener: (projectId: string, ctx: ActionContext) => Promise<void>): void;
  };
  /** The schedule job (close ended projects, flag overdue reports) run on demand at a chosen time: tests and the demo seed. */
  schedule: { run(now?: Date): Promise<{ closed: number; flagged: number }> };
}

declare module 'fastify' {
  interface FastifyInstance {
    charity: CharityApi;
  }
}
