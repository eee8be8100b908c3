import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AdjustmentBody, DisbursementIdParams, DisbursementList, DisbursementListQuery, DisbursementView } from '@dajiuzhu/shared';
import type { LedgerService } from '../services/ledgerService';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** Staff view of the ledger: a person's disbursements (audited) and corrections as new rows. */
export default async function ledgerRoutes(base: FastifyInstance, opts: { ledger: LedgerService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const staff = app.requireRole('staff');
  app.get('/staff/ledger/disbursements', {
    preParsing: staff,
    schema: {
      tags: ['ledger'], summary: '辖区内某人的发放记录（分页；留痕）', description: '按月份排序；每页最多 500 条，用上一页返回的 nextOffset 取下一页。该账户须已实名核验。',
      security: bearer, querystring: DisbursementListQuery, response: { 200: DisbursementList, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => opts.ledger.listForPerson(actionContext(request), request.query));

  app.post('/staff/ledger/disbursements/:disbursementId/adjustments', {
    preParsing: staff,
    schema: { tags: ['ledger'], summary: '更正一笔发放（新增一条更正记录，原记录不变）', security: bearer, params: DisbursementIdParams, body: AdjustmentBody, response: { 201: DisbursementView, ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => reply.code(201).send(await opts.ledger.adjust(actionContext(request), request.params.disbursementId, request.body)));
}
