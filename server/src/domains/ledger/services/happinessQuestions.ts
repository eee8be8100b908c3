import { randomBytes } from 'node:crypto';
import { type HappinessQuestionView, type StaffHappinessQuestionView } from '@dajiuzhu/shared';
import type { HappinessQuestionDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { toQuestionView, toStaffQuestionView } from '../views/questionView';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { OwnStatement } from './ownStatement';

/** Questions (异议) about a statement: the person asks; staff of the region answer, and close them. */
export function happinessQuestions(deps: { repo: LedgerRepository; own: OwnStatement; audit: AuditService; now: () => Date }) {
  const { repo } = deps;
  const withAnswers = async (q: HappinessQuestionDoc) => toQuestionView(q, await repo.answersTo(q._id));
  const withAnswersForStaff = async (q: HappinessQuestionDoc) => toStaffQuestionView(q, await repo.answersTo(q._id));

  return {
    /** The signed-in person's questions of a year, newest first. */
    async askedBy(ctx: ActionContext, year: number): Promise<HappinessQuestionView[]> {
      return Promise.all((await repo.questionsOf(ctx.actor._id, year)).map(withAnswers));
    },

    async ask(ctx: ActionContext, year: number, input: { text: string; programme?: string; month?: number }): Promise<HappinessQuestionView> {
      const { key, doc } = await deps.own.listOf(ctx, year);
      const at = deps.now();
      const q: HappinessQuestionDoc = {
        _id: `q_${randomBytes(12).toString('base64url')}`, beneficiaryKey: key, userId: ctx.actor._id, nameMasked: doc.nameMasked, regionCode: doc.regionCode,
        year, version: doc.version, programme: input.programme ?? '', month: input.month ?? 0, text: input.text.trim(), status: 'open', createdAt: at, updatedAt: at,
      };
      await repo.createQuestion(q);
      return toQuestionView(q, []);
    },

    /** The region's questions (at most 100, newest first): a staff read of people's questions, one audit row naming them. */
    async staffQuestions(ctx: ActionContext, filter: { status?: string; year?: number }): Promise<StaffHappinessQuestionView[]> {
      const docs = await repo.questionsInRegion(requireStaff(ctx.actor).regionCode, filter, 100);
      await deps.audit.record({
        actorId: ctx.actor._id, action: 'happinessList.questions.read', subjectId: '', requestId: ctx.requestId,
        details: { rows: docs.length, status: filter.status ?? 'all', year: filter.year ?? 0, subjectIds: [...new Set(docs.map((q) => q.userId))].join(','), questionIds: docs.map((q) => q._id).join(',') },
      });
      return Promise.all(docs.map(withAnswersForStaff));
    },

    async answer(ctx: ActionContext, questionId: string, text: string, close = false): Promise<StaffHappinessQuestionView> {
      requireStaff(ctx.actor);
      const q = await repo.findQuestion(questionId);
      requireStaffCovering(ctx.actor, q?.regionCode);
      if (!q) throw new AppError('NOT_FOUND');
      if (q.status === 'closed') throw new AppError('HAPPINESS_QUESTION_CLOSED');
      const at = deps.now();
      await repo.createAnswer({ _id: `${q._id}:${randomBytes(8).toString('base64url')}`, questionId: q._id, staffId: ctx.actor._id, text: text.trim(), at });
      const status = close ? 'closed' : 'answered';
      await repo.setQuestionStatus(q._id, status, at);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'happinessList.answer', subjectId: q.userId, requestId: ctx.requestId, details: { questionId: q._id, status } });
      return withAnswersForStaff({ ...q, status, updatedAt: at });
    },
  };
}
export type HappinessQuestions = ReturnType<typeof happinessQuestions>;
