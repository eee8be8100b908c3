import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import {
  ActBody,
  ApplicationIdParams,
  ApplicationView,
  ApproveBody,
  ExtendBody,
  GrantFirstBody,
  HomeVisitBody,
  ObjectionBody,
  RejectBody,
  RequestSupplementBody,
  ReviewBody,
  StaffApplicationList,
  StaffApplicationView,
  StaffQueueQuery,
  SupervisionView,
} from '@dajiuzhu/shared';
import type { ApplicationService } from '../services/applicationService';
import type { StaffAction, StaffActionBodies } from '../services/staffActions';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** One staff action's endpoint: POST /staff/applications/:applicationId/<path>. */
interface ActionRoute<K extends StaffAction> { action: K; path: string; summary: string; body: TSchema & { static: StaffActionBodies[K] } }
const row = <K extends StaffAction>(action: K, path: string, summary: string, body: ActionRoute<K>['body']): ActionRoute<K> => ({ action, path, summary, body });

const ACTION_ROUTES = [
  row('accept', 'accept', '受理（乡镇/街道）', ActBody),
  row('requestSupplement', 'request-supplement', '一次性告知需补正的全部材料（乡镇/街道）', RequestSupplementBody),
  row('recordHomeVisit', 'home-visit', '登记入户调查（至少两人，乡镇/街道）', HomeVisitBody),
  row('review', 'review', '审核（乡镇/街道）', ReviewBody),
  row('startPublicNotice', 'public-notice', '开始公示（7天，乡镇/街道）', ActBody),
  row('raiseObjection', 'objection', '登记公示异议：重新调查，之后重新公示', ObjectionBody),
  row('approve', 'approve', '审批通过（县级），生成救助待遇', ApproveBody),
  row('reject', 'reject', '不予批准（县级，书面理由送达申请人）', RejectBody),
  row('grantFirst', 'grant-first', '先行救助（急难型临时救助）', GrantFirstBody),
  row('extendDeadline', 'extend', '延长办理时限至45个工作日（县级，需说明理由）', ExtendBody),
];

/**
 * The staff chain. Staff see and act only inside their region (404 outside); each step belongs to
 * a level (403 otherwise); a step out of order → 409 naming the current state; two staff acting at
 * once → one wins, the other 409 APPLICATION_CONFLICT. Every read of a case is audited.
 */
export default async function staffCaseRoutes(base: FastifyInstance, opts: { applications: ApplicationService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { staff: cases } = opts.applications;
  const tags = ['staff'];
  const staff = app.requireRole('staff');

  app.get('/staff/applications', {
    preParsing: staff,
    schema: { tags, summary: '待办队列：按状态、项目、地区、是否超期筛选；标出重复申请（duplicateOf）；每页查看留痕', security: bearer, querystring: StaffQueueQuery, response: { 200: StaffApplicationList, ...errorResponses(401, 403) } },
  }, async (request) => ({ applications: await cases.queue(actionContext(request), request.query) }));

  app.get('/staff/supervision', {
    preParsing: staff,
    schema: { tags, summary: '电子监察：超期环节和先行救助待补手续的案件（查看留痕）', security: bearer, response: { 200: SupervisionView, ...errorResponses(401, 403) } },
  }, async (request) => cases.supervision(actionContext(request)));

  app.get('/staff/applications/:applicationId', {
    preParsing: staff,
    schema: { tags, summary: '案件详情（查看留痕）', security: bearer, params: ApplicationIdParams, response: { 200: StaffApplicationView, ...errorResponses(401, 403, 404) } },
  }, async (request) => cases.get(actionContext(request), request.params.applicationId));

  // The row ties each action to its body schema, so the validated body is that action's body.
  const declare = <K extends StaffAction>(r: ActionRoute<K>) =>
    app.post(`/staff/applications/:applicationId/${r.path}`, {
      preParsing: staff,
      schema: { tags, summary: r.summary, security: bearer, params: ApplicationIdParams, body: r.body, response: { 200: ApplicationView, ...errorResponses(401, 403, 404, 409) } },
    }, async (request) => cases.act(actionContext(request), request.params.applicationId, r.action, request.body as StaffActionBodies[K]));
  for (const r of ACTION_ROUTES) declare(r);
}
