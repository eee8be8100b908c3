import type { HeldRowView } from '@dajiuzhu/shared';
import type { LedgerHeldRowDoc } from '../models/ledger';

/** A held row as staff see it: both names in full (the list read is audited), the ID number masked. */
export function toHeldRowView(h: LedgerHeldRowDoc): HeldRowView {
  const d = h.disbursement;
  return {
    id: h._id, importId: h.importId, line: h.line, status: h.status, rowName: h.rowName, personName: h.personName,
    idNumberMasked: d.idNumberMasked, programme: d.programme, period: d.period, amountFen: d.amountFen, regionCode: h.regionCode,
    booked: h.booked, decisionNote: h.decisionNote, decidedAt: h.decidedAt ? new Date(h.decidedAt).toISOString() : null, createdAt: new Date(h.createdAt).toISOString(),
  };
}
