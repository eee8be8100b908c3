import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdentityConflictList, IdentityConflictQuery, InPersonVerificationBody, PersonIdParams, RedeemInvitationBody, SignInResponse, StaffPersonView } from '@dajiuzhu/shared';
import type { Services } from '../services';
import { actionContext } from '../auth/authPlugin';
import { bearer, errorResponses } from '../http/schemaHelpers';

export default async function staffRoutes(base: FastifyInstance, opts: { services: Services }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;

  app.post('/staff-invitations/redeem', {
    preParsing: app.authenticate,
    schema: { tags: ['staff'], summary: '使用邀请码成为工作人员', security: bearer, body: RedeemInvitationBody, response: { 200: SignInResponse, ...errorResponses(401, 404, 409) } },
  }, async (request) => {
    const user = await services.invitations.redeem(actionContext(request), request.body.code);
    // A fresh session so the new role shows at once; the old one ends.
    await services.tokens.revoke(request.sessionId, 'role changed');
    return { ...(await services.tokens.startSession(user._id)), user: await services.users.view(user) };
  });

  app.get('/staff/people/:userId', {
    preParsing: app.requireRole('staff'),
    schema: { tags: ['staff'], summary: '查看辖区内居民的实名信息（脱敏，留痕）', security: bearer, params: PersonIdParams, response: { 200: StaffPersonView, ...errorResponses(401, 403, 404) } },
  }, async (request) => services.staff.readPerson(actionContext(request), request.params.userId));

  app.post('/staff/people/:userId/identity-verification', {
    preParsing: app.requireRole('staff'),
    schema: {
      tags: ['staff'],
      summary: '当面核验居民身份（看过身份证或户口簿；限辖区，留痕）',
      security: bearer,
      params: PersonIdParams,
      body: InPersonVerificationBody,
      response: { 200: StaffPersonView, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => services.identity.verifyInPerson(actionContext(request), request.params.userId, request.body));

  app.get('/staff/identity-conflicts', {
    preParsing: app.requireRole('staff'),
    schema: { tags: ['staff'], summary: '身份核验冲突（同一身份证号第二个账号核验被拒；限辖区，留痕）', security: bearer, querystring: IdentityConflictQuery, response: { 200: IdentityConflictList, ...errorResponses(401, 403) } },
  }, async (request) => services.identity.conflicts(actionContext(request), request.query));
}
