import type { IdentityConflictList, IdentityConflictQuery, IdentityConflictView } from '@dajiuzhu/shared';
import type { IdentityConflictDoc } from '../models';
import { requireStaff } from '../scope/staffScope';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';
import type { ProfileRepository } from './profileRepository';
import type { VerifiedIdentityRepository } from './verifiedIdentityRepository';

/**
 * Refused second verifications, for staff of the refused account's claimed region (the person is
 * sent to their own counter). Every page read is audited with the people it showed.
 */
export function conflictService(deps: { profiles: ProfileRepository; verified: VerifiedIdentityRepository; audit: AuditService }) {
  async function view(c: IdentityConflictDoc): Promise<IdentityConflictView> {
    const [claimant, holderProfile, holderRow] = await Promise.all([deps.profiles.findById(c.userId), deps.profiles.findById(c.holderUserId), deps.verified.findById(c.blindIndex)]);
    return {
      id: c._id,
      firstAt: c.firstAt.toISOString(),
      lastAt: c.lastAt.toISOString(),
      attempts: c.attempts,
      method: c.method,
      account: { userId: c.userId, name: claimant?.name ?? '', idNumberMasked: claimant?.idNumberMasked ?? '', regionCode: claimant?.regionCode ?? c.regionCode },
      holder: {
        userId: c.holderUserId,
        regionCode: holderProfile?.regionCode ?? '',
        method: holderRow?.method ?? 'face',
        verifiedAt: (holderRow?.at ?? c.firstAt).toISOString(),
      },
    };
  }

  return {
    async list(ctx: ActionContext, query: IdentityConflictQuery): Promise<IdentityConflictList> {
      const scope = requireStaff(ctx.actor);
      const limit = query.limit ?? 50;
      const offset = query.offset ?? 0;
      const rows = await deps.verified.listConflicts(scope.regionCode, limit, offset);
      const conflicts = await Promise.all(rows.map(view));
      await deps.audit.record({
        actorId: ctx.actor._id,
        action: 'identityConflict.list',
        requestId: ctx.requestId,
        details: { staffRegion: scope.regionCode, offset, count: rows.length, subjectIds: [...new Set(rows.flatMap((r) => [r.userId, r.holderUserId]))].join(',') },
      });
      return { conflicts, limit, offset };
    },
  };
}
