import { programmeName, type ApplicationProgramme, type EntitlementView } from '@dajiuzhu/shared';
import type { EntitlementDoc } from '../models/entitlement';
import { toRecord } from '../services/entitlementChanges';

/** The person's entitlement: the amount in force this month (versions), 'ended' once its end month has come. */
export function entitlementView(e: EntitlementDoc): EntitlementView {
  const r = toRecord(e);
  return {
    id: e._id,
    applicationId: e.applicationId,
    programme: e.programme as ApplicationProgramme,
    programmeName: programmeName(e.programme),
    beneficiaryName: e.beneficiary.name,
    beneficiaryIdNumberMasked: e.beneficiary.idNumberMasked,
    regionCode: e.regionCode,
    payment: e.payment,
    monthlyAmountFen: r.monthlyAmountFen,
    oneOffAmountFen: e.oneOffAmountFen,
    startMonth: e.startMonth,
    nextRecheckOn: r.status === 'ended' ? null : e.nextRecheckOn,
    status: r.status,
    approvedAt: e.approvedAt.toISOString(),
  };
}
