import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CharityNoticeList, CharityReportView, ProjectIdParams, ReportBody } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { CharityServices } from '../services/charityServices';

/** Reports of a project (filed by its organisation; donors are told) and the donor's notices. */
export default async function reportRoutes(base: FastifyInstance, opts: { charity: CharityServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { charity } = opts;
  const tags = ['charity'];

  app.post('/charity/organization/projects/:id/reports', {
    preParsing: app.requireRole('charity'),
    schema: {
      tags, security: bearer, params: ProjectIdParams, body: ReportBody,
      summary: '提交进展报告或结项报告（他人的项目：404）；捐赠人会收到通知；逾期的项目补交后恢复展示。同一 requestKey 重试：200',
      response: { 201: CharityReportView, 200: CharityReportView, ...errorResponses(401, 403, 404, 409, 503) },
    },
  }, async (request, reply) => {
    const { report, created } = await charity.reports.file(actionContext(request), request.params.id, request.body);
    return reply.code(created ? 201 : 200).send(report);
  });

  app.get('/me/charity-notices', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我捐助过的项目发布的报告（站内通知）', security: bearer, response: { 200: CharityNoticeList, ...errorResponses(401) } },
  }, async (request) => charity.reports.notices(actionContext(request)));
}
