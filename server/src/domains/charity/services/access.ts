import type { ProjectViewer } from '@dajiuzhu/shared';
import type { UserDoc } from '../../../core/models';
import { AppError } from '../../../core/errors/AppError';

/** The viewer the shared state machine reasons about, from the signed-in account. */
export function viewerOf(actor: UserDoc): ProjectViewer {
  return {
    userId: actor._id,
    roles: actor.roles,
    organizationId: actor.roles.includes('charity') ? actor.charity?.organizationId ?? null : null,
    staffRegionCode: actor.roles.includes('staff') ? actor.staff?.regionCode ?? null : null,
  };
}

/** The organisation the account acts for, or 403 CHARITY_ORGANIZATION_REQUIRED. */
export function requireOrganization(actor: UserDoc): { organizationId: string; regionCode: string } {
  if (!actor.roles.includes('charity') || !actor.charity?.organizationId) throw new AppError('CHARITY_ORGANIZATION_REQUIRED');
  return actor.charity;
}

/** The job's viewer: may close raising projects and flag reports, nothing else. */
export const SYSTEM_VIEWER: ProjectViewer = { userId: 'system', roles: [], system: true };
export const SYSTEM_RECORDER = { requestId: 'charity.schedule', actor: { _id: 'system' } };
