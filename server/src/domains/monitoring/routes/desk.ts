import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Readable } from 'node:stream';
import {
  AlertDetailView, AlertIdParams, AlertList, AlertListQuery, AssignBody, AssigneeList, AssigneeQuery, AlertConfirmBody, DashboardQuery, FeedbackQuery, MonitoringDashboard, ReasonBody,
} from '@dajiuzhu/shared';
import type { DeskService } from '../services/desk';
import type { DashboardService } from '../services/dashboard';
import type { feedbackService } from '../services/feedback';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** The township's alert desk, the county's dashboard and the departments' feedback (staff, inside their region). */
export default async function deskRoutes(base: FastifyInstance, opts: { desk: DeskService; dashboard: DashboardService; feedback: ReturnType<typeof feedbackService> }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { desk } = opts;
  const staff = app.requireRole('staff');
  const tags = ['monitoring'];

  app.get('/staff/monitoring/alerts', {
    preParsing: staff,
    schema: { tags, summary: '预警台：本辖区的预警（红色在前，再按期限）', security: bearer, querystring: AlertListQuery, response: { 200: AlertList, ...errorResponses(401, 403, 404) } },
  }, async (request) => desk.list(actionContext(request), request.query));

  app.get('/staff/monitoring/alerts/:alertId', {
    preParsing: staff,
    schema: { tags, summary: '预警详情：证据、核查记录、可进行的操作（留痕）', security: bearer, params: AlertIdParams, response: { 200: AlertDetailView, ...errorResponses(401, 403, 404) } },
  }, async (request) => desk.get(actionContext(request), request.params.alertId));

  app.get('/staff/monitoring/assignees', {
    preParsing: staff,
    schema: { tags, summary: '可分派的网格员和工作人员', security: bearer, querystring: AssigneeQuery, response: { 200: AssigneeList, ...errorResponses(401, 403, 404) } },
  }, async (request) => desk.assignees(actionContext(request), request.query.regionCode));

  app.post('/staff/monitoring/alerts/:alertId/assign', {
    preParsing: staff,
    schema: { tags, summary: '分派给网格员或工作人员核查', security: bearer, params: AlertIdParams, body: AssignBody, response: { 200: AlertDetailView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => desk.assign(actionContext(request), request.params.alertId, request.body));

  app.post('/staff/monitoring/alerts/:alertId/confirm', {
    preParsing: staff,
    schema: { tags, summary: '确认核查结果，办结', security: bearer, params: AlertIdParams, body: AlertConfirmBody, response: { 200: AlertDetailView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => desk.confirm(actionContext(request), request.params.alertId, request.body.note));

  app.post('/staff/monitoring/alerts/:alertId/return', {
    preParsing: staff,
    schema: { tags, summary: '退回重新核查', security: bearer, params: AlertIdParams, body: ReasonBody, response: { 200: AlertDetailView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => desk.returnForRevisit(actionContext(request), request.params.alertId, request.body.reason));

  app.post('/staff/monitoring/alerts/:alertId/dismiss', {
    preParsing: staff,
    schema: { tags, summary: '直接办结（无需核查，写明原因）', security: bearer, params: AlertIdParams, body: ReasonBody, response: { 200: AlertDetailView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => desk.dismiss(actionContext(request), request.params.alertId, request.body.reason));

  app.get('/staff/monitoring/dashboard', {
    preParsing: staff,
    schema: { tags, summary: '监测看板（县级及以上）', security: bearer, querystring: DashboardQuery, response: { 200: MonitoringDashboard, ...errorResponses(401, 403, 404) } },
  }, async (request) => opts.dashboard.get(actionContext(request), request.query.regionCode));

  app.get('/staff/monitoring/feedback.csv', {
    preParsing: staff,
    schema: { tags, summary: '向数据来源部门反馈核查结果（CSV 下载）', security: bearer, querystring: FeedbackQuery, response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    const ctx = actionContext(request);
    const gen = opts.feedback.csv(ctx, request.query.source, request.query.regionCode);
    const first = await gen.next(); // the scope check runs before any header is sent: outside the region, a 404 envelope
    const body = Readable.from((async function* () { if (!first.done) yield first.value; yield* gen; })());
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`核查结果反馈-${request.query.source}.csv`)}`)
      .send(body);
  });
}
