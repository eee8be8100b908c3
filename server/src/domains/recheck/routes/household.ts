import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ChangeReportBody, ChangeReportList, ChangeReportView, ConfirmationBody, ConfirmationView, ExitLetterList, ExitLetterView, ExitNoticeList, ExitNoticeQuery, HouseholdList, LetterIdParams,
} from '@dajiuzhu/shared';
import type { HouseholdService } from '../services/household';
import type { LetterService } from '../services/letters';
import type { NoticeBoard } from '../services/notices';
import { renderLetterPdf } from '../services/letterPdf';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** The household's side: 家庭变化申报, 年度确认, 告知书; and the public 特困 exit notices. */
export default async function householdRoutes(base: FastifyInstance, opts: { households: HouseholdService; letters: LetterService; notices: NoticeBoard }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['recheck'];
  const { households, letters } = opts;

  app.get('/recheck/households', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我（或我代办的家庭）正在享受的救助：可申报变化、做年度确认', security: bearer, response: { 200: HouseholdList, ...errorResponses(401) } },
  }, async (request) => ({ households: await households.households(actionContext(request)) }));

  app.post('/recheck/change-reports', {
    preParsing: app.authenticate,
    schema: { tags, summary: '家庭变化申报（本人或代办人）：开启复核', security: bearer, body: ChangeReportBody, response: { 201: ChangeReportView, ...errorResponses(400, 401, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await households.reportChange(actionContext(request), request.body)));

  app.get('/recheck/change-reports', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我提交的变化申报', security: bearer, response: { 200: ChangeReportList, ...errorResponses(401) } },
  }, async (request) => ({ reports: await households.myReports(actionContext(request)) }));

  app.post('/recheck/confirmations', {
    preParsing: app.authenticate,
    schema: { tags, summary: '年度确认："情况没有变化"（本人、监护人或代办人；每年一次）', security: bearer, body: ConfirmationBody, response: { 200: ConfirmationView, ...errorResponses(400, 401, 404, 409) } },
  }, async (request) => households.confirm(actionContext(request), request.body));

  app.get('/recheck/letters', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我收到的停止或调整保障告知书', security: bearer, response: { 200: ExitLetterList, ...errorResponses(401) } },
  }, async (request) => ({ letters: await letters.mine(actionContext(request)) }));

  app.get('/recheck/letters/:id', {
    preParsing: app.authenticate,
    schema: { tags, summary: '告知书（本人、代办人或本辖区工作人员）', security: bearer, params: LetterIdParams, response: { 200: ExitLetterView, ...errorResponses(401, 404) } },
  }, async (request) => letters.get(actionContext(request), request.params.id));

  app.get('/recheck/letters/:id/pdf', {
    preParsing: app.authenticate,
    schema: { tags, summary: '告知书打印版（PDF）', security: bearer, params: LetterIdParams, response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses(401, 404, 503) } },
  }, async (request, reply) => {
    const letter = await letters.get(actionContext(request), request.params.id);
    const pdf = await renderLetterPdf(letter);
    return reply.type('application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${letter.title}.pdf`)}`).send(pdf);
  });

  app.get('/exit-notices', {
    schema: { tags, summary: '特困人员终止供养公示（无需登录）：只显示姓名脱敏、地区、项目和公示期', querystring: ExitNoticeQuery, response: { 200: ExitNoticeList, ...errorResponses(400) } },
  }, async (request) => ({ notices: await opts.notices.list(request.query.regionCode) }));
}
