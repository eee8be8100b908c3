import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Readable } from 'node:stream';
import {
  ImportIdParams, ImportList, ImportMappingBody, ImportMappingView, ImportReport, ImportReportQuery, ImportSourceList, ImportView, importQueryOf, importSourceParamsOf,
} from '@dajiuzhu/shared';
import type { LedgerImportService } from '../services/ledgerImportService';
import { actionContext } from '../../../core/auth/authPlugin';
import { AppError } from '../../../core/errors/AppError';
import { receiveUpload } from '../../../core/imports/upload';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';

/**
 * A source the schema refuses is a source not configured: 400 LEDGER_SOURCE_UNKNOWN, the same answer
 * as before the source was stated in the schema; every other validation failure stays VALIDATION_FAILED.
 */
function sourceErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const aboutSource = errors.length > 0 && errors.every((e) => e.instancePath === '/source');
  if (aboutSource && (dataVar === 'params' || dataVar === 'querystring')) return new AppError('LEDGER_SOURCE_UNKNOWN');
  return new Error(`${dataVar} validation failed`);
}

/** Imports from other departments (CSV / XLSX), their reports and column mappings. Staff only, inside their region. */
export default async function importRoutes(base: FastifyInstance, opts: { imports: LedgerImportService; maxImportBytes: number }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { imports } = opts;
  const staff = app.requireRole('staff');
  const tags = ['ledger'];
  // The configured sources, stated in the schemas: a source the document allows is one the server knows.
  const sourceCodes = imports.sources().map((s) => s.code);
  const ImportSourceParams = importSourceParamsOf(sourceCodes);
  const ImportQuery = importQueryOf(sourceCodes);

  app.get('/staff/ledger/sources', {
    preParsing: staff,
    schema: { tags, summary: '可导入的数据来源部门', security: bearer, response: { 200: ImportSourceList, ...errorResponses(401, 403) } },
  }, async () => ({ sources: imports.sources() }));

  app.get('/staff/ledger/import-mappings/:source', {
    preParsing: staff,
    schemaErrorFormatter: sourceErrors,
    schema: { tags, summary: '某来源的列对应关系（本辖区保存的）', security: bearer, params: ImportSourceParams, response: { 200: ImportMappingView, ...errorResponses(401, 403) } },
  }, async (request) => imports.getMapping(actionContext(request), request.params.source));

  app.put('/staff/ledger/import-mappings/:source', {
    preParsing: staff,
    schemaErrorFormatter: sourceErrors,
    schema: { tags, summary: '保存某来源的列对应关系', security: bearer, params: ImportSourceParams, body: ImportMappingBody, response: { 200: ImportMappingView, ...errorResponses(401, 403) } },
  }, async (request) => imports.saveMapping(actionContext(request), request.params.source, request.body));

  app.post('/staff/ledger/imports', {
    preParsing: staff,
    schemaErrorFormatter: sourceErrors,
    schema: {
      tags,
      summary: '导入其他部门的发放数据（CSV 或 XLSX，流式上传，后台逐行校验入账）',
      description: 'multipart/form-data，字段名 file。立即返回导入任务（202），进度与报告见 GET /staff/ledger/imports/{importId}。',
      consumes: ['multipart/form-data'],
      security: bearer,
      querystring: ImportQuery,
      response: { 202: ImportView, ...errorResponses(401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const upload = await receiveUpload(request, opts.maxImportBytes);
    const view = await imports.upload(actionContext(request), { ...request.query, ...upload });
    return reply.code(202).send(view);
  });

  app.get('/staff/ledger/imports', {
    preParsing: staff,
    schema: { tags, summary: '本辖区最近的导入', security: bearer, response: { 200: ImportList, ...errorResponses(401, 403) } },
  }, async (request) => ({ imports: await imports.list(actionContext(request)) }));

  app.get('/staff/ledger/imports/:importId', {
    preParsing: staff,
    schema: { tags, summary: '导入进度与计数', security: bearer, params: ImportIdParams, response: { 200: ImportView, ...errorResponses(401, 403, 404) } },
  }, async (request) => imports.get(actionContext(request), request.params.importId));

  app.post('/staff/ledger/imports/:importId/resume', {
    preParsing: staff,
    schema: { tags, summary: '继续运行中断的导入（从上次提交的位置继续，已入账的行不会重复）', security: bearer, params: ImportIdParams, response: { 202: ImportView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request, reply) => reply.code(202).send(await imports.resume(actionContext(request), request.params.importId)));

  app.get('/staff/ledger/imports/:importId/report', {
    preParsing: staff,
    schema: { tags, summary: '导入报告：入账、重复和未入账的行及原因', security: bearer, params: ImportIdParams, querystring: ImportReportQuery, response: { 200: ImportReport, ...errorResponses(401, 403, 404) } },
  }, async (request) => imports.report(actionContext(request), request.params.importId, request.query.status, request.query.limit ?? 100));

  app.get('/staff/ledger/imports/:importId/report.csv', {
    preParsing: staff,
    schema: { tags, summary: '下载完整导入报告（CSV）', security: bearer, params: ImportIdParams, response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses(401, 403, 404) } },
  }, async (request, reply) => {
    const ctx = actionContext(request);
    const name = await imports.fileNameOf(ctx, request.params.importId);
    const body = Readable.from(imports.reportCsv(ctx, request.params.importId));
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`导入报告-${name}.csv`)}`)
      .send(body);
  });
}
