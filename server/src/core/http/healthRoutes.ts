import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ErrorEnvelope } from '@dajiuzhu/shared';
import { AppError } from '../errors/AppError';
import type { DatabaseMonitor } from '../db/monitor';

const Health = Type.Object({ status: Type.Literal('ok'), database: Type.Literal('up') });
const Ready = Type.Object({ status: Type.Literal('ready') });

/**
 * `/healthz`: is the service healthy — the process and its database (monitoring, alerts, a
 * supervisor's liveness check). `/readyz`: may this instance take traffic now (a load balancer).
 * Both answer 503 DATABASE_UNAVAILABLE while the database does not answer, and 200 again by
 * themselves when it does; `/readyz` also answers 503 SERVICE_UNAVAILABLE while the server drains
 * on SIGTERM (core/http/drain.ts).
 * Neither touches the app's connection pool: they read the monitor (core/db/monitor.ts).
 */
export default async function healthRoutes(app: FastifyInstance, opts: { monitor: DatabaseMonitor; draining: () => boolean }) {
  const unavailable = () => {
    const { state, since } = opts.monitor.status();
    return new AppError('DATABASE_UNAVAILABLE', { details: { database: state, since: since.toISOString() } });
  };
  const noLimit = { rateLimit: false };
  app.get('/healthz', { schema: { tags: ['health'], summary: '服务健康（进程与数据库）', response: { 200: Health, 503: ErrorEnvelope } }, config: noLimit }, async () => {
    if (opts.monitor.state() === 'down') throw unavailable();
    return { status: 'ok' as const, database: 'up' as const };
  });
  app.get('/readyz', { schema: { tags: ['health'], summary: '可以接收请求', response: { 200: Ready, 503: ErrorEnvelope } }, config: noLimit }, async () => {
    if (opts.draining()) throw new AppError('SERVICE_UNAVAILABLE', { message: '服务正在停止，请稍后再试' });
    if (opts.monitor.state() === 'down') throw unavailable();
    return { status: 'ready' as const };
  });
}
