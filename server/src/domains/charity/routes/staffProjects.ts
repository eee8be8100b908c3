import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ApproveProjectBody, CharityProjectList, CharityProjectView, EndProjectBody, ProjectIdParams, ReturnProjectBody, StaffProjectQuery } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { CharityServices } from '../services/charityServices';

/** Staff of a project's region: the review queue, approve or return, stop a published project. */
export default async function staffProjectRoutes(base: FastifyInstance, opts: { charity: CharityServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { charity } = opts;
  const tags = ['charity', 'staff'];
  const staff = app.requireRole('staff');

  app.get('/staff/charity/projects', {
    preParsing: staff,
    schema: { tags, summary: '本辖区的慈善项目（默认：待审核，最早提交的在前）', security: bearer, querystring: StaffProjectQuery, response: { 200: CharityProjectList, ...errorResponses(401, 403) } },
  }, async (request) => charity.review.queue(actionContext(request), request.query));

  app.get('/staff/charity/projects/:id', {
    preParsing: staff,
    schema: { tags, summary: '本辖区的一个项目（其他地区的或草稿：404）', security: bearer, params: ProjectIdParams, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404) } },
  }, async (request) => charity.review.one(actionContext(request), request.params.id));

  app.post('/staff/charity/projects/:id/approve', {
    preParsing: staff,
    schema: { tags, summary: '审核通过：项目公开并开始募捐', security: bearer, params: ProjectIdParams, body: ApproveProjectBody, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => charity.review.approve(actionContext(request), request.params.id, request.body.note));

  app.post('/staff/charity/projects/:id/return', {
    preParsing: staff,
    schema: { tags, summary: '退回修改（写明原因）', security: bearer, params: ProjectIdParams, body: ReturnProjectBody, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => charity.review.returnToOrganization(actionContext(request), request.params.id, request.body.reason));

  app.post('/staff/charity/projects/:id/cancel', {
    preParsing: staff,
    schema: { tags, summary: '叫停募捐中的项目（已确认的捐款将原路退回）', security: bearer, params: ProjectIdParams, body: EndProjectBody, response: { 200: CharityProjectView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => charity.projects.cancel(actionContext(request), request.params.id, request.body.reason));
}
