import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FileIdParams, FileList, FileListQuery, FileView, UploadQuery } from '@dajiuzhu/shared';
import type { Services } from '../services';
import { actionContext } from '../auth/authPlugin';
import { AppError } from '../errors/AppError';
import { bearer, errorResponses, uploadBodyDocument } from '../http/schemaHelpers';
import type { UploadQuota } from './uploadQuota';

export default async function fileRoutes(base: FastifyInstance, opts: { services: Services; quota: UploadQuota }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;

  app.post('/files', {
    preParsing: app.authenticate,
    config: { swaggerTransform: uploadBodyDocument },
    schema: {
      tags: ['files'],
      summary: '上传文件（照片或 PDF；类型按内容识别）',
      description: 'multipart/form-data，字段名 file。每个账号每天可上传的文件数有上限（429 UPLOAD_LIMIT_REACHED）。',
      consumes: ['multipart/form-data'],
      security: bearer,
      querystring: UploadQuery,
      response: { 201: FileView, ...errorResponses(401, 413, 415) },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('FILE_MISSING');
    await opts.quota.take(request.actor._id);
    // The body the document states (shared UploadBody): the one file part `file`, nothing else. An
    // undeclared part is refused like an unknown JSON field; a second file trips `files: 1` (400).
    let file: { name: string; data: Buffer } | undefined;
    for await (const part of request.parts()) {
      if (part.fieldname === 'file' && part.type === 'file') {
        file = { name: part.filename, data: await part.toBuffer() }; // throws FILE_TOO_LARGE past the configured limit
      } else if (part.fieldname === 'file') {
        throw new AppError('FILE_MISSING'); // text where the file belongs
      } else {
        throw new AppError('VALIDATION_FAILED', { details: { where: 'body', fields: [{ path: '/', rule: 'additionalProperties', field: part.fieldname }] } });
      }
    }
    if (!file) throw new AppError('FILE_MISSING');
    const view = await services.files.upload(actionContext(request), { purpose: request.query.purpose, ...file });
    return reply.code(201).send(view);
  });

  app.get('/files', {
    preParsing: app.authenticate,
    schema: { tags: ['files'], summary: '我上传过的文件（可在其他申请中复用）', security: bearer, querystring: FileListQuery, response: { 200: FileList, ...errorResponses(401) } },
  }, async (request) => ({ files: await services.files.list(actionContext(request), request.query.purpose) }));

  app.get('/files/:fileId', {
    preParsing: app.authenticate,
    schema: {
      tags: ['files'],
      summary: '读取文件（本人或辖区工作人员；工作人员读取留痕）',
      security: bearer,
      params: FileIdParams,
      response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses(401, 404) },
    },
  }, async (request, reply) => {
    const { doc, data } = await services.files.readForActor(actionContext(request), request.params.fileId);
    return reply
      .type(doc.contentType)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.name)}`)
      .send(data);
  });
}
