import type { HappinessFeedbackView } from '@dajiuzhu/shared';
import { listId, type LedgerRepository } from '../repository';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import type { OwnStatement } from './ownStatement';
import type { HappinessQuestions } from './happinessQuestions';

/**
 * The person's answer to their statement: receipt confirmed once per version
 * ("confirm:<key>:<year>:<version>", insert wins), a rating they may change, and their questions.
 */
export function happinessFeedback(deps: { repo: LedgerRepository; own: OwnStatement; questions: HappinessQuestions; now: () => Date }) {
  const { repo, own } = deps;

  async function feedback(ctx: ActionContext, year: number): Promise<HappinessFeedbackView> {
    const key = await own.keyOf(ctx);
    const list = await repo.findList(listId(key, year));
    const confirmed = list ? await repo.findFeedback(`confirm:${key}:${year}:${list.version}`) : null;
    const rating = await repo.findFeedback(`rating:${key}:${year}`);
    return {
      year, confirmedVersion: confirmed ? confirmed.version : null, rating: rating ? { score: rating.score, comment: rating.comment } : null,
      questions: await deps.questions.askedBy(ctx, year),
    };
  }

  return {
    feedback,

    async confirm(ctx: ActionContext, year: number, version: number): Promise<HappinessFeedbackView> {
      const { key, doc } = await own.listOf(ctx, year);
      if (version !== doc.version) throw new AppError('CONFLICT', { message: '清单已有新版本，请刷新后再确认' });
      const won = await repo.insertConfirmation({ _id: `confirm:${key}:${year}:${version}`, kind: 'confirm', beneficiaryKey: key, userId: ctx.actor._id, regionCode: doc.regionCode, year, version, score: 0, comment: '', at: deps.now() });
      if (!won) throw new AppError('HAPPINESS_ALREADY_CONFIRMED');
      return feedback(ctx, year);
    },

    async rate(ctx: ActionContext, year: number, score: number, comment = ''): Promise<HappinessFeedbackView> {
      const { key, doc } = await own.listOf(ctx, year);
      // Replaced whole under one `_id`; two PUTs at once end in one row (repository.replaceById).
      await repo.saveRating({ _id: `rating:${key}:${year}`, kind: 'rating', beneficiaryKey: key, userId: ctx.actor._id, regionCode: doc.regionCode, year, version: doc.version, score, comment: comment.trim(), at: deps.now() });
      return feedback(ctx, year);
    },
  };
}
