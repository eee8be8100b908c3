import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ErrorEnvelope } from '@dajiuzhu/shared';
import { AppError } from '../errors/AppError';

const Status = Type.Object({ status: Type.String() });

/** Liveness (the process answers) and readiness (the database answers). */
export default async function healthRoutes(app: FastifyInstance, opts: { isDatabaseReady: () => Promise<boolean> }) {
  app.get('/healthz', { schema: { tags: ['health'], summary: '进程存活', response: { 200: Status } }, config: { rateLimit: false } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['health'], summary: '数据库可用', response: { 200: Status, 503: ErrorEnvelope } }, config: { rateLimit: false } }, async () => {
    if (!(await opts.isDatabaseReady())) throw new AppError('SERVICE_UNAVAILABLE', { message: '数据库暂时不可用' });
    return { status: 'ready' };
  });
}
