import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProjectIdParams, ProjectSquare, ProjectSquareQuery, PublicProject } from '@dajiuzhu/shared';
import { errorResponses } from '../../../core/http/schemaHelpers';
import type { CharityServices } from '../services/charityServices';

/** 慈善筹, public (no sign-in): the project square and a project's page. */
export default async function projectRoutes(base: FastifyInstance, opts: { charity: CharityServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { charity } = opts;
  const tags = ['charity'];

  app.get('/charity/projects', {
    schema: { tags, summary: '慈善项目广场：募捐中或已结束的项目（报告逾期的暂不展示），按地区、受助群体、状态筛选，游标分页', querystring: ProjectSquareQuery, response: { 200: ProjectSquare, ...errorResponses() } },
  }, async (request) => charity.public.square(request.query));

  app.get('/charity/projects/:id', {
    schema: { tags, summary: '慈善项目详情（公开）：进度（已筹、配捐、已支出、受助人数）、机构、预算、支出与报告；不含任何个人信息', params: ProjectIdParams, response: { 200: PublicProject, ...errorResponses(404) } },
  }, async (request) => charity.public.page(request.params.id));
}
