import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AlertDetailView, AlertIdParams, RecordVisitBody, TaskList } from '@dajiuzhu/shared';
import type { TaskService } from '../services/tasks';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** The grid worker's tasks (网格员; a staff member an alert is assigned to uses the same routes). */
export default async function taskRoutes(base: FastifyInstance, opts: { tasks: TaskService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const worker = app.requireRole('gridWorker', 'staff');
  const tags = ['monitoring'];

  app.get('/monitoring/tasks', {
    preParsing: worker,
    schema: { tags, summary: '我的核查任务（按期限）', security: bearer, response: { 200: TaskList, ...errorResponses(401, 403) } },
  }, async (request) => opts.tasks.list(actionContext(request)));

  app.get('/monitoring/tasks/:alertId', {
    preParsing: worker,
    schema: { tags, summary: '核查任务详情（家庭情况已按数据预填）', security: bearer, params: AlertIdParams, response: { 200: AlertDetailView, ...errorResponses(401, 403, 404) } },
  }, async (request) => opts.tasks.get(actionContext(request), request.params.alertId));

  app.post('/monitoring/tasks/:alertId/visits', {
    preParsing: worker,
    schema: { tags, summary: '登记入户核查和结果', security: bearer, params: AlertIdParams, body: RecordVisitBody, response: { 201: AlertDetailView, ...errorResponses(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await opts.tasks.recordVisit(actionContext(request), request.params.alertId, request.body)));
}
