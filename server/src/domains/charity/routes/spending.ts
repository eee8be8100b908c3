import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProjectIdParams, SpendingBody, SpendingList, SpendingView } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { CharityServices } from '../services/charityServices';

/** The organisation records its project's spending; aid to a named person reaches their 幸福清单. */
export default async function spendingRoutes(base: FastifyInstance, opts: { charity: CharityServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { charity } = opts;
  const tags = ['charity'];
  const org = app.requireRole('charity');

  app.post('/charity/organization/projects/:id/spending', {
    preParsing: org,
    schema: {
      tags, security: bearer, params: ProjectIdParams, body: SpendingBody,
      summary: '记录一笔支出（合计不能超过已筹善款：409 CHARITY_SPENDING_OVER_RAISED）；救助到人的记入受助人的幸福清单（其他帮扶）。同一 requestKey 重试：200，不重复记录',
      response: { 201: SpendingView, 200: SpendingView, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { line, created } = await charity.spending.record(actionContext(request), request.params.id, request.body);
    return reply.code(created ? 201 : 200).send(line);
  });

  app.get('/charity/organization/projects/:id/spending', {
    preParsing: org,
    schema: { tags, summary: '本机构项目的支出明细（受助人姓名已脱敏，不含身份证号）', security: bearer, params: ProjectIdParams, response: { 200: SpendingList, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => charity.spending.list(actionContext(request), request.params.id));
}
