import { regionName, type CharityOrganizationView } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { InvitationDoc } from '../../../core/models';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { CharityRepository } from '../repository';
import type { CharityOrganizationDoc } from '../models/organization';
import { requireOrganization } from './access';

const view = (o: CharityOrganizationDoc): CharityOrganizationView => ({
  id: o._id, name: o.name, creditCode: o._id, registrationNo: o.registrationNo, regionCode: o.regionCode, regionName: regionName(o.regionCode),
});

/**
 * Charity organisations. An admin's invitation names the organisation; redeeming it creates the row
 * under its 统一社会信用代码 (insert wins: a second invitation for the same organisation links
 * another account to the first row, unchanged) and binds the account to it.
 */
export function organizationService(deps: { repo: CharityRepository; audit: AuditService }) {
  return {
    async onRedeem(ctx: ActionContext, invitation: InvitationDoc): Promise<{ organizationId: string; regionCode: string }> {
      const o = invitation.organization!;
      const created = await deps.repo.insertOrganization({
        _id: o.creditCode, name: o.name, registrationNo: o.registrationNo, regionCode: invitation.regionCode, createdBy: ctx.actor._id, createdAt: new Date(),
      });
      const row = (await deps.repo.findOrganization(o.creditCode))!;
      await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.organizationJoin', subjectId: row._id, requestId: ctx.requestId, details: { created } });
      return { organizationId: row._id, regionCode: row.regionCode };
    },

    async mine(ctx: ActionContext): Promise<CharityOrganizationView> {
      const { organizationId } = requireOrganization(ctx.actor);
      const row = await deps.repo.findOrganization(organizationId);
      if (!row) throw new AppError('CHARITY_ORGANIZATION_REQUIRED');
      return view(row);
    },

    find: (id: string) => deps.repo.findOrganization(id),
  };
}
export type OrganizationService = ReturnType<typeof organizationService>;
