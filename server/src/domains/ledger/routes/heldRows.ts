import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HeldRowConfirmBody, HeldRowIdParams, HeldRowList, HeldRowQuery, HeldRowRefuseBody, HeldRowView } from '@dajiuzhu/shared';
import type { HeldRowService } from '../services/heldRows';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** Imported rows held because the name differs from the matched person's: staff of the region list them (audited) and confirm or refuse each once. */
export default async function heldRowRoutes(base: FastifyInstance, opts: { held: HeldRowService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const staff = app.requireRole('staff');
  const tags = ['ledger'];

  app.get('/staff/ledger/held-rows', {
    preParsing: staff,
    schema: {
      tags, summary: '姓名不一致、暂未入账的导入行（分页；查看留痕）', description: '文件中的姓名与身份证号对应的救助对象不一致时，该行不入账，在此等待工作人员核对。',
      security: bearer, querystring: HeldRowQuery, response: { 200: HeldRowList, ...errorResponses(401, 403) },
    },
  }, async (request) => opts.held.list(actionContext(request), request.query));

  app.post('/staff/ledger/held-rows/:heldRowId/confirm', {
    preParsing: staff,
    schema: { tags, summary: '核对无误，确认入账（按导入时的内容入账一次；留痕）', security: bearer, params: HeldRowIdParams, body: HeldRowConfirmBody, response: { 200: HeldRowView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => opts.held.confirm(actionContext(request), request.params.heldRowId, request.body.note));

  app.post('/staff/ledger/held-rows/:heldRowId/refuse', {
    preParsing: staff,
    schema: { tags, summary: '拒绝入账（附原因；留痕）', security: bearer, params: HeldRowIdParams, body: HeldRowRefuseBody, response: { 200: HeldRowView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => opts.held.refuse(actionContext(request), request.params.heldRowId, request.body.reason));
}
