import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CharityOrganizationView, CharityProjectList, CharityProjectView, CreateProjectBody, EndProjectBody, ProjectBody, ProjectIdParams } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { CharityServices } from '../services/charityServices';

/** The charity organisation's desk: its details, its projects (drafts, submit for review, close, cancel). */
export default async function organizationRoutes(base: FastifyInstance, opts: { charity: CharityServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { charity } = opts;
  const tags = ['charity'];
  const org = app.requireRole('charity');

  app.get('/charity/organization', {
    preParsing: org,
    schema: { tags, summary: '本机构的登记信息', security: bearer, response: { 200: CharityOrganizationView, ...errorResponses(401, 403) } },
  }, async (request) => charity.organizations.mine(actionContext(request)));

  app.get('/charity/organization/projects', {
    preParsing: org,
    schema: { tags, summary: '本机构的项目（含草稿），最近的在前', security: bearer, response: { 200: CharityProjectList, ...errorResponses(401, 403) } },
  }, async (request) => charity.projects.mine(actionContext(request)));

  app.post('/charity/organization/projects', {
    preParsing: org,
    schema: {
      tags, summary: '新建项目草稿（同一 requestKey 重试得到同一草稿）', security: bearer, body: CreateProjectBody,
      response: { 201: CharityProjectView, ...errorResponses(401, 403, 404) },
    },
  }, async (request, reply) => reply.code(201).send(await charity.projects.create(actionContext(request), request.body)));

  app.get('/charity/organization/projects/:id', {
    preParsing: org,
    schema: { tags, summary: '本机构的一个项目（他人的项目：404）', security: bearer, params: ProjectIdParams, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404) } },
  }, async (request) => charity.projects.one(actionContext(request), request.params.id));

  app.put('/charity/organization/projects/:id', {
    preParsing: org,
    schema: { tags, summary: '修改草稿或被退回的项目', security: bearer, params: ProjectIdParams, body: ProjectBody, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => charity.projects.edit(actionContext(request), request.params.id, request.body));

  app.post('/charity/organization/projects/:id/submit', {
    preParsing: org,
    schema: { tags, summary: '提交审核（先经内容安全检测），由项目所在地区的工作人员审核', security: bearer, params: ProjectIdParams, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404, 409, 503) } },
  }, async (request) => charity.projects.submit(actionContext(request), request.params.id));

  app.post('/charity/organization/projects/:id/close', {
    preParsing: org,
    schema: { tags, summary: '提前结束募捐（结项报告随之到期）', security: bearer, params: ProjectIdParams, body: EndProjectBody, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => charity.projects.closeByOrganization(actionContext(request), request.params.id, request.body.reason));

  app.post('/charity/organization/projects/:id/cancel', {
    preParsing: org,
    schema: { tags, summary: '取消项目（已确认的捐款将原路退回）', security: bearer, params: ProjectIdParams, body: EndProjectBody, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => charity.projects.cancel(actionContext(request), request.params.id, request.body.reason));
}
