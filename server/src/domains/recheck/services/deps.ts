import type { FastifyBaseLogger } from 'fastify';
import type { CalendarIndex, StandardsInEffect } from '@dajiuzhu/shared';
import type { RecheckConfig } from '@dajiuzhu/config';
import type { AuditService } from '../../../core/audit/auditService';
import type { ApplicationsApi } from '../../applications/api';
import type { RecheckRepository } from '../repository';

/** What every service of 动态管理 is built from (index.ts fills it in). */
export interface RecheckDeps {
  repo: RecheckRepository;
  /** Entitlements and their versions: only through the applications domain's API. */
  applications: Pick<ApplicationsApi, 'entitlement' | 'entitlementsOf' | 'entitlementsFiledBy' | 'dueForRecheck' | 'adjustEntitlement' | 'endEntitlement' | 'suspendPayments' | 'setNextRecheck' | 'entitlements'>;
  audit: AuditService;
  verifiedBlindIndexOf(userId: string): Promise<string | null>;
  standardsFor(regionCode: string, date: string): StandardsInEffect | undefined;
  cfg: RecheckConfig;
  calendar: CalendarIndex;
  now: () => Date;
  log: FastifyBaseLogger;
}

/** Who acts: a person's request, or a job / department data (`system:…`). */
export interface Actor { actorId: string; requestId: string }
export const SYSTEM: Actor = { actorId: 'system:recheck', requestId: 'job:recheck' };
