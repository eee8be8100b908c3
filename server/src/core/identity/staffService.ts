import type { StaffPersonView } from '@dajiuzhu/shared';
import { requireStaffCovering } from '../scope/staffScope';
import type { ProfileRepository } from './profileRepository';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';
import { toProfileView } from './profileService';

/** Staff act only inside their region; a person outside it does not exist for them (404). */
export function staffService(deps: { profiles: ProfileRepository; audit: AuditService }) {
  return {
    async readPerson(ctx: ActionContext, userId: string): Promise<StaffPersonView> {
      const profile = await deps.profiles.findById(userId);
      const scope = requireStaffCovering(ctx.actor, profile?.regionCode);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', subjectId: userId, requestId: ctx.requestId, details: { fields: 'profile', staffRegion: scope.regionCode } });
      return { id: userId, profile: toProfileView(profile!) };
    },
  };
}
export type StaffService = ReturnType<typeof staffService>;
