import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  FlagIdParams, FlagList, FlagListQuery, FlagResolveBody, FlagView, RegionOnlyQuery, RelativeBody, RelativeList, RelativeView, ScanBody, ScanResult, SummaryQuery, SupervisionSummary,
} from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { FlagService } from '../services/flagService';
import type { RelativeService } from '../services/relatives';

/** 电子监察 desk (county and city staff): counts with drill-down, the flags, resolving them, 近亲属备案. */
export default async function supervisionRoutes(base: FastifyInstance, opts: { flags: FlagService; relatives: RelativeService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { flags, relatives } = opts;
  const staff = app.requireRole('staff');
  const tags = ['supervision'];

  app.get('/staff/supervision/summary', {
    preParsing: staff,
    schema: { tags, summary: '电子监察台：按事项和下一级地区统计（可逐级下钻）', security: bearer, querystring: SummaryQuery, response: { 200: SupervisionSummary, ...errorResponses(401, 403, 404) } },
  }, async (request) => flags.summary(actionContext(request), request.query.regionCode));

  app.get('/staff/supervision/flags', {
    preParsing: staff,
    schema: { tags, summary: '监察事项清单（期限近的在前，留痕）', security: bearer, querystring: FlagListQuery, response: { 200: FlagList, ...errorResponses(401, 403, 404) } },
  }, async (request) => flags.list(actionContext(request), request.query));

  app.get('/staff/supervision/flags/:flagId', {
    preParsing: staff,
    schema: { tags, summary: '监察事项详情（留痕）', security: bearer, params: FlagIdParams, response: { 200: FlagView, ...errorResponses(401, 403, 404) } },
  }, async (request) => flags.get(actionContext(request), request.params.flagId));

  app.post('/staff/supervision/flags/:flagId/resolve', {
    preParsing: staff,
    schema: { tags, summary: '处理监察事项：已纠正或核实无问题（写明处理情况）', security: bearer, params: FlagIdParams, body: FlagResolveBody, response: { 200: FlagView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => flags.resolve(actionContext(request), request.params.flagId, request.body));

  app.post('/staff/supervision/scan', {
    preParsing: staff,
    schema: { tags, summary: '立即比对本辖区（同一情况不重复生成）', security: bearer, body: ScanBody, response: { 200: ScanResult, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => flags.scan(actionContext(request), request.body.regionCode));

  app.post('/staff/supervision/relatives', {
    preParsing: staff,
    schema: { tags, summary: '近亲属备案：登记民政工作人员或村（居）干部的近亲属（县级）', security: bearer, body: RelativeBody, response: { 201: RelativeView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(201).send(await relatives.register(actionContext(request), request.body)));

  app.get('/staff/supervision/relatives', {
    preParsing: staff,
    schema: { tags, summary: '近亲属备案清单（留痕）', security: bearer, querystring: RegionOnlyQuery, response: { 200: RelativeList, ...errorResponses(401, 403, 404) } },
  }, async (request) => relatives.list(actionContext(request), request.query.regionCode));
}
