import { programmeName, type ApplicationProgramme, type EntitlementView } from '@dajiuzhu/shared';
import type { EntitlementDoc } from '../models/entitlement';

export function entitlementView(e: EntitlementDoc): EntitlementView {
  return {
    id: e._id,
    applicationId: e.applicationId,
    programme: e.programme as ApplicationProgramme,
    programmeName: programmeName(e.programme),
    beneficiaryName: e.beneficiary.name,
    beneficiaryIdNumberMasked: e.beneficiary.idNumberMasked,
    regionCode: e.regionCode,
    payment: e.payment,
    monthlyAmountFen: e.monthlyAmountFen,
    oneOffAmountFen: e.oneOffAmountFen,
    startMonth: e.startMonth,
    nextRecheckOn: e.nextRecheckOn,
    status: e.status,
    approvedAt: e.approvedAt.toISOString(),
  };
}
