import type { InvitationDoc, Models } from '../models';
import { insertWins } from '../db/insertWins';

export function invitationRepository(m: Models) {
  return {
    create: (doc: InvitationDoc) => m.Invitation.create(doc),
    findById: (id: string) => m.Invitation.findById(id).lean<InvitationDoc>().exec(),
    /** Once only: the first insert of the redemption wins. */
    redeem: (id: string, userId: string) => insertWins(m.Redemption, { _id: id, userId, at: new Date() }),
    /** Who redeemed (or revoked) it: core/identity/peopleRepository.ts. */
    redemption: (id: string) => m.Redemption.findById(id).lean<{ _id: string; userId: string }>().exec(),
  };
}
export type InvitationRepository = ReturnType<typeof invitationRepository>;
