import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ActBody,
  APPLICATION_PROGRAMMES,
  ApplicationIdParams,
  ApplicationList,
  ApplicationView,
  CHECK_AUTHORIZATION,
  ConfirmApplicantBody,
  ConsentBody,
  CreateDraftBody,
  DraftIdParams,
  DraftList,
  DraftView,
  EntitlementList,
  MessageIdParams,
  MessageList,
  NoContent,
  PROGRAMME_DEFINITIONS,
  ProgrammeList,
  PublicNoticeList,
  PublicNoticeQuery,
  SaveDraftBody,
  SubmitBody,
  SupplementBody,
} from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import type { ApplicationService } from '../services/applicationService';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** The resident side of applications (申请), plus the public programme list and public notices. */
export default async function applicationRoutes(base: FastifyInstance, opts: { applications: ApplicationService; settings: ApplicationSettings }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { applications } = opts;
  const tags = ['applications'];

  app.get('/applications/programmes', {
    schema: { tags, summary: '可申请的救助项目、表单、材料清单和办理流程（无需登录，开始申请前展示）', response: { 200: ProgrammeList, ...errorResponses() } },
  }, async () => ({
    programmes: APPLICATION_PROGRAMMES.map((p) => ({ ...PROGRAMME_DEFINITIONS[p], chain: opts.settings.programmes[p].steps })),
    checkAuthorization: { ...CHECK_AUTHORIZATION },
  }));

  app.get('/public-notices', {
    schema: { tags, summary: '公示（无需登录）：只显示姓名脱敏、家庭人数、金额和地区', querystring: PublicNoticeQuery, response: { 200: PublicNoticeList, ...errorResponses() } },
  }, async (request) => ({ notices: await applications.publicNotices(request.query.regionCode) }));

  app.post('/applications/drafts', {
    preParsing: app.authenticate,
    schema: {
      tags,
      summary: '开始申请（草稿）；代他人申请时填写 onBehalfOf（帮办代办，代办人须已实名核验：403 APPLICATION_HELPER_UNVERIFIED）',
      security: bearer,
      body: CreateDraftBody,
      response: { 201: DraftView, ...errorResponses(401, 403, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await applications.drafts.create(actionContext(request), request.body)));

  app.get('/applications/drafts', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的草稿（换设备可继续填写）', security: bearer, response: { 200: DraftList, ...errorResponses(401) } },
  }, async (request) => ({ drafts: await applications.drafts.list(actionContext(request)) }));

  app.get('/applications/drafts/:draftId', {
    preParsing: app.authenticate,
    schema: { tags, summary: '草稿详情（身份证号脱敏）', security: bearer, params: DraftIdParams, response: { 200: DraftView, ...errorResponses(401, 404) } },
  }, async (request) => applications.drafts.get(actionContext(request), request.params.draftId));

  app.put('/applications/drafts/:draftId', {
    preParsing: app.authenticate,
    schema: { tags, summary: '自动保存草稿；材料文件须是本人上传的（文件不存在或不属于您：404 APPLICATION_DOCUMENT_UNUSABLE）', security: bearer, params: DraftIdParams, body: SaveDraftBody, response: { 200: DraftView, ...errorResponses(401, 404, 409) } },
  }, async (request) => applications.drafts.save(actionContext(request), request.params.draftId, request.body));

  app.post('/applications/drafts/:draftId/consent', {
    preParsing: app.authenticate,
    schema: {
      tags,
      summary: '申请人勾选同意《家庭经济状况核对授权书》：记录所示版本、时间和本次请求；这是记录同意的唯一方式',
      security: bearer,
      params: DraftIdParams,
      body: ConsentBody,
      response: { 200: DraftView, ...errorResponses(401, 404, 409) },
    },
  }, async (request) => applications.drafts.signCheckAuthorization(actionContext(request), request.params.draftId, request.body.textVersion));

  app.delete('/applications/drafts/:draftId/consent', {
    preParsing: app.authenticate,
    schema: { tags, summary: '取消勾选授权书：撤回同意，重新同意前不能提交', security: bearer, params: DraftIdParams, response: { 200: DraftView, ...errorResponses(401, 404, 409) } },
  }, async (request) => applications.drafts.withdrawCheckAuthorization(actionContext(request), request.params.draftId));

  app.delete('/applications/drafts/:draftId', {
    preParsing: app.authenticate,
    schema: { tags, summary: '删除草稿', security: bearer, params: DraftIdParams, response: { 204: NoContent, ...errorResponses(401, 404, 409) } },
  }, async (request, reply) => {
    await applications.drafts.remove(actionContext(request), request.params.draftId);
    return reply.code(204).send(null);
  });

  app.post('/applications', {
    preParsing: app.authenticate,
    schema: {
      tags,
      summary: '提交申请（幂等：同一 idempotencyKey 重试返回同一份申请，200）；须已同意当前版本的授权书（409 CHECK_AUTHORIZATION_REQUIRED / 409 CHECK_AUTHORIZATION_OUTDATED）、内容完整（409 APPLICATION_INCOMPLETE）、材料文件可用（404 APPLICATION_DOCUMENT_UNUSABLE）；代办每日限量（429 APPLICATION_FILING_LIMIT）',
      security: bearer,
      body: SubmitBody,
      response: { 200: ApplicationView, 201: ApplicationView, ...errorResponses(401, 403, 404, 409, 429) },
    },
  }, async (request, reply) => {
    const { created, application } = await applications.submit(actionContext(request), request.body.draftId, request.body.idempotencyKey);
    return reply.code(created ? 201 : 200).send(application);
  });

  app.get('/applications', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的申请：我提交的，以及（实名核验后）为我提交的', security: bearer, response: { 200: ApplicationList, ...errorResponses(401) } },
  }, async (request) => ({ applications: await applications.applicant.listMine(actionContext(request)) }));

  app.get('/applications/:applicationId', {
    preParsing: app.authenticate,
    schema: { tags, summary: '申请详情与办理进度', security: bearer, params: ApplicationIdParams, response: { 200: ApplicationView, ...errorResponses(401, 404) } },
  }, async (request) => applications.applicant.getMine(actionContext(request), request.params.applicationId));

  app.post('/applications/:applicationId/withdraw', {
    preParsing: app.authenticate,
    schema: { tags, summary: '撤回申请', security: bearer, params: ApplicationIdParams, body: ActBody, response: { 200: ApplicationView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => applications.applicant.withdraw(actionContext(request), request.params.applicationId, request.body));

  app.post('/applications/:applicationId/supplement', {
    preParsing: app.authenticate,
    schema: { tags, summary: '补正材料', security: bearer, params: ApplicationIdParams, body: SupplementBody, response: { 200: ApplicationView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => applications.applicant.supplement(actionContext(request), request.params.applicationId, request.body));

  app.post('/applications/:applicationId/confirm', {
    preParsing: app.authenticate,
    schema: {
      tags,
      summary: '申请人本人（已实名核验）确认他人代为提交的申请，并同意授权书；确认后占用“同类申请办理中”的名额（已有同类申请：409 APPLICATION_ALREADY_OPEN）',
      security: bearer,
      params: ApplicationIdParams,
      body: ConfirmApplicantBody,
      response: { 200: ApplicationView, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => applications.applicant.confirm(actionContext(request), request.params.applicationId, request.body));

  app.get('/entitlements', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的救助待遇（仅凭已实名核验的身份）', security: bearer, response: { 200: EntitlementList, ...errorResponses(401) } },
  }, async (request) => ({ entitlements: await applications.applicant.entitlements(actionContext(request)) }));

  app.get('/messages', {
    preParsing: app.authenticate,
    schema: { tags, summary: '站内消息', security: bearer, response: { 200: MessageList, ...errorResponses(401) } },
  }, async (request) => applications.messages.list(actionContext(request)));

  app.post('/messages/:messageId/read', {
    preParsing: app.authenticate,
    schema: { tags, summary: '标记消息已读', security: bearer, params: MessageIdParams, response: { 204: NoContent, ...errorResponses(401, 404) } },
  }, async (request, reply) => {
    await applications.messages.markRead(actionContext(request), request.params.messageId);
    return reply.code(204).send(null);
  });
}
