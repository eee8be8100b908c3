import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AutoGrantBody, AutoGrantDeclineBody, AutoGrantIdParams, AutoGrantList, AutoGrantView, RegionOnlyQuery } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { AutoGrantService } from '../services/autoGrant';

/** 免审秒办: the person's grants and declining one; staff's list and keying a 残联 record by hand. */
export default async function autoGrantRoutes(base: FastifyInstance, opts: { grants: AutoGrantService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['autoGrant'];
  const staff = app.requireRole('staff');

  app.get('/me/auto-grants', {
    preParsing: app.authenticate,
    schema: { tags, summary: '免审秒办：无需申请、根据残联数据为我办理的补贴', security: bearer, response: { 200: AutoGrantList, ...errorResponses(401) } },
  }, async (request) => opts.grants.mine(actionContext(request)));

  app.post('/me/auto-grants/:grantId/decline', {
    preParsing: app.authenticate,
    schema: { tags, summary: '放弃免审办理的补贴（从下月起停止发放）', security: bearer, params: AutoGrantIdParams, body: AutoGrantDeclineBody, response: { 200: AutoGrantView, ...errorResponses(401, 404, 409) } },
  }, async (request) => opts.grants.decline(actionContext(request), request.params.grantId, request.body.note));

  app.get('/staff/auto-grants', {
    preParsing: staff,
    schema: { tags, summary: '免审秒办清单：本辖区无需申请发放的残疾人补贴（留痕）', security: bearer, querystring: RegionOnlyQuery, response: { 200: AutoGrantList, ...errorResponses(401, 403, 404) } },
  }, async (request) => opts.grants.listForStaff(actionContext(request), request.query.regionCode));

  app.post('/staff/auto-grants', {
    preParsing: staff,
    schema: { tags, summary: '按残联数据免审办理（手工录入一条记录）；已在享受的返回 409', security: bearer, body: AutoGrantBody, response: { 201: AutoGrantView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await opts.grants.grantByStaff(actionContext(request), request.body)));
}
