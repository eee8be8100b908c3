import { issuingOffice, programmeName, type ExitLetterView } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { staffCovers } from '../../../core/scope/staffScope';
import type { LetterDoc } from '../models/recheck';
import { MESSAGES } from '../messages';
import type { RecheckDeps } from './deps';
import type { HouseholdService } from './household';

export function letterView(l: LetterDoc): ExitLetterView {
  return {
    id: l._id, recheckId: l.recheckId, programmeName: programmeName(l.programme), kind: l.kind, title: MESSAGES.letterTitle(l.programme, l.kind),
    beneficiaryNameMasked: l.nameMasked, reasons: l.reasons, computedReasons: l.computedReasons, fromMonth: l.fromMonth, endFromMonth: l.endFromMonth,
    phaseOutMonths: l.phaseOutMonths, monthlyAmountFen: l.monthlyAmountFen, issuedOn: l.issuedOn, issuingOffice: issuingOffice(l.regionCode),
  };
}

/**
 * 告知书 (the written explanation of a stop or a cut): to the person (verified), the helper who
 * filed their case, and staff of the region (audited). Anyone else: 404.
 */
export function letterService(deps: Pick<RecheckDeps, 'repo' | 'audit'> & { households: HouseholdService }) {
  return {
    async mine(ctx: ActionContext): Promise<ExitLetterView[]> {
      const list = await deps.households.mine(ctx);
      const people = [...new Set(list.map((m) => m.e.beneficiary.idNumberBlindIndex))];
      const ids = new Set(list.map((m) => m.e.id));
      const letters = (await Promise.all(people.map((b) => deps.repo.listLettersFor(b)))).flat().filter((l) => ids.has(l.entitlementId));
      return letters.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map(letterView);
    },

    async get(ctx: ActionContext, id: string): Promise<ExitLetterView> {
      const l = await deps.repo.findLetter(id);
      if (!l) throw new AppError('RECHECK_LETTER_NOT_FOUND');
      if (staffCovers(ctx.actor, l.regionCode)) {
        await deps.audit.record({ actorId: ctx.actor._id, action: 'person.read', requestId: ctx.requestId, subjectId: `recheck:${l.recheckId}`, details: { fields: 'recheck.letter', letterId: l._id } });
        return letterView(l);
      }
      if (!(await deps.households.mine(ctx)).some((m) => m.e.id === l.entitlementId)) throw new AppError('RECHECK_LETTER_NOT_FOUND');
      return letterView(l);
    },
  };
}
export type LetterService = ReturnType<typeof letterService>;
