import type { HeldRowList, HeldRowQuery, HeldRowView } from '@dajiuzhu/shared';
import type { LedgerHeldDecisionDoc, LedgerHeldRowDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { toHeldRowView } from '../views/heldRowView';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';

/**
 * Held rows (docs/ledger.md): imported rows whose name differs from the person the ID number
 * matched. Staff of the region see them (an audited read, one audit row per page) and decide
 * each once: confirm books the row exactly as imported, refuse leaves it out. A decision is an
 * insert into `ledger_held_decisions` (`_id` = the row's id): two staff deciding at once get one
 * decision and one 409; a decision cut short before the row was updated is finished by the next try.
 */
export function heldRowService(deps: { repo: LedgerRepository; audit: AuditService; now?: () => Date }) {
  const { repo, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function loadForStaff(ctx: ActionContext, id: string): Promise<LedgerHeldRowDoc> {
    requireStaff(ctx.actor);
    const row = await repo.findHeldRow(id);
    requireStaffCovering(ctx.actor, row?.regionCode);
    return row!;
  }

  /** Carries out a decision on its row (idempotent: the booking is insert-wins, the row only moves on from 'held'). */
  async function apply(ctx: ActionContext, row: LedgerHeldRowDoc, d: LedgerHeldDecisionDoc): Promise<LedgerHeldRowDoc> {
    let booked = false;
    if (d.decision === 'confirmed') {
      booked = await repo.insertDisbursement({
        ...row.disbursement, createdBy: d.by, createdAt: d.at,
        reason: `导入时姓名与救助对象不一致，经工作人员核对后确认入账${d.note ? `：${d.note}` : ''}`,
      });
    }
    const set = { status: d.decision, booked, decidedBy: d.by, decisionNote: d.note, decidedAt: d.at };
    if (row.status === 'held') await repo.setHeldRow(row._id, set);
    await audit.record({
      actorId: ctx.actor._id, action: d.decision === 'confirmed' ? 'ledger.heldRow.confirm' : 'ledger.heldRow.refuse', subjectId: row.personUserId, requestId: ctx.requestId,
      details: { heldRowId: row._id, importId: row.importId, line: row.line, booked, subjectKey: row.disbursement.beneficiaryKey },
    });
    return { ...row, ...set };
  }

  async function decide(ctx: ActionContext, id: string, decision: LedgerHeldDecisionDoc['decision'], note: string): Promise<HeldRowView> {
    const row = await loadForStaff(ctx, id);
    const d: LedgerHeldDecisionDoc = { _id: row._id, decision, note: note.trim(), by: ctx.actor._id, at: now() };
    if (!(await repo.insertHeldDecision(d))) {
      const earlier = await repo.findHeldDecision(row._id);
      // Decided, but the row was never updated (the deciding request stopped half way): finish it, then say it was decided.
      if (earlier && row.status === 'held') await apply(ctx, row, earlier);
      throw new AppError('LEDGER_HELD_ROW_DECIDED');
    }
    return toHeldRowView(await apply(ctx, row, d));
  }

  return {
    /** A page of the region's held rows, oldest first; one audit row per page naming the people shown. */
    async list(ctx: ActionContext, query: HeldRowQuery): Promise<HeldRowList> {
      const scope = requireStaff(ctx.actor).regionCode;
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 50;
      const docs = await repo.heldRowsInRegion(scope, { status: query.status, importId: query.importId }, offset, limit);
      const page = docs.slice(0, limit);
      await audit.record({
        actorId: ctx.actor._id, action: 'ledger.heldRows.read', subjectId: '', requestId: ctx.requestId,
        details: {
          rows: page.length, offset, status: query.status ?? 'all',
          subjectIds: [...new Set(page.map((h) => h.personUserId).filter(Boolean))].join(','),
          subjectKeys: [...new Set(page.map((h) => h.disbursement.beneficiaryKey))].join(','),
        },
      });
      return { rows: page.map(toHeldRowView), nextOffset: docs.length > limit ? offset + limit : null };
    },

    confirm: (ctx: ActionContext, id: string, note = '') => decide(ctx, id, 'confirmed', note),

    async refuse(ctx: ActionContext, id: string, reason: string): Promise<HeldRowView> {
      if (!reason.trim()) throw new AppError('VALIDATION_FAILED', { message: '请写明拒绝入账的原因', details: { fields: [{ path: '/reason', rule: 'empty' }] } });
      return decide(ctx, id, 'refused', reason);
    },
  };
}
export type HeldRowService = ReturnType<typeof heldRowService>;
