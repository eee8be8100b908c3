import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import type { ProfileService } from '../../../core/identity/profileService';
import type { ApplicationDoc, PersonRef } from '../models/application';

/**
 * Who may see a case from the resident side: the person who filed it (themselves or as a helper)
 * and the person it is for (matched by the blind index of their verified ID number). Staff access
 * is core/scope/staffScope.ts; every staff read of a case is audited here.
 */
export function caseAccess(deps: { profiles: Pick<ProfileService, 'findById'>; audit: AuditService }) {
  async function myBlindIndex(ctx: ActionContext): Promise<string | null> {
    return (await deps.profiles.findById(ctx.actor._id))?.idNumberBlindIndex ?? null;
  }

  return {
    myBlindIndex,

    async isApplicant(ctx: ActionContext, a: { filedBy: string; applicant: PersonRef }): Promise<boolean> {
      if (a.filedBy === ctx.actor._id) return true;
      return (await myBlindIndex(ctx)) === a.applicant.idNumberBlindIndex;
    },

    async auditStaffRead(ctx: ActionContext, a: ApplicationDoc, fields: 'application' | 'application.act') {
      await deps.audit.record({
        actorId: ctx.actor._id,
        action: 'person.read',
        subjectId: a.applicant.userId ?? `application:${a._id}`,
        requestId: ctx.requestId,
        details: { fields, applicationId: a._id, staffRegion: ctx.actor.staff?.regionCode ?? '' },
      });
    },
  };
}
export type CaseAccess = ReturnType<typeof caseAccess>;
