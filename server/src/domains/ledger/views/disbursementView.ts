import type { DisbursementView } from '@dajiuzhu/shared';
import type { DisbursementDoc } from '../models/ledger';

export function toDisbursementView(d: DisbursementDoc): DisbursementView {
  return {
    id: d._id, beneficiaryId: d.beneficiaryKey, programme: d.programme, amountFen: d.amountFen, period: d.period, paidOn: d.paidOn, source: d.source,
    sourceRef: d.sourceRef, correctsId: d.correctsId, reason: d.reason, regionCode: d.regionCode, createdAt: new Date(d.createdAt).toISOString(),
  };
}
