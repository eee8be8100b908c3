import type { RecheckTrigger } from '@dajiuzhu/shared';
import type { ActionContext } from '../../core/context';

/** A recheck's decision that cut or stopped aid, as review requests (复查) and supervision see it. */
export interface RecheckDecisionRecord {
  id: string;
  kind: 'adjust' | 'stop';
  programme: string;
  beneficiaryBlindIndex: string;
  beneficiaryUserId: string | null;
  regionCode: string;
  decidedAt: string;
  /** The computed lines (income against the standard) then the staff's reasons, line by line. */
  reasons: string[];
}

/** A recheck past its deadline, as supervision sees it (masked; the blind index only as a key). */
export interface OverdueRecheck { id: string; programme: string; regionCode: string; deadline: string; status: string; nameMasked: string; idNumberMasked: string; personKey: string }

/**
 * What 动态管理 offers other domains (app.recheck; docs/recheck.md): the decision of a recheck,
 * opening a recheck for a person from another domain's finding (a review request, a supervision
 * flag), a death from department data, and running the schedule now (tests, the demo).
 */
export interface RecheckApi {
  /** null when there is no such recheck or it has no adjust/stop decision (yet). */
  decisionFor(id: string): Promise<RecheckDecisionRecord | null>;
  /** Opens (or joins the open) recheck of each running entitlement of the person; `key` makes it once per finding (default: the reason). */
  open(ctx: ActionContext, input: { blindIndex: string; reason: string; trigger: RecheckTrigger; key?: string }): Promise<{ rechecks: { id: string; entitlementId: string; created: boolean; deadline: string }[] }>;
  /** A death in the department data: payment held from this month, a recheck opened. Idempotent by `reference`. */
  recordDeath(input: { blindIndex: string; date: string; reference: string; source: string }): Promise<{ suspended: number }>;
  /** Rechecks not decided by their deadline inside a region (itself and below), oldest deadline first, at most 2,000 (电子监察). */
  overdue(scope: string, today: string): Promise<OverdueRecheck[]>;
  /** One pass of the schedule job: rechecks coming due, ended exit notices, missing yearly confirmations. */
  runSchedule(): Promise<{ opened: number; noticesFinished: number; missingConfirmations: number }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    recheck: RecheckApi;
  }
}
