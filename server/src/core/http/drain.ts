import net from 'node:net';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Graceful stop, before `close()`: stop accepting connections, let the requests in flight (and
     * any that arrive on connections already open) finish, each answered with `Connection: close`;
     * resolves when every connection has ended, or after `ms` with the stragglers cut.
     */
    drain(ms: number): Promise<{ cut: number }>;
    /** True from the start of drain(): /readyz answers 503 so a load balancer stops sending. */
    isDraining(): boolean;
  }
}

/** How long a kept-alive client may go on using its open connection before idle ones are closed. */
const LINGER_MS = 1000;
const IDLE_SWEEP_MS = 250;

/**
 * Why not just `app.close()`: Node's `server.close()` closes idle kept-alive connections at once,
 * and a client that sent its next request on one at that moment sees it reset. Here the listening
 * socket closes first; for a moment every connection still open is served normally and told to
 * close after its response, so active clients move off it cleanly; only then are idle ones closed.
 */
export function installDrain(app: FastifyInstance) {
  let draining = false;
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  app.decorate('isDraining', () => draining);
  app.decorate('drain', async (ms: number) => {
    draining = true;
    const server = app.server;
    const allClosed = new Promise<void>((resolve) => {
      // net.Server's close: no new connections; open ones are kept (http.Server's would close the idle ones now).
      if (server.listening) net.Server.prototype.close.call(server, () => resolve());
      else resolve();
    });
    let sweep: NodeJS.Timeout | undefined;
    const linger = setTimeout(() => {
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    }, Math.min(LINGER_MS, ms / 2));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([allClosed.then(() => false), new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), ms); })]);
    clearTimeout(timer);
    clearTimeout(linger);
    clearInterval(sweep);
    let cut = 0;
    if (timedOut) {
      cut = await new Promise<number>((resolve) => server.getConnections((_err, n) => resolve(n ?? 0)));
      server.closeAllConnections();
    }
    return { cut };
  });
}
