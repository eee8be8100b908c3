import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FileIdParams, FileList, FileListQuery, FileView, UploadQuery } from '@dajiuzhu/shared';
import type { Services } from '../services';
import { actionContext } from '../auth/authPlugin';
import { AppError } from '../errors/AppError';
import { bearer, errorResponses } from '../http/schemaHelpers';
import type { UploadQuota } from './uploadQuota';

export default async function fileRoutes(base: FastifyInstance, opts: { services: Services; quota: UploadQuota }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;

  app.post('/files', {
    preParsing: app.authenticate,
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
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new AppError('FILE_MISSING');
    const data = await part.toBuffer(); // throws FILE_TOO_LARGE past the configured limit
    const view = await services.files.upload(actionContext(request), { purpose: request.query.purpose, name: part.filename, data });
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
