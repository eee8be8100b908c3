import type { InvitationDoc, Models } from '../models';
import { isDuplicateKey } from '../errors/AppError';

export function invitationRepository(m: Models) {
  return {
    create: (doc: InvitationDoc) => m.Invitation.create(doc),
    findById: (id: string) => m.Invitation.findById(id).lean<InvitationDoc>().exec(),
    /** Once only: the first insert of the redemption wins. */
    async redeem(id: string, userId: string): Promise<boolean> {
      try {
        await m.Redemption.create({ _id: id, userId, at: new Date() });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
  };
}
export type InvitationRepository = ReturnType<typeof invitationRepository>;
