import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EstimateRequest, EstimateResponse, PolicyStandardsParams, PolicyStandardsQuery, StandardsInEffect } from '@dajiuzhu/shared';
import type { PolicyService } from '../services/policyService';
import { errorResponses } from '../../../core/http/schemaHelpers';

/** 政策测算 and the published standards: no sign-in (the mini-program page is public). */
export async function policyRoutes(base: FastifyInstance, opts: { policy: PolicyService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { policy } = opts;

  app.post('/policy/estimate', {
    schema: { tags: ['policy'], summary: '政策测算：按家庭情况估算可能享受的救助项目和金额（无需登录）', body: EstimateRequest, response: { 200: EstimateResponse, ...errorResponses(404) } },
  }, async (request) => policy.estimate(request.body));

  app.get('/policy/standards/:regionCode', {
    schema: { tags: ['policy'], summary: '某地区在某日期执行的救助标准（公开数据，含来源）', params: PolicyStandardsParams, querystring: PolicyStandardsQuery, response: { 200: StandardsInEffect, ...errorResponses(404) } },
  }, async (request) => policy.standards(request.params.regionCode, request.query.date));
}

export default policyRoutes;
