import type { InvitationDoc, Models } from '../models';
import { insertWins } from '../db/insertWins';

export function invitationRepository(m: Models) {
  return {
    create: (doc: InvitationDoc) => m.Invitation.create(doc),
    findById: (id: string) => m.Invitation.findById(id).lean<InvitationDoc>().exec(),
    /** Once only: the first insert of the redemption wins. */
    redeem: (id: string, userId: string) => insertWins(m.Redemption, { _id: id, userId, at: new Date() }),
  };
}
export type InvitationRepository = ReturnType<typeof invitationRepository>;
