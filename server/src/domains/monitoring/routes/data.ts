import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  DashboardQuery, EvaluationIdParams, EvaluationView, MonitoringImportIdParams, MonitoringImportList, MonitoringImportQuery, MonitoringImportReport, MonitoringImportReportQuery,
  MonitoringImportView, MonitoringMappingBody, MonitoringMappingView, MonitoringSourceList, MonitoringSourceParams, PopulationQuery, PopulationSummary, PopulationSyncView,
  RuleSetBody, RuleSetList, RuleSetView, RulesQuery, StartEvaluationBody,
} from '@dajiuzhu/shared';
import type { ImportFileService } from '../services/importFiles';
import type { PopulationService } from '../services/population';
import type { RuleService } from '../services/rules';
import type { EvaluationService } from '../services/evaluation';
import { actionContext } from '../../../core/auth/authPlugin';
import { AppError } from '../../../core/errors/AppError';
import { receiveUpload } from '../../../core/imports/upload';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/** A source the schema refuses is an unknown source: 400 MONITORING_SOURCE_UNKNOWN; anything else stays VALIDATION_FAILED. */
function sourceErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  if (errors.length > 0 && errors.every((e) => e.instancePath === '/source') && (dataVar === 'params' || dataVar === 'querystring')) return new AppError('MONITORING_SOURCE_UNKNOWN');
  return new Error(`${dataVar} validation failed`);
}

/** Department data, the watch list, rules and evaluations (staff, inside their region). */
export default async function dataRoutes(base: FastifyInstance, opts: { imports: ImportFileService; population: PopulationService; rules: RuleService; evaluations: EvaluationService; maxImportBytes: number }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { imports, population, rules, evaluations } = opts;
  const staff = app.requireRole('staff');
  const tags = ['monitoring'];

  app.get('/staff/monitoring/sources', {
    preParsing: staff,
    schema: { tags, summary: '可比对的部门数据来源及其列', security: bearer, response: { 200: MonitoringSourceList, ...errorResponses(401, 403) } },
  }, async () => ({ sources: imports.sources() }));

  app.get('/staff/monitoring/import-mappings/:source', {
    preParsing: staff, schemaErrorFormatter: sourceErrors,
    schema: { tags, summary: '某来源的列对应关系（本辖区保存的）', security: bearer, params: MonitoringSourceParams, response: { 200: MonitoringMappingView, ...errorResponses(401, 403) } },
  }, async (request) => imports.getMapping(actionContext(request), request.params.source));

  app.put('/staff/monitoring/import-mappings/:source', {
    preParsing: staff, schemaErrorFormatter: sourceErrors,
    schema: { tags, summary: '保存某来源的列对应关系', security: bearer, params: MonitoringSourceParams, body: MonitoringMappingBody, response: { 200: MonitoringMappingView, ...errorResponses(401, 403) } },
  }, async (request) => imports.saveMapping(actionContext(request), request.params.source, request.body.columns));

  app.post('/staff/monitoring/imports', {
    preParsing: staff, schemaErrorFormatter: sourceErrors,
    schema: {
      tags, summary: '导入部门数据（CSV 或 XLSX，流式上传，后台逐行校验、比对）',
      description: 'multipart/form-data，字段名 file。立即返回导入任务（202）；完成后自动开始本辖区的预警比对（evaluationId）。',
      consumes: ['multipart/form-data'], security: bearer, querystring: MonitoringImportQuery,
      response: { 202: MonitoringImportView, ...errorResponses(401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const upload = await receiveUpload(request, opts.maxImportBytes);
    return reply.code(202).send(await imports.upload(actionContext(request), { ...request.query, ...upload }));
  });

  app.get('/staff/monitoring/imports', {
    preParsing: staff,
    schema: { tags, summary: '本辖区最近的部门数据导入', security: bearer, response: { 200: MonitoringImportList, ...errorResponses(401, 403) } },
  }, async (request) => ({ imports: await imports.list(actionContext(request)) }));

  app.get('/staff/monitoring/imports/:importId', {
    preParsing: staff,
    schema: { tags, summary: '导入进度与计数', security: bearer, params: MonitoringImportIdParams, response: { 200: MonitoringImportView, ...errorResponses(401, 403, 404) } },
  }, async (request) => imports.get(actionContext(request), request.params.importId));

  app.post('/staff/monitoring/imports/:importId/resume', {
    preParsing: staff,
    schema: { tags, summary: '继续运行中断的导入（已导入的行不会重复）', security: bearer, params: MonitoringImportIdParams, response: { 202: MonitoringImportView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(202).send(await imports.resume(actionContext(request), request.params.importId)));

  app.get('/staff/monitoring/imports/:importId/report', {
    preParsing: staff,
    schema: { tags, summary: '导入报告：未导入的行及原因', security: bearer, params: MonitoringImportIdParams, querystring: MonitoringImportReportQuery, response: { 200: MonitoringImportReport, ...errorResponses(401, 403, 404) } },
  }, async (request) => imports.report(actionContext(request), request.params.importId, request.query.status, request.query.limit ?? 100));

  app.get('/staff/monitoring/population', {
    preParsing: staff,
    schema: { tags, summary: '监测对象：按类别计数和名单（脱敏，留痕）', security: bearer, querystring: PopulationQuery, response: { 200: PopulationSummary, ...errorResponses(401, 403, 404) } },
  }, async (request) => population.summary(actionContext(request), request.query));

  app.post('/staff/monitoring/population/sync', {
    preParsing: staff,
    schema: { tags, summary: '把本系统的救助对象（低保、特困、边缘、支出型）加入监测名单', security: bearer, querystring: DashboardQuery, response: { 200: PopulationSyncView, ...errorResponses(401, 403, 404) } },
  }, async (request) => population.sync(actionContext(request), request.query.regionCode));

  app.get('/staff/monitoring/rules', {
    preParsing: staff,
    schema: { tags, summary: '预警规则：现行版本和历史版本', security: bearer, querystring: RulesQuery, response: { 200: RuleSetList, ...errorResponses(401, 403, 404) } },
  }, async (request) => rules.list(actionContext(request), request.query.regionCode));

  app.post('/staff/monitoring/rules', {
    preParsing: staff,
    schema: { tags, summary: '发布新版预警规则（县级；自某日起生效，已生效的不能改）', security: bearer, body: RuleSetBody, response: { 201: RuleSetView, ...errorResponses(401, 403, 404, 409, 422) } },
  }, async (request, reply) => reply.code(201).send(await rules.create(actionContext(request), request.body)));

  app.post('/staff/monitoring/evaluations', {
    preParsing: staff,
    schema: { tags, summary: '开始本辖区的预警比对（后台任务）', security: bearer, body: StartEvaluationBody, response: { 202: EvaluationView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(202).send(await evaluations.startByStaff(actionContext(request), request.body)));

  app.get('/staff/monitoring/evaluations/:evaluationId', {
    preParsing: staff,
    schema: { tags, summary: '预警比对的进度', security: bearer, params: EvaluationIdParams, response: { 200: EvaluationView, ...errorResponses(401, 403, 404) } },
  }, async (request) => evaluations.get(actionContext(request), request.params.evaluationId));
}
