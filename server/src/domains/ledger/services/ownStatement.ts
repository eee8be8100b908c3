import type { LedgerRepository } from '../repository';
import { listId } from '../repository';
import { NO_PROFILE_MESSAGE } from '../messages';
import type { ProfileService } from '../../../core/identity/profileService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';

/**
 * The signed-in person's own statement: found by the blind index of the ID number in their
 * real-name profile, so nobody can name another person's. Without a profile there is none.
 */
export function ownStatement(deps: { repo: LedgerRepository; profiles: ProfileService }) {
  async function profileOf(ctx: ActionContext) {
    const profile = await deps.profiles.findById(ctx.actor._id);
    if (!profile) throw new AppError('HAPPINESS_LIST_NOT_PUBLISHED', { message: NO_PROFILE_MESSAGE });
    return profile;
  }

  return {
    profileOf,
    /** The latest published version of the year, with the reader's profile; HAPPINESS_LIST_NOT_PUBLISHED when there is none. */
    async listOf(ctx: ActionContext, year: number) {
      const profile = await profileOf(ctx);
      const doc = await deps.repo.findList(listId(profile.idNumberBlindIndex, year));
      if (!doc) throw new AppError('HAPPINESS_LIST_NOT_PUBLISHED');
      return { profile, doc };
    },
  };
}
export type OwnStatement = ReturnType<typeof ownStatement>;
