import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS, type DevSignInBody, type DonorInput, type UserView } from '@dajiuzhu/shared';
import type { ActionContext } from '../context';
import type { AuditService } from '../audit/auditService';
import type { UserDoc, ProfileDoc } from '../models';
import type { UserRepository } from './userRepository';
import type { ProfileRepository } from './profileRepository';
import { AppError } from '../errors/AppError';
import { toProfileView } from './profileService';

export function userService(deps: { users: UserRepository; profiles: ProfileRepository; audit: AuditService }) {
  return {
    /** The account behind an external identity, created on first sign-in. */
    async accountFor(identityId: string): Promise<UserDoc> {
      const { userId } = await deps.users.findOrCreateIdentity(identityId, randomUUID());
      await deps.users.ensureUser(userId);
      return (await deps.users.findById(userId))!;
    },

    /** Development sign-in may grant a demo role; production never registers that route. */
    async grantDemoRole(user: UserDoc, body: DevSignInBody): Promise<UserDoc> {
      switch (body.role) {
        case undefined:
        case 'resident':
          return user;
        case 'donor': {
          // The name a donor chose stays (a demo sign-in again must not rename them); a demo donor is
          // called what the demo screen calls them ("爱心人士 张先生" → 张先生), so the certificate and
          // the thanks ("谢谢张先生") name the same person.
          const demoName = DEMO_ACCOUNTS.find((a) => a.openid === body.openid && a.role === 'donor')?.label.split(' ')[1];
          const displayName = user.donor?.displayName ?? demoName ?? (body.donorKind === 'company' ? '爱心企业' : '爱心人士');
          return (await deps.users.grant(user._id, { roles: ['donor'], donor: { kind: user.donor?.kind ?? body.donorKind ?? 'person', displayName } }))!;
        }
        case 'staff':
          if (!body.regionCode) throw new AppError('VALIDATION_FAILED', { message: '工作人员账号需要指定所属行政区划代码', details: { fields: [{ path: '/regionCode', rule: 'required' }] } });
          return (await deps.users.grant(user._id, { roles: ['staff'], staff: { level: body.level ?? 'township', regionCode: body.regionCode } }))!;
        case 'admin':
          return (await deps.users.grant(user._id, { roles: ['admin'] }))!;
        case 'charity':
          // An organisation comes only from an admin's invitation (the demo seed redeems one): signing in keeps what the account has.
          return user;
        case 'gridWorker':
          if (!body.regionCode) throw new AppError('VALIDATION_FAILED', { message: '网格员账号需要指定所在村（社区）的行政区划代码', details: { fields: [{ path: '/regionCode', rule: 'required' }] } });
          return (await deps.users.grant(user._id, { roles: ['gridWorker'], gridWorker: { regionCode: body.regionCode } }))!;
      }
    },

    findById: deps.users.findById,
    /** Staff and grid workers inside a region range (monitoring: whom an alert can be assigned to). */
    workersWithin: deps.users.workersWithin,
    /** userId → WeChat openid (for subscribe messages), for the users who signed in with WeChat. */
    wechatOpenIds: deps.users.wechatOpenIds,
    openidOf: deps.users.openidOf,

    async becomeDonor(ctx: ActionContext, input: DonorInput): Promise<UserDoc> {
      const displayName = input.anonymous ? (input.kind === 'company' ? '爱心企业' : '爱心人士') : input.displayName.trim();
      const user = await deps.users.grant(ctx.actor._id, { roles: ['donor'], donor: { kind: input.kind, displayName } });
      await deps.audit.record({ actorId: ctx.actor._id, action: 'donor.register', subjectId: ctx.actor._id, requestId: ctx.requestId, details: { kind: input.kind } });
      return user!;
    },

    async view(user: UserDoc, profile?: ProfileDoc | null): Promise<UserView> {
      const p = profile === undefined ? await deps.profiles.findById(user._id) : profile;
      return {
        id: user._id,
        roles: user.roles as UserView['roles'],
        ...(user.staff ? { staff: user.staff } : {}),
        ...(user.gridWorker ? { gridWorker: user.gridWorker } : {}),
        ...(user.charity ? { charity: { organizationId: user.charity.organizationId, regionCode: user.charity.regionCode } } : {}),
        ...(user.donor ? { donor: user.donor } : {}),
        ...(p ? { profile: toProfileView(p) } : {}),
        createdAt: user.createdAt.toISOString(),
      };
    },
  };
}
export type UserService = ReturnType<typeof userService>;
