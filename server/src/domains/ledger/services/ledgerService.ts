import { periodYear, type DisbursementList, type DisbursementListQuery, type DisbursementView } from '@dajiuzhu/shared';
import type { DisbursementDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { toDisbursementView } from '../views/disbursementView';
import type { ProfileService } from '../../../core/identity/profileService';
import type { IdentityLinks } from './ownStatement';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';

/** Reading a person's ledger rows and correcting one: never an edit, always a new adjustment row pointing at the one it corrects. */
export function ledgerService(deps: { repo: LedgerRepository; profiles: Pick<ProfileService, 'findById'>; identity: IdentityLinks; audit: AuditService }) {
  return {
    /**
     * A page of the rows of the person whose VERIFIED account this is (a claimed profile links to
     * nobody: LEDGER_PERSON_UNVERIFIED), in their region only, audited per page. At most
     * DISBURSEMENT_PAGE_MAX rows a page (schema): ten thousand rows in one answer took 14–20 s.
     */
    async listForPerson(ctx: ActionContext, query: DisbursementListQuery): Promise<DisbursementList> {
      requireStaff(ctx.actor);
      const userId = query.beneficiaryId;
      const profile = await deps.profiles.findById(userId);
      requireStaffCovering(ctx.actor, profile?.regionCode);
      const key = await deps.identity.verifiedBlindIndexOf(userId);
      if (!key) throw new AppError('LEDGER_PERSON_UNVERIFIED');
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 100;
      const rows = await deps.repo.disbursementPage(key, query.year, offset, limit);
      const page = rows.slice(0, limit);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'ledger.read', subjectId: userId, requestId: ctx.requestId, details: { year: query.year ?? 0, offset, rows: page.length } });
      return { disbursements: page.map(toDisbursementView), nextOffset: rows.length > limit ? offset + limit : null };
    },

    async adjust(ctx: ActionContext, disbursementId: string, input: { amountFen: number; reason: string; requestKey: string }): Promise<DisbursementView> {
      requireStaff(ctx.actor);
      const target = await deps.repo.findDisbursement(disbursementId);
      requireStaffCovering(ctx.actor, target?.regionCode);
      if (!target) throw new AppError('NOT_FOUND');
      if (!Number.isInteger(input.amountFen) || input.amountFen === 0) throw new AppError('LEDGER_ADJUSTMENT_INVALID');
      const doc: DisbursementDoc = {
        ...target, _id: `adjust:${target._id}:${input.requestKey}`, amountFen: input.amountFen, source: 'adjustment', sourceRef: '', line: 0, correctsId: target._id,
        reason: input.reason.trim(), createdBy: ctx.actor._id, createdAt: new Date(), year: periodYear(target.period),
      };
      // The request key makes a retried request land once: the second insert finds the first.
      if (await deps.repo.insertDisbursement(doc)) {
        await deps.audit.record({ actorId: ctx.actor._id, action: 'ledger.adjust', subjectId: target.beneficiaryKey, requestId: ctx.requestId, details: { disbursementId: target._id, amountFen: input.amountFen } });
        return toDisbursementView(doc);
      }
      const existing = await deps.repo.findDisbursement(doc._id);
      return toDisbursementView(existing!);
    },
  };
}
export type LedgerService = ReturnType<typeof ledgerService>;
