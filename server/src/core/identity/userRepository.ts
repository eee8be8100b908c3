import type { Models, UserDoc } from '../models';
import { insertWins } from '../db/insertWins';

const WECHAT = 'wechat:';
/** Above this many users one scan of the WeChat identities beats `$in` (FerretDB indexes only `_id` equality). */
const IN_QUERY_MAX = 1000;

export function userRepository(m: Models) {
  return {
    findById: (id: string) => m.User.findById(id).lean<UserDoc>().exec(),

    /** Identity → userId. Insert wins: two first sign-ins at once end with one account. */
    async findOrCreateIdentity(identityId: string, newUserId: string): Promise<{ userId: string; created: boolean }> {
      const existing = await m.Identity.findById(identityId).lean().exec();
      if (existing) return { userId: existing.userId, created: false };
      if (await insertWins(m.Identity, { _id: identityId, userId: newUserId, createdAt: new Date() })) return { userId: newUserId, created: true };
      const winner = await m.Identity.findById(identityId).lean().exec();
      return { userId: winner!.userId, created: false };
    },

    /** Staff and grid workers whose region is inside `range` (a `regionWithin` range), at most `limit` of each: whom an alert can be assigned to. */
    async workersWithin(range: { $gte: string; $lt: string }, limit: number): Promise<UserDoc[]> {
      const [staff, grid] = await Promise.all([
        m.User.find({ 'staff.regionCode': range }).limit(limit).lean<UserDoc[]>().exec(),
        m.User.find({ 'gridWorker.regionCode': range }).limit(limit).lean<UserDoc[]>().exec(),
      ]);
      return [...staff.filter((u) => u.roles.includes('staff')), ...grid.filter((u) => u.roles.includes('gridWorker'))];
    },

    /** Creates the user document if absent (keyed by `_id`, so a retry or race creates one). */
    ensureUser: (id: string) => insertWins(m.User, { _id: id, roles: ['resident'], createdAt: new Date() }),

    async grant(id: string, change: { roles: string[]; staff?: UserDoc['staff']; donor?: UserDoc['donor']; gridWorker?: UserDoc['gridWorker']; charity?: UserDoc['charity'] }): Promise<UserDoc | null> {
      const set: Record<string, unknown> = {};
      if (change.staff) set.staff = change.staff;
      if (change.gridWorker) set.gridWorker = change.gridWorker;
      if (change.charity) set.charity = change.charity;
      if (change.donor) set.donor = change.donor;
      return m.User.findByIdAndUpdate(id, { $addToSet: { roles: { $each: change.roles } }, ...(Object.keys(set).length ? { $set: set } : {}) }, { new: true })
        .lean<UserDoc>()
        .exec();
    },

    /** The openid behind an account (WeChat, or a development sign-in), for WeChat APIs that want one. */
    async openidOf(userId: string): Promise<string | null> {
      const identity = await m.Identity.findOne({ userId }).lean<{ _id: string }>().exec();
      return identity ? identity._id.replace(/^(wechat|dev):/, '') : null;
    },

    /** The sign-in identities of an account ("wechat:<openid>", "dev:<openid>"): whose face check may verify it. */
    async identityIdsOf(userId: string): Promise<string[]> {
      const found = await m.Identity.find({ userId }, { _id: 1 }).lean<{ _id: string }[]>().exec();
      return found.map((i) => i._id);
    },

    /** userId → WeChat openid, for those of the users who signed in with WeChat (identity `_id` = "wechat:<openid>"). */
    async wechatOpenIds(userIds: readonly string[]): Promise<Map<string, string>> {
      const wanted = new Set(userIds);
      const openids = new Map<string, string>();
      if (!wanted.size) return openids;
      const filter = { _id: { $gte: WECHAT, $lt: `${WECHAT}\uffff` }, ...(wanted.size <= IN_QUERY_MAX ? { userId: { $in: [...wanted] } } : {}) };
      for await (const i of m.Identity.find(filter).lean<{ _id: string; userId: string }[]>().cursor()) {
        if (wanted.has(i.userId)) openids.set(i.userId, i._id.slice(WECHAT.length));
      }
      return openids;
    },
  };
}
export type UserRepository = ReturnType<typeof userRepository>;
