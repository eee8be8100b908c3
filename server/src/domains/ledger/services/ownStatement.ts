import type { LedgerRepository } from '../repository';
import { listId } from '../repository';
import type { IdentityService } from '../../../core/identity/identityService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';

/** What the ledger asks the core about who an account provably is. */
export type IdentityLinks = Pick<IdentityService, 'verifiedBlindIndexOf'>;

/**
 * The signed-in person's own statement: found by the blind index of their VERIFIED ID number
 * (services.identity), never by the number their profile merely claims, so typing someone else's
 * ID number shows nothing of theirs. An unverified account has no 幸福清单: every read answers
 * HAPPINESS_IDENTITY_UNVERIFIED ("verify first"), the same whether or not a statement exists.
 */
export function ownStatement(deps: { repo: LedgerRepository; identity: IdentityLinks }) {
  async function keyOf(ctx: ActionContext): Promise<string> {
    const key = await deps.identity.verifiedBlindIndexOf(ctx.actor._id);
    if (!key) throw new AppError('HAPPINESS_IDENTITY_UNVERIFIED');
    return key;
  }

  return {
    keyOf,
    /** The latest published version of the year, with the reader's key; HAPPINESS_LIST_NOT_PUBLISHED when there is none. */
    async listOf(ctx: ActionContext, year: number) {
      const key = await keyOf(ctx);
      const doc = await deps.repo.findList(listId(key, year));
      if (!doc) throw new AppError('HAPPINESS_LIST_NOT_PUBLISHED');
      return { key, doc };
    },
  };
}
export type OwnStatement = ReturnType<typeof ownStatement>;
