import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ActBody,
  ApplicationIdParams,
  ApplicationList,
  ApplicationView,
  ApproveBody,
  ExtendBody,
  GrantFirstBody,
  HomeVisitBody,
  ObjectionBody,
  RejectBody,
  RequestSupplementBody,
  ReviewBody,
  StaffApplicationView,
  StaffQueueQuery,
  SupervisionView,
} from '@dajiuzhu/shared';
import type { ApplicationService } from '../services/applicationService';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/**
 * The staff chain. Staff see and act only inside their region (404 outside); each step belongs to
 * a level (403 otherwise); a step out of order → 409 naming the current state; two staff acting at
 * once → one wins, the other 409 APPLICATION_CONFLICT. Every read of a case is audited.
 */
export default async function staffCaseRoutes(base: FastifyInstance, opts: { applications: ApplicationService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { applications } = opts;
  const tags = ['staff'];
  const staff = app.requireRole('staff');
  const acted = { 200: ApplicationView, ...errorResponses(401, 403, 404, 409) };

  app.get('/staff/applications', {
    preHandler: staff,
    schema: { tags, summary: '待办队列：按状态、项目、地区、是否超期筛选', security: bearer, querystring: StaffQueueQuery, response: { 200: ApplicationList, ...errorResponses(401, 403) } },
  }, async (request) => ({ applications: await applications.queue(actionContext(request), request.query) }));

  app.get('/staff/supervision', {
    preHandler: staff,
    schema: { tags, summary: '电子监察：超期环节和先行救助待补手续的案件', security: bearer, response: { 200: SupervisionView, ...errorResponses(401, 403) } },
  }, async (request) => applications.supervision(actionContext(request)));

  app.get('/staff/applications/:applicationId', {
    preHandler: staff,
    schema: { tags, summary: '案件详情（查看留痕）', security: bearer, params: ApplicationIdParams, response: { 200: StaffApplicationView, ...errorResponses(401, 403, 404) } },
  }, async (request) => applications.staffGet(actionContext(request), request.params.applicationId));

  const route = <B>(path: string, summary: string, body: B) => ({ path, schema: { tags, summary, security: bearer, params: ApplicationIdParams, body, response: acted }, preHandler: staff });

  const r1 = route('/staff/applications/:applicationId/accept', '受理（乡镇/街道）', ActBody);
  app.post(r1.path, { preHandler: r1.preHandler, schema: r1.schema }, async (req) => applications.accept(actionContext(req), req.params.applicationId, req.body));

  const r2 = route('/staff/applications/:applicationId/request-supplement', '一次性告知需补正的全部材料（乡镇/街道）', RequestSupplementBody);
  app.post(r2.path, { preHandler: r2.preHandler, schema: r2.schema }, async (req) => applications.requestSupplement(actionContext(req), req.params.applicationId, req.body));

  const r3 = route('/staff/applications/:applicationId/home-visit', '登记入户调查（至少两人，乡镇/街道）', HomeVisitBody);
  app.post(r3.path, { preHandler: r3.preHandler, schema: r3.schema }, async (req) => applications.recordHomeVisit(actionContext(req), req.params.applicationId, req.body));

  const r4 = route('/staff/applications/:applicationId/review', '审核（乡镇/街道）', ReviewBody);
  app.post(r4.path, { preHandler: r4.preHandler, schema: r4.schema }, async (req) => applications.review(actionContext(req), req.params.applicationId, req.body));

  const r5 = route('/staff/applications/:applicationId/public-notice', '开始公示（7天，乡镇/街道）', ActBody);
  app.post(r5.path, { preHandler: r5.preHandler, schema: r5.schema }, async (req) => applications.startPublicNotice(actionContext(req), req.params.applicationId, req.body));

  const r6 = route('/staff/applications/:applicationId/objection', '登记公示异议：重新调查，之后重新公示', ObjectionBody);
  app.post(r6.path, { preHandler: r6.preHandler, schema: r6.schema }, async (req) => applications.raiseObjection(actionContext(req), req.params.applicationId, req.body));

  const r7 = route('/staff/applications/:applicationId/approve', '审批通过（县级），生成救助待遇', ApproveBody);
  app.post(r7.path, { preHandler: r7.preHandler, schema: r7.schema }, async (req) => applications.approve(actionContext(req), req.params.applicationId, req.body));

  const r8 = route('/staff/applications/:applicationId/reject', '不予批准（县级，书面理由送达申请人）', RejectBody);
  app.post(r8.path, { preHandler: r8.preHandler, schema: r8.schema }, async (req) => applications.reject(actionContext(req), req.params.applicationId, req.body));

  const r9 = route('/staff/applications/:applicationId/grant-first', '先行救助（急难型临时救助）', GrantFirstBody);
  app.post(r9.path, { preHandler: r9.preHandler, schema: r9.schema }, async (req) => applications.grantFirst(actionContext(req), req.params.applicationId, req.body));

  const r10 = route('/staff/applications/:applicationId/extend', '延长办理时限至45个工作日（县级，需说明理由）', ExtendBody);
  app.post(r10.path, { preHandler: r10.preHandler, schema: r10.schema }, async (req) => applications.extendDeadline(actionContext(req), req.params.applicationId, req.body));
}
