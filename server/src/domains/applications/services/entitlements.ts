import type { EntitlementView } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { ApplicationDoc } from '../models/application';
import type { EntitlementDoc } from '../models/entitlement';
import type { ApplicationRepository } from '../repository';
import { entitlementView } from '../views/entitlementView';
import type { CaseAccess } from './access';

/** What an approval event records (its details): enough to create the entitlement on replay. */
export interface ApprovalDetails { amountFen: number; startMonth: string; nextRecheckOn: string | null; payment: 'monthly' | 'oneOff' }

/** The entitlement (待遇) an approval grants; `_id` = the application id, so it is created once. */
export function entitlementOf(app: ApplicationDoc, d: ApprovalDetails, approvedAt: Date, approvedBy: string): EntitlementDoc {
  return {
    _id: app._id,
    applicationId: app._id,
    programme: app.programme,
    beneficiary: app.applicant,
    regionCode: app.regionCode,
    payment: d.payment,
    monthlyAmountFen: d.payment === 'monthly' ? d.amountFen : null,
    oneOffAmountFen: d.payment === 'oneOff' ? d.amountFen : null,
    startMonth: d.startMonth,
    nextRecheckOn: d.nextRecheckOn,
    status: 'active',
    approvedAt,
    approvedBy,
  };
}

/**
 * A resident's entitlements: only through their verified identity. A helper who filed for someone
 * does not get that person's entitlements (they follow the case, not the person).
 */
export function myEntitlements(deps: { repo: ApplicationRepository; access: CaseAccess }) {
  return async (ctx: ActionContext): Promise<EntitlementView[]> => {
    const blind = await deps.access.verifiedBlindIndex(ctx);
    return blind ? (await deps.repo.listEntitlementsFor(blind)).map(entitlementView) : [];
  };
}
