import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PledgeBody, PledgeView, ProjectIdParams } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { CharityServices } from '../services/charityServices';

/** Matching pledges (配捐) by company donor accounts. */
export default async function pledgeRoutes(base: FastifyInstance, opts: { charity: CharityServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { charity } = opts;

  app.post('/charity/projects/:id/pledges', {
    preParsing: app.authenticate,
    schema: {
      tags: ['charity'], security: bearer, params: ProjectIdParams, body: PledgeBody,
      summary: '企业承诺配捐：按比例配捐该项目已确认的捐款，不超过上限（每家企业每个项目一次；同样的条件重试：200）',
      response: { 201: PledgeView, 200: PledgeView, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    const { pledge, created } = await charity.pledges.pledge(actionContext(request), request.params.id, request.body);
    return reply.code(created ? 201 : 200).send(pledge);
  });
}
