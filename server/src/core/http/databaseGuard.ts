import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/AppError';
import { sendEnvelope } from '../errors/errorHandler';
import type { DatabaseMonitor } from '../db/monitor';

const RECHECK_MS = 250;

/**
 * API requests while the database is down get 503 DATABASE_UNAVAILABLE at once, and a request
 * still unanswered `requestTimeoutMs` after it arrived gets it as soon as the monitor knows the
 * database is down or stalled — instead of hanging until the database returns. A request that is
 * merely slow while the database answers (a big import, a long scan) is left alone.
 * (The work already sent to a stalled database may still finish later; its answer is dropped.)
 */
export function installDatabaseGuard(app: FastifyInstance, opts: { monitor: DatabaseMonitor; requestTimeoutMs: number; applies: (request: FastifyRequest) => boolean }) {
  const down = () => new AppError('DATABASE_UNAVAILABLE', { details: { database: opts.monitor.status().state } });

  app.addHook('onRequest', async (request, reply) => {
    if (!opts.applies(request)) return;
    if (opts.monitor.state() === 'down') throw down();
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      if (reply.sent || reply.raw.writableEnded) return;
      if (opts.monitor.state() === 'down') {
        request.log.warn({ waitedMs: Date.now() - started }, 'database did not answer in time');
        void sendEnvelope(reply, request, down());
        return;
      }
      timer = setTimeout(check, RECHECK_MS);
    };
    const started = Date.now();
    timer = setTimeout(check, opts.requestTimeoutMs);
    reply.raw.once('close', () => clearTimeout(timer));
  });
}
