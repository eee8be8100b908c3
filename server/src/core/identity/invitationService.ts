import { isCreditCode, type CreateInvitationBody, type InvitationView } from '@dajiuzhu/shared';
import type { InvitationRepository } from './invitationRepository';
import type { UserRepository } from './userRepository';
import type { InvitationDoc, UserDoc } from '../models';
import { randomToken, sha256 } from '../crypto/pii';
import { AppError } from '../errors/AppError';
import { REVOKED_PREFIX } from './peopleRepository';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';

/**
 * What a domain does when a code of its role is redeemed, before the role is granted: the charity
 * domain creates (or finds) the organisation the invitation names and answers the account's binding.
 */
export type CharityRedeemHook = (ctx: ActionContext, invitation: InvitationDoc) => Promise<{ organizationId: string; regionCode: string }>;

/** Admins invite staff; a person becomes staff by redeeming a code once. */
export function invitationService(deps: { invitations: InvitationRepository; users: UserRepository; audit: AuditService; ttlHours: number }) {
  let charityHook: CharityRedeemHook | null = null;
  async function charityBinding(ctx: ActionContext, invitation: InvitationDoc) {
    // Without the charity domain there is nothing to act for (never the case in a full app).
    if (!charityHook || !invitation.organization) throw new AppError('INVITATION_INVALID');
    return charityHook(ctx, invitation);
  }
  return {
    /** Set once by the charity domain at start (core knows no domain). */
    onCharityRedeem(hook: CharityRedeemHook): void { charityHook = hook; },

    async create(ctx: ActionContext, body: CreateInvitationBody): Promise<InvitationView> {
      // The schema tells the two bodies apart: staff carry a level, a grid worker a 9/12-digit region.
      const role = body.role ?? 'staff';
      const level = body.role === 'gridWorker' || body.role === 'charity' ? 'township' : body.level;
      const organization = body.role === 'charity' ? body.organization : null;
      if (organization && !isCreditCode(organization.creditCode)) {
        throw new AppError('CHARITY_CREDIT_CODE_INVALID', { details: { fields: [{ path: '/organization/creditCode', rule: 'checkDigit' }] } });
      }
      const code = randomToken(12);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + deps.ttlHours * 3_600_000);
      await deps.invitations.create({ _id: sha256(code), role, level, regionCode: body.regionCode, organization, note: body.note ?? '', createdBy: ctx.actor._id, createdAt: now, expiresAt });
      await deps.audit.record({ actorId: ctx.actor._id, action: 'staff.invitationCreate', requestId: ctx.requestId, details: { role, level, regionCode: body.regionCode } });
      return { code, role, level, regionCode: body.regionCode, expiresAt: expiresAt.toISOString() };
    },

    async redeem(ctx: ActionContext, code: string): Promise<UserDoc> {
      const id = sha256(code);
      const invitation = await deps.invitations.findById(id);
      if (!invitation || invitation.expiresAt.getTime() < Date.now()) throw new AppError('INVITATION_INVALID');
      if (!(await deps.invitations.redeem(id, ctx.actor._id))) {
        // A revoked code holds its redemption row as "revoked:<admin>": to the person it no longer exists.
        const by = (await deps.invitations.redemption(id))?.userId ?? '';
        throw new AppError(by.startsWith(REVOKED_PREFIX) ? 'INVITATION_INVALID' : 'INVITATION_USED');
      }
      const user = invitation.role === 'gridWorker'
        ? await deps.users.grant(ctx.actor._id, { roles: ['gridWorker'], gridWorker: { regionCode: invitation.regionCode } })
        : invitation.role === 'charity'
          ? await deps.users.grant(ctx.actor._id, { roles: ['charity'], charity: await charityBinding(ctx, invitation) })
          : await deps.users.grant(ctx.actor._id, { roles: ['staff'], staff: { level: invitation.level, regionCode: invitation.regionCode } });
      await deps.audit.record({ actorId: ctx.actor._id, action: 'staff.invitationRedeem', subjectId: ctx.actor._id, requestId: ctx.requestId, details: { level: invitation.level, regionCode: invitation.regionCode } });
      return user!;
    },
  };
}
export type InvitationService = ReturnType<typeof invitationService>;
