import type { DeactivateBody, DeactivationView, InvitationList, InvitationListQuery, InvitationStatus, InvitationSummary, PeopleList, PeopleQuery, PersonSummary, WorkRole } from '@dajiuzhu/shared';
import { maskName, regionCovers, regionName } from '@dajiuzhu/shared';
import type { InvitationDoc, RedemptionDoc, UserDoc } from '../models';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';
import { AppError } from '../errors/AppError';
import { REVOKED_PREFIX, type PeopleRepository } from './peopleRepository';

/** At most this many holders of one role are read for one list (a city has hundreds of staff, not tens of thousands). */
const ROLE_SCAN_MAX = 2000;

/** The work role an invitation grants: staff unless the invitation names another (grid workers, charities). */
function invitationRole(doc: InvitationDoc): WorkRole {
  return ((doc as InvitationDoc & { role?: WorkRole }).role ?? 'staff');
}

function statusOf(doc: InvitationDoc, redemption: RedemptionDoc | undefined, now: number): InvitationStatus {
  if (redemption) return redemption.userId.startsWith(REVOKED_PREFIX) ? 'revoked' : 'redeemed';
  return doc.expiresAt.getTime() < now ? 'expired' : 'open';
}

function summary(doc: InvitationDoc, redemption: RedemptionDoc | undefined, now: number): InvitationSummary {
  const role = invitationRole(doc);
  return {
    id: doc._id,
    role,
    ...(role === 'staff' && doc.level ? { level: doc.level } : {}),
    regionCode: doc.regionCode,
    regionName: regionName(doc.regionCode),
    note: doc.note ?? '',
    createdAt: doc.createdAt.toISOString(),
    expiresAt: doc.expiresAt.toISOString(),
    status: statusOf(doc, redemption, now),
    ...(redemption ? { closedAt: redemption.at.toISOString() } : {}),
  };
}

/** Where a person works: a staff member's region; other work roles keep theirs under their role's name. */
function workRegion(user: UserDoc): { level?: string; regionCode?: string } {
  if (user.staff?.regionCode) return { level: user.staff.level, regionCode: user.staff.regionCode };
  const other = user as UserDoc & { gridWorker?: { regionCode?: string } | null; charity?: { regionCode?: string } | null };
  const regionCode = other.gridWorker?.regionCode ?? other.charity?.regionCode;
  return regionCode ? { regionCode } : {};
}

function personSummary(user: UserDoc, name: string | undefined): PersonSummary {
  const where = workRegion(user);
  return {
    id: user._id,
    roles: user.roles,
    ...(name ? { nameMasked: maskName(name) } : {}),
    ...(where.level ? { level: where.level } : {}),
    ...(where.regionCode ? { regionCode: where.regionCode, regionName: regionName(where.regionCode) } : {}),
    createdAt: user.createdAt.toISOString(),
  };
}

/**
 * The system administrator's desk: invitations listed and revoked, the people holding a work role
 * listed by role and region, and a role taken away (which ends the person's sessions at once).
 * Every read of people and every change is audited.
 */
export function peopleService(deps: { people: PeopleRepository; audit: AuditService }) {
  return {
    async invitations(ctx: ActionContext, query: InvitationListQuery): Promise<InvitationList> {
      const limit = query.limit ?? 50;
      // A status filter reads further back so a page of, say, open invitations is not cut short by redeemed ones.
      const docs = await deps.people.recentInvitations(query.status ? Math.min(limit * 10, 2000) : limit);
      const redemptions = new Map((await deps.people.redemptionsOf(docs.map((d) => d._id))).map((r) => [r._id, r]));
      const now = Date.now();
      const all = docs.map((d) => summary(d, redemptions.get(d._id), now));
      return { invitations: (query.status ? all.filter((i) => i.status === query.status) : all).slice(0, limit) };
    },

    /** Revoking is idempotent (a retry answers the same); a redeemed code cannot be revoked (409: deactivate the person instead). */
    async revokeInvitation(ctx: ActionContext, id: string): Promise<InvitationSummary> {
      const doc = await deps.people.findInvitation(id);
      if (!doc) throw new AppError('INVITATION_INVALID');
      const won = await deps.people.revoke(id, ctx.actor._id);
      const redemption = (await deps.people.findRedemption(id)) ?? undefined;
      if (!won && redemption && !redemption.userId.startsWith(REVOKED_PREFIX)) throw new AppError('INVITATION_USED', { message: '该邀请码已被使用，不能撤销；如需取消其身份，请在人员列表中停用' });
      if (won) await deps.audit.record({ actorId: ctx.actor._id, action: 'staff.invitationRevoke', requestId: ctx.requestId, details: { invitation: id.slice(0, 12), role: invitationRole(doc), regionCode: doc.regionCode } });
      return summary(doc, redemption, Date.now());
    },

    async people(ctx: ActionContext, query: PeopleQuery): Promise<PeopleList> {
      const limit = query.limit ?? 100;
      const holders = (await deps.people.withRole(query.role, ROLE_SCAN_MAX)).filter((u) => {
        if (!query.regionCode) return true;
        const where = workRegion(u).regionCode;
        return !!where && regionCovers(query.regionCode, where);
      }).slice(0, limit);
      const names = new Map((await deps.people.profilesOf(holders.map((u) => u._id))).map((p) => [p._id, p.name]));
      await deps.audit.record({ actorId: ctx.actor._id, action: 'admin.peopleList', requestId: ctx.requestId, details: { role: query.role, regionCode: query.regionCode ?? '', count: holders.length } });
      return { people: holders.map((u) => personSummary(u, names.get(u._id))) };
    },

    /**
     * Takes a work role away and ends every live session of the account, so the change holds on
     * every phone at once (each request reads the roles afresh; ending the sessions also signs the
     * person out of screens that would still show the old desk). Idempotent: a role already gone
     * answers 200 with nothing ended. `endSession` is the token service's revoke (it also clears
     * this process's session cache).
     */
    async deactivate(ctx: ActionContext, userId: string, body: DeactivateBody, endSession: (sessionId: string, reason: string) => Promise<void>): Promise<DeactivationView> {
      if (userId === ctx.actor._id) throw new AppError('SELF_DEACTIVATION');
      const user = await deps.people.findUser(userId);
      if (!user) throw new AppError('PERSON_NOT_FOUND');
      const profile = await deps.people.findProfile(userId);
      if (!user.roles.includes(body.role)) return { person: personSummary(user, profile?.name), sessionsEnded: 0 };
      const updated = (await deps.people.removeRole(userId, body.role)) ?? user;
      const sessions = await deps.people.liveSessions(userId);
      for (const s of sessions) await endSession(s._id, 'role deactivated');
      await deps.audit.record({
        actorId: ctx.actor._id,
        action: 'admin.deactivate',
        subjectId: userId,
        requestId: ctx.requestId,
        details: { role: body.role, reason: body.reason, sessionsEnded: sessions.length, ...(user.staff?.regionCode ? { regionCode: user.staff.regionCode } : {}) },
      });
      return { person: personSummary(updated, profile?.name), sessionsEnded: sessions.length };
    },
  };
}
export type PeopleService = ReturnType<typeof peopleService>;
