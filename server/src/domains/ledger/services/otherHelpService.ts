import { periodOfDate, periodYear } from '@dajiuzhu/shared';
import type { LedgerRepository } from '../repository';

/** Help another domain gave a named person (慈善筹's aid in cash or in kind), for their 幸福清单. */
export interface OtherHelpInput {
  /** What gave it, and its id there: the row's `_id` is `<source>:<sourceId>`, so recording it again adds nothing. */
  source: 'charity';
  sourceId: string;
  /** The HMAC blind index of the person's ID number (core/crypto/pii), the same key every ledger row of theirs has. */
  beneficiaryKey: string;
  idNumberMasked: string;
  regionCode: string;
  /** Value in fen (the cash, or what the items cost). */
  amountFen: number;
  /** The day it was given, YYYY-MM-DD (Shanghai). */
  givenOn: string;
  /** The project (kept as the row's sourceRef). */
  sourceRef: string;
  /** In words: the organisation and the purpose (kept as the row's reason). */
  description: string;
  actorId: string;
}

/**
 * Other help (其他帮扶) in the ledger: one disbursement row per gift under the programme
 * `charityProject` (category otherHelp, listed apart from cash on the 幸福清单), source 'charity'.
 * Idempotent by the giver's id (insert wins). The person sees it in the next published version of
 * their statement, like every other row.
 */
export function otherHelpService(deps: { repo: LedgerRepository }) {
  return {
    async record(input: OtherHelpInput): Promise<{ recorded: boolean; id: string }> {
      const id = `${input.source}:${input.sourceId}`;
      const period = periodOfDate(input.givenOn);
      const recorded = await deps.repo.insertDisbursement({
        _id: id, beneficiaryKey: input.beneficiaryKey, idNumberMasked: input.idNumberMasked, regionCode: input.regionCode, programme: 'charityProject',
        amountFen: input.amountFen, period, year: periodYear(period), paidOn: input.givenOn, source: input.source, sourceRef: input.sourceRef, line: 0,
        correctsId: '', reason: input.description.slice(0, 200), createdBy: input.actorId, createdAt: new Date(),
      });
      return { recorded, id };
    },
  };
}
export type OtherHelpService = ReturnType<typeof otherHelpService>;
