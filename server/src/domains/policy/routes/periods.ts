import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AddedPolicyPeriod, AddPolicyPeriodBody } from '@dajiuzhu/shared';
import type { PolicyStandardsStore } from '../services/policyStandardsStore';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

export default async function policyAdminRoutes(base: FastifyInstance, opts: { store: PolicyStandardsStore }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/admin/policy/periods', {
    preParsing: app.requireRole('admin'),
    schema: {
      tags: ['admin', 'policy'],
      summary: '新增某地区一个时期的救助标准（从生效日起适用；过去的标准不变）',
      security: bearer,
      body: AddPolicyPeriodBody,
      response: { 201: AddedPolicyPeriod, ...errorResponses(401, 403, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await opts.store.addPeriod(actionContext(request), request.body)));
}
