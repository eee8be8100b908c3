import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DataCheckBody, RecheckDecisionBody, RecheckIdParams, RecheckList, RecheckListQuery, RecheckView, RecheckVisitBody } from '@dajiuzhu/shared';
import type { StaffDesk } from '../services/staffDesk';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** The staff side of 复核: the region's queue and one recheck's steps (docs/recheck.md). */
export default async function staffRecheckRoutes(base: FastifyInstance, opts: { desk: StaffDesk }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const staff = app.requireRole('staff');
  const tags = ['recheck'];
  const { desk } = opts;

  app.get('/staff/rechecks', {
    preParsing: staff,
    schema: { tags, summary: '本辖区的复核任务（按期限；可只看超期的）', security: bearer, querystring: RecheckListQuery, response: { 200: RecheckList, ...errorResponses(401, 403) } },
  }, async (request) => desk.list(actionContext(request), request.query));

  app.get('/staff/rechecks/:id', {
    preParsing: staff,
    schema: { tags, summary: '复核任务详情', security: bearer, params: RecheckIdParams, response: { 200: RecheckView, ...errorResponses(401, 403, 404) } },
  }, async (request) => desk.get(actionContext(request), request.params.id));

  app.post('/staff/rechecks/:id/data-check', {
    preParsing: staff,
    schema: { tags, summary: '登记数据核对（家庭人口、核对的收入、是否稳定）', security: bearer, params: RecheckIdParams, body: DataCheckBody, response: { 200: RecheckView, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => desk.recordDataCheck(actionContext(request), request.params.id, request.body));

  app.post('/staff/rechecks/:id/visits', {
    preParsing: staff,
    schema: { tags, summary: '登记入户调查（需要时；数据核对之后）', security: bearer, params: RecheckIdParams, body: RecheckVisitBody, response: { 200: RecheckView, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request) => desk.recordVisit(actionContext(request), request.params.id, request.body));

  app.post('/staff/rechecks/:id/decision', {
    preParsing: staff,
    schema: {
      tags, summary: '复核结论：继续 / 自某月起调整金额 / 停止（调整和停止须逐条写明理由）', security: bearer, params: RecheckIdParams, body: RecheckDecisionBody,
      response: { 200: RecheckView, ...errorResponses(400, 401, 403, 404, 409) },
    },
  }, async (request) => desk.decide(actionContext(request), request.params.id, request.body));
}
