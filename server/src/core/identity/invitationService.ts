import type { CreateInvitationBody, InvitationView } from '@dajiuzhu/shared';
import type { InvitationRepository } from './invitationRepository';
import type { UserRepository } from './userRepository';
import type { UserDoc } from '../models';
import { randomToken, sha256 } from '../crypto/pii';
import { AppError } from '../errors/AppError';
import type { AuditService } from '../audit/auditService';
import type { ActionContext } from '../context';

/** Admins invite staff; a person becomes staff by redeeming a code once. */
export function invitationService(deps: { invitations: InvitationRepository; users: UserRepository; audit: AuditService; ttlHours: number }) {
  return {
    async create(ctx: ActionContext, body: CreateInvitationBody): Promise<InvitationView> {
      const code = randomToken(12);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + deps.ttlHours * 3_600_000);
      await deps.invitations.create({ _id: sha256(code), level: body.level, regionCode: body.regionCode, note: body.note ?? '', createdBy: ctx.actor._id, createdAt: now, expiresAt });
      await deps.audit.record({ actorId: ctx.actor._id, action: 'staff.invitationCreate', requestId: ctx.requestId, details: { level: body.level, regionCode: body.regionCode } });
      return { code, level: body.level, regionCode: body.regionCode, expiresAt: expiresAt.toISOString() };
    },

    async redeem(ctx: ActionContext, code: string): Promise<UserDoc> {
      const id = sha256(code);
      const invitation = await deps.invitations.findById(id);
      if (!invitation || invitation.expiresAt.getTime() < Date.now()) throw new AppError('INVITATION_INVALID');
      if (!(await deps.invitations.redeem(id, ctx.actor._id))) throw new AppError('INVITATION_USED');
      const user = await deps.users.grant(ctx.actor._id, { roles: ['staff'], staff: { level: invitation.level, regionCode: invitation.regionCode } });
      await deps.audit.record({ actorId: ctx.actor._id, action: 'staff.invitationRedeem', subjectId: ctx.actor._id, requestId: ctx.requestId, details: { level: invitation.level, regionCode: invitation.regionCode } });
      return user!;
    },
  };
}
export type InvitationService = ReturnType<typeof invitationService>;
