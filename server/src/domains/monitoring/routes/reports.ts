import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HardshipReportBody, HelpRequestBody, MyReportList, MyReportView } from '@dajiuzhu/shared';
import type { ReportService } from '../services/reports';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** 一键求助 and 随手拍 from any signed-in resident; the reporter sees the status only. */
export default async function reportRoutes(base: FastifyInstance, opts: { reports: ReportService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const signedIn = app.authenticate;
  const tags = ['monitoring'];

  app.post('/monitoring/help-requests', {
    preParsing: signedIn,
    schema: { tags, summary: '一键求助（为自己）', security: bearer, body: HelpRequestBody, response: { 201: MyReportView, ...errorResponses(400, 401, 409) } },
  }, async (request, reply) => reply.code(201).send(await opts.reports.helpRequest(actionContext(request), request.body)));

  app.post('/monitoring/hardship-reports', {
    preParsing: signedIn,
    schema: { tags, summary: '随手拍：报告身边有困难的人（不要填写电话号码或身份证号）', security: bearer, body: HardshipReportBody, response: { 201: MyReportView, ...errorResponses(400, 401, 404) } },
  }, async (request, reply) => reply.code(201).send(await opts.reports.hardshipReport(actionContext(request), request.body)));

  app.get('/monitoring/my-reports', {
    preParsing: signedIn,
    schema: { tags, summary: '我提交的求助和线索（只显示处理状态）', security: bearer, response: { 200: MyReportList, ...errorResponses(401) } },
  }, async (request) => opts.reports.mine(actionContext(request)));
}
