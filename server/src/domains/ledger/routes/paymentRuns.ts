import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { LedgerJobView, PaymentRunBody } from '@dajiuzhu/shared';
import type { PaymentRunService } from '../services/paymentRunService';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

export default async function paymentRunRoutes(base: FastifyInstance, opts: { runs: PaymentRunService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/staff/payment-runs', {
    preParsing: app.requireRole('staff'),
    schema: {
      tags: ['ledger'], summary: '按月发放：为本辖区每个有效待遇生成一笔发放（重复运行只发一次）',
      description: '还未到的月份不能发放：409 LEDGER_PERIOD_NOT_YET（按北京时间的当前月份判断）。',
      security: bearer, body: PaymentRunBody, response: { 202: LedgerJobView, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request, reply) => reply.code(202).send(await opts.runs.start(actionContext(request), request.body.period, request.body.regionCode)));
}
