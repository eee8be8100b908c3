import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  HappinessAnswerBody, HappinessConfirmBody, HappinessFeedbackView, HappinessListView, HappinessNoticeList, HappinessPersonYearParams, HappinessPublishBody,
  HappinessQuestionBody, HappinessQuestionIdParams, HappinessQuestionView, HappinessRatingBody, HappinessStats, HappinessStatsQuery, HappinessYearParams, HappinessYears,
  LedgerJobIdParams, LedgerJobList, LedgerJobView, StaffHappinessQuestionList, StaffHappinessQuestionQuery, StaffHappinessQuestionView,
} from '@dajiuzhu/shared';
import type { HappinessListService } from '../services/happinessListService';
import { renderHappinessListPdf } from '../services/happinessListPdf';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/**
 * The 幸福清单: the beneficiary's own statement, PDF, feedback — for a verified account only (403
 * HAPPINESS_IDENTITY_UNVERIFIED otherwise); staff publishing, reading (audited), answering.
 */
export default async function happinessListRoutes(base: FastifyInstance, opts: { lists: HappinessListService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { lists } = opts;
  const tags = ['happinessList'];
  const staff = app.requireRole('staff');

  app.get('/happiness-lists', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我已发布的幸福清单年度', security: bearer, response: { 200: HappinessYears, ...errorResponses(401, 403) } },
  }, async (request) => lists.myYears(actionContext(request)));

  app.get('/happiness-lists/notices', {
    preParsing: app.authenticate,
    schema: { tags, summary: '幸福清单的站内通知', security: bearer, response: { 200: HappinessNoticeList, ...errorResponses(401, 403) } },
  }, async (request) => lists.notices(actionContext(request)));

  app.get('/happiness-lists/:year', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的幸福清单（某一年度，已发布的最新版本）', security: bearer, params: HappinessYearParams, response: { 200: HappinessListView, ...errorResponses(401, 403, 404) } },
  }, async (request) => lists.mine(actionContext(request), request.params.year));

  app.get('/happiness-lists/:year/pdf', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的幸福清单打印版（PDF）', security: bearer, params: HappinessYearParams, response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses(401, 403, 404, 503) } },
  }, async (request, reply) => {
    const list = await lists.listForPdf(actionContext(request), request.params.year);
    const pdf = await renderHappinessListPdf(list);
    return reply.type('application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${list.year}年幸福清单.pdf`)}`).send(pdf);
  });

  app.get('/happiness-lists/:year/feedback', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我对清单的确认、评价和提出的问题', security: bearer, params: HappinessYearParams, response: { 200: HappinessFeedbackView, ...errorResponses(401, 403, 404) } },
  }, async (request) => lists.feedback(actionContext(request), request.params.year));

  app.post('/happiness-lists/:year/confirm', {
    preParsing: app.authenticate,
    schema: { tags, summary: '确认收到（每个版本确认一次）', security: bearer, params: HappinessYearParams, body: HappinessConfirmBody, response: { 200: HappinessFeedbackView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => lists.confirm(actionContext(request), request.params.year, request.body.version));

  app.put('/happiness-lists/:year/rating', {
    preParsing: app.authenticate,
    schema: { tags, summary: '满意度评价（1–5，可修改）', security: bearer, params: HappinessYearParams, body: HappinessRatingBody, response: { 200: HappinessFeedbackView, ...errorResponses(401, 403, 404) } },
  }, async (request) => lists.rate(actionContext(request), request.params.year, request.body.score, request.body.comment));

  app.post('/happiness-lists/:year/questions', {
    preParsing: app.authenticate,
    schema: { tags, summary: '对清单提出疑问（异议）', security: bearer, params: HappinessYearParams, body: HappinessQuestionBody, response: { 201: HappinessQuestionView, ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => reply.code(201).send(await lists.ask(actionContext(request), request.params.year, request.body)));

  // ---- staff ----
  app.get('/staff/happiness-lists/:userId/:year', {
    preParsing: app.authenticate,
    schema: { tags, summary: '查看辖区内某人的幸福清单（未发布时为预览；留痕）', security: bearer, params: HappinessPersonYearParams, response: { 200: HappinessListView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => lists.forStaff(actionContext(request), request.params.userId, request.params.year));

  app.post('/staff/happiness-lists/publish', {
    preParsing: staff,
    schema: { tags, summary: '发布本辖区某年度的幸福清单（后台任务，可查看进度）', security: bearer, body: HappinessPublishBody, response: { 202: LedgerJobView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(202).send(await lists.publish(actionContext(request), request.body.year, request.body.regionCode)));

  app.get('/staff/ledger-jobs/:jobId', {
    preParsing: staff,
    schema: { tags, summary: '发布或发放任务的进度', security: bearer, params: LedgerJobIdParams, response: { 200: LedgerJobView, ...errorResponses(401, 403, 404) } },
  }, async (request) => lists.job(actionContext(request), request.params.jobId));

  app.get('/staff/happiness-lists/publish-jobs', {
    preParsing: staff,
    schema: { tags, summary: '本辖区最近的发布任务', security: bearer, response: { 200: LedgerJobList, ...errorResponses(401, 403) } },
  }, async (request) => lists.jobs(actionContext(request), 'publish'));

  app.get('/staff/happiness-lists/stats', {
    preParsing: staff,
    schema: { tags, summary: '本辖区清单的确认、评价和待回复问题数', security: bearer, querystring: HappinessStatsQuery, response: { 200: HappinessStats, ...errorResponses(401, 403, 404) } },
  }, async (request) => lists.stats(actionContext(request), request.query.year, request.query.regionCode));

  app.get('/staff/happiness-questions', {
    preParsing: staff,
    schema: { tags, summary: '本辖区群众对清单提出的问题', security: bearer, querystring: StaffHappinessQuestionQuery, response: { 200: StaffHappinessQuestionList, ...errorResponses(401, 403) } },
  }, async (request) => ({ questions: await lists.staffQuestions(actionContext(request), request.query) }));

  app.post('/staff/happiness-questions/:questionId/answer', {
    preParsing: staff,
    schema: { tags, summary: '回复问题（可同时办结）', security: bearer, params: HappinessQuestionIdParams, body: HappinessAnswerBody, response: { 200: StaffHappinessQuestionView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => lists.answer(actionContext(request), request.params.questionId, request.body.text, request.body.close));
}
