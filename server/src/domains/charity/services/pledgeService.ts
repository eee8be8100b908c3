import { isCreditCode, matchedFen, type PledgeBody, type PledgeView } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { CharityRepository } from '../repository';
import type { CharityPledgeDoc } from '../models/pledge';
import type { DonationTotals } from '../api';
import { pledgeView } from '../views/projectViews';
import { viewerOf } from './access';
import { loadFor } from './projectService';
import type { ProjectStore } from './projectStore';

/**
 * Matching pledges (配捐). A company donor account pledges to match the project's confirmed
 * donations at a ratio up to a cap; one pledge per company and project (insert wins). The same
 * terms again answer the pledge made (a retried request); other terms: 409 CHARITY_PLEDGE_EXISTS.
 */
export function pledgeService(deps: { repo: CharityRepository; store: ProjectStore; audit: AuditService; totals: DonationTotals }) {
  return {
    async pledge(ctx: ActionContext, projectId: string, body: PledgeBody): Promise<{ pledge: PledgeView; created: boolean }> {
      if (!ctx.actor.roles.includes('donor') || ctx.actor.donor?.kind !== 'company') throw new AppError('CHARITY_COMPANY_REQUIRED');
      const project = await loadFor(deps, projectId, 'pledge', viewerOf(ctx.actor));
      if (!isCreditCode(body.taxNo)) throw new AppError('CHARITY_CREDIT_CODE_INVALID', { details: { fields: [{ path: '/taxNo', rule: 'checkDigit' }] } });
      const doc: CharityPledgeDoc = {
        _id: `${project._id}:${ctx.actor._id}`, projectId: project._id, companyUserId: ctx.actor._id, companyName: body.companyName.trim(), taxNo: body.taxNo,
        ratioPercent: body.ratioPercent, capFen: body.capFen, createdAt: new Date(),
      };
      const created = await deps.repo.insertPledge(doc);
      const stored = created ? doc : (await deps.repo.findPledge(doc._id))!;
      if (!created && (stored.ratioPercent !== doc.ratioPercent || stored.capFen !== doc.capFen || stored.taxNo !== doc.taxNo)) throw new AppError('CHARITY_PLEDGE_EXISTS');
      if (created) await deps.audit.record({ actorId: ctx.actor._id, action: 'charity.pledge', subjectId: project._id, requestId: ctx.requestId, details: { ratioPercent: doc.ratioPercent, capFen: doc.capFen } });
      return { pledge: pledgeView(stored, matchedFen(stored, await deps.totals.raisedFen(project._id))), created };
    },
  };
}
export type PledgeService = ReturnType<typeof pledgeService>;
