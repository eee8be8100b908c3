import type { InvitationDoc, Models, ProfileDoc, RedemptionDoc, SessionDoc, UserDoc } from '../models';
import { insertWins } from '../db/insertWins';

/**
 * A revocation is stored as the invitation's redemption row, with this prefix instead of a user id:
 * redeeming and revoking race for the same unique `_id` (insert wins), so a code is either redeemed
 * or revoked, never both.
 */
export const REVOKED_PREFIX = 'revoked:';

/** Reads and changes behind the admin's desk (core/identity/peopleService.ts). */
export function peopleRepository(m: Models) {
  return {
    /** Newest first (index `createdAt`). */
    recentInvitations: (limit: number) => m.Invitation.find({}).sort({ createdAt: -1 }).limit(limit).lean<InvitationDoc[]>().exec(),
    findInvitation: (id: string) => m.Invitation.findById(id).lean<InvitationDoc>().exec(),
    redemptionsOf: (ids: string[]) => (ids.length ? m.Redemption.find({ _id: { $in: ids } }).lean<RedemptionDoc[]>().exec() : Promise.resolve([])),
    findRedemption: (id: string) => m.Redemption.findById(id).lean<RedemptionDoc>().exec(),
    /** True when this request revoked it; false when a redemption or an earlier revocation got there first. */
    revoke: (id: string, adminId: string) => insertWins(m.Redemption, { _id: id, userId: `${REVOKED_PREFIX}${adminId}`, at: new Date() }),

    /** Holders of a role, oldest account first (index `roles`). */
    withRole: (role: string, limit: number) => m.User.find({ roles: role }).sort({ createdAt: 1 }).limit(limit).lean<UserDoc[]>().exec(),
    findUser: (id: string) => m.User.findById(id).lean<UserDoc>().exec(),
    profilesOf: (ids: string[]) => (ids.length ? m.Profile.find({ _id: { $in: ids } }, { _id: 1, name: 1 }).lean<Pick<ProfileDoc, '_id' | 'name'>[]>().exec() : Promise.resolve([])),
    findProfile: (id: string) => m.Profile.findById(id, { _id: 1, name: 1 }).lean<Pick<ProfileDoc, '_id' | 'name'>>().exec(),

    /**
     * Takes a role away. One update with `$pull` (no read-then-write of the whole roles array that a
     * concurrent grant could lose); the binding to a region goes with the role.
     */
    async removeRole(id: string, role: string): Promise<UserDoc | null> {
      // The role's binding (user.staff, user.gridWorker, …) is cleared with it; a path the user model does not know is dropped by mongoose.
      return m.User.findByIdAndUpdate(id, { $pull: { roles: role }, $set: { [role]: null } }, { new: true }).lean<UserDoc>().exec();
    },
    /** Live sessions of an account (index `userId`). */
    liveSessions: (userId: string) => m.Session.find({ userId, revokedAt: null }, { _id: 1 }).lean<Pick<SessionDoc, '_id'>[]>().exec(),
  };
}
export type PeopleRepository = ReturnType<typeof peopleRepository>;
