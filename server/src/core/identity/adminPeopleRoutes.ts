import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DeactivateBody, DeactivationView, InvitationIdParams, InvitationList, InvitationListQuery, InvitationSummary, PeopleList, PeopleQuery, PersonIdParams } from '@dajiuzhu/shared';
import type { Services } from '../services';
import { actionContext } from '../auth/authPlugin';
import { bearer, errorResponses } from '../http/schemaHelpers';

/** The admin's desk beyond creating invitations (adminRoutes.ts): list and revoke them, list people, deactivate. */
export default async function adminPeopleRoutes(base: FastifyInstance, opts: { services: Services }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;

  app.get('/admin/staff-invitations', {
    preParsing: app.requireRole('admin'),
    schema: { tags: ['admin'], summary: '邀请列表（最新在前；邀请码本身只在创建时显示一次）', security: bearer, querystring: InvitationListQuery, response: { 200: InvitationList, ...errorResponses(401, 403) } },
  }, async (request) => services.people.invitations(actionContext(request), request.query));

  app.post('/admin/staff-invitations/:invitationId/revoke', {
    preParsing: app.requireRole('admin'),
    schema: {
      tags: ['admin'],
      summary: '撤销未使用的邀请（重复撤销结果相同；已使用的不能撤销）',
      security: bearer,
      params: InvitationIdParams,
      response: { 200: InvitationSummary, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => services.people.revokeInvitation(actionContext(request), request.params.invitationId));

  app.get('/admin/people', {
    preParsing: app.requireRole('admin'),
    schema: { tags: ['admin'], summary: '按身份和地区列出人员（姓名脱敏，留痕）', security: bearer, querystring: PeopleQuery, response: { 200: PeopleList, ...errorResponses(401, 403) } },
  }, async (request) => services.people.people(actionContext(request), request.query));

  app.post('/admin/people/:userId/deactivate', {
    preParsing: app.requireRole('admin'),
    schema: {
      tags: ['admin'],
      summary: '停用人员的工作身份（立即结束其全部登录会话；留痕）',
      security: bearer,
      params: PersonIdParams,
      body: DeactivateBody,
      response: { 200: DeactivationView, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => services.people.deactivate(actionContext(request), request.params.userId, request.body, services.tokens.revoke));
}
