import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import type { IdentityService } from '../../../core/identity/identityService';
import type { ApplicationDoc, PersonRef } from '../models/application';

/** How a resident stands to a case: the person it is for (by verified identity), or the one who filed it. */
export type ApplicantRelation = 'person' | 'filer';

const subjectOf = (a: ApplicationDoc) => a.applicant.userId ?? `application:${a._id}`;

/**
 * Who may see a case from the resident side: the account that filed it (themselves or as a helper)
 * and the person it is for — recognised ONLY by their verified identity (services.identity), never by
 * the ID number a profile claims, so typing someone's ID number links an account to nothing. Staff
 * access is core/scope/staffScope.ts; every staff read of cases is audited here.
 */
export function caseAccess(deps: { identity: Pick<IdentityService, 'verifiedBlindIndexOf'>; audit: AuditService }) {
  /** The blind index of the caller's verified ID number; null while unverified. */
  const verifiedBlindIndex = (ctx: ActionContext) => deps.identity.verifiedBlindIndexOf(ctx.actor._id);

  return {
    verifiedBlindIndex,

    /** 'person' when the caller is verified as the applicant, 'filer' when they filed it, null when neither. */
    async relationTo(ctx: ActionContext, a: { filedBy: string; applicant: PersonRef }): Promise<ApplicantRelation | null> {
      const mine = await verifiedBlindIndex(ctx);
      if (mine && mine === a.applicant.idNumberBlindIndex) return 'person';
      return a.filedBy === ctx.actor._id ? 'filer' : null;
    },

    async auditStaffRead(ctx: ActionContext, a: ApplicationDoc, fields: 'application' | 'application.act') {
      await deps.audit.record({
        actorId: ctx.actor._id,
        action: 'person.read',
        subjectId: subjectOf(a),
        requestId: ctx.requestId,
        details: { fields, applicationId: a._id, staffRegion: ctx.actor.staff?.regionCode ?? '' },
      });
    },

    /** A list read (a queue page): one row naming every case and person shown. */
    async auditStaffList(ctx: ActionContext, shown: readonly ApplicationDoc[], fields: 'application.queue' | 'application.supervision') {
      await deps.audit.record({
        actorId: ctx.actor._id,
        action: 'person.list',
        requestId: ctx.requestId,
        details: {
          fields,
          count: shown.length,
          applicationIds: shown.map((a) => a._id).join(','),
          subjectIds: [...new Set(shown.map(subjectOf))].join(','),
          staffRegion: ctx.actor.staff?.regionCode ?? '',
        },
      });
    },
  };
}
export type CaseAccess = ReturnType<typeof caseAccess>;
