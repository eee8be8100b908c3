import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { constants as zlibConstants } from 'node:zlib';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Connection } from 'mongoose';
import type { DestinationStream } from 'pino';
import sensible from '@fastify/sensible';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import jwt from '@fastify/jwt';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import underPressure from '@fastify/under-pressure';
import fastifyStatic from '@fastify/static';
import compress from '@fastify/compress';
import type { AppConfig } from '@dajiuzhu/config';
import { connectDatabase } from './core/db/connection';
import { monitorDatabase } from './core/db/monitor';
import { registerNumberedStore } from './core/db/numbered';
import { ensureIndexes, registerModels, type Models } from './core/models';
import { createServices, type Services } from './core/services';
import { createWechatClient, type WechatClient } from './core/adapters/wechat/code2session';
import { AppError } from './core/errors/AppError';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './core/errors/errorHandler';
import { loggerOptions } from './core/http/logging';
import { installValidators } from './core/http/validation';
import { installDatabaseGuard } from './core/http/databaseGuard';
import { installDrain } from './core/http/drain';
import { rateLimitKey } from './core/http/rateLimitKey';
import { databaseRateLimitStore, deleteEndedBuckets, registerRateBucketModel } from './core/http/rateLimitStore';
import { staticCacheHeaders } from './core/http/staticCaching';
import { registerLeaseModels, leaseService } from './core/jobs/leases';
import { createJobs } from './core/jobs/jobs';
import { declareUriTooLong } from './core/http/schemaHelpers';
import { uploadQuota } from './core/files/uploadQuota';
import authPlugin from './core/auth/authPlugin';
import healthRoutes from './core/http/healthRoutes';
import authRoutes from './core/auth/routes';
import meRoutes from './core/identity/meRoutes';
import staffRoutes from './core/identity/staffRoutes';
import adminRoutes from './core/identity/adminRoutes';
import adminPeopleRoutes from './core/identity/adminPeopleRoutes';
import { DOMAINS, type LedgerHooks } from './domains';
import { API_PREFIX } from './core/domain';
import fileRoutes from './core/files/routes';
import multipart from '@fastify/multipart';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    models: Models;
    db: Connection;
    /** Every route registered, "METHOD /url", for checks such as "the OpenAPI lists every route". */
    routeList: string[];
  }
}

export interface BuildOptions {
  /** mongodb:// URI of a MongoDB or the embedded FerretDB. */
  databaseUri: string;
  /** Database name; default: the one in the URI, or "dajiuzhu". */
  databaseName?: string;
  /** Overrides the WeChat client (still a real HTTP client in tests, pointed at a fake server). */
  wechat?: WechatClient;
  logStream?: DestinationStream;
  /** Construction-time hooks of the ledger's job runner (the crash tests); production passes none. */
  ledgerHooks?: LedgerHooks;
}

const REPO_ROOT = path.resolve(__dirname, '../..');
/** Ended rate-limit windows are deleted this often (FerretDB has no TTL index). */
const RATE_BUCKET_CLEANUP_MS = 10 * 60_000;

/** `trustProxy: n`: the n proxies nearest to us are trusted (Fastify's hop count, as a function for its types). */
const hopsTrusted = (n: number) => (_address: string, hop: number) => hop < n;

/** The API: one factory for the server entry and for tests. */
export async function buildApp(config: AppConfig, opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, opts.logStream),
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    // Behind a reverse proxy, the client's address (rate limits per address) comes from X-Forwarded-For.
    trustProxy: typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : config.trustProxy,
    // Once closing (after the drain, core/http/drain.ts), a request that still arrives gets 503 and `Connection: close`.
    return503OnClosing: true,
    // Refusals before routing (bad URL, a path parameter over 100 characters) and by Node's HTTP
    // parser (headers too large, a malformed request) use the envelope too.
    frameworkErrors,
    clientErrorHandler: clientErrorHandler(() => randomUUID()),
  });
  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push(`${method} ${route.url}`);
    declareUriTooLong(route);
  });
  installErrorHandler(app, routeList);
  installValidators(app);
  installDrain(app);

  const dbName = opts.databaseName ?? (new URL(opts.databaseUri.replace(/^mongodb\+srv/, 'mongodb')).pathname.slice(1) || 'dajiuzhu');
  const db = await connectDatabase(opts.databaseUri, dbName, config.database);
  app.addHook('onClose', async () => { await db.close(); });
  const monitor = monitorDatabase(opts.databaseUri, {
    requestTimeoutMs: config.database.requestTimeoutMs,
    log: (state, reason) => (state === 'down' ? app.log.error({ reason }, 'database unavailable') : app.log.warn('database available again')),
  });
  app.addHook('onClose', () => monitor.close());
  installDatabaseGuard(app, { monitor, requestTimeoutMs: config.database.requestTimeoutMs, applies: (request) => request.url.startsWith(`${API_PREFIX}/`) });
  const models = registerModels(db);
  await ensureIndexes(models);
  // Numbered series (insert wins, core/db/numbered.ts) for the live-session cap and the daily upload cap.
  const sessionNumbers = registerNumberedStore(db, 'session');
  const uploadNumbers = registerNumberedStore(db, 'upload');
  await ensureIndexes({ sessions: sessionNumbers.numbers, sessionHints: sessionNumbers.hints, uploads: uploadNumbers.numbers, uploadHints: uploadNumbers.hints });
  // Background jobs run once across API processes: leases in the database (core/jobs).
  const leaseModels = registerLeaseModels(db);
  const rateBuckets = registerRateBucketModel(db);
  await ensureIndexes({ ...leaseModels, rateBuckets });
  const jobs = createJobs(leaseService(leaseModels), { leaseTtlMs: config.jobs.leaseTtlMs, log: app.log });
  app.decorate('jobs', jobs);
  // Before onClose (which closes the database): running jobs finish and leases are given back.
  app.addHook('preClose', () => jobs.close());

  await app.register(sensible);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false });
  await app.register(jwt, {
    secret: config.jwt.secret,
    sign: { algorithm: 'HS256', expiresIn: config.jwt.accessTtlSeconds },
    verify: { algorithms: ['HS256'] },
  });
  // API JSON and the H5 app's files: brotli or gzip as the client accepts. Brotli at quality 4 (the
  // default 11 costs tens of milliseconds per response for a few percent).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } } });
  // Per person when signed in (a verified access token), per address otherwise; counted in the
  // database so the limit holds across API processes (core/http/rateLimitStore.ts).
  let storeErrorLoggedAt = 0;
  await app.register(rateLimit, {
    store: databaseRateLimitStore(rateBuckets, (err) => {
      if (Date.now() - storeErrorLoggedAt < 10_000) return;
      storeErrorLoggedAt = Date.now();
      app.log.warn({ err }, 'rate-limit counts not written to the database; counting in this process');
    }),
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    keyGenerator: rateLimitKey((token) => app.jwt.verify(token)),
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  jobs.every('rateLimits.cleanup', RATE_BUCKET_CLEANUP_MS, () => deleteEndedBuckets(rateBuckets));
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    maxHeapUsedBytes: 0,
    maxRssBytes: 0,
    pressureHandler: (_req, _reply, type) => { throw new AppError('SERVICE_UNAVAILABLE', { details: { pressure: String(type) } }); },
  });
  await app.register(multipart, { limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: { title: '大救助 API', version: '0.1.0', description: '社会救助小程序的后端接口。所有错误都使用同一个错误信封 ErrorEnvelope。' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const wechat = opts.wechat ?? createWechatClient(config.wechat);
  const services = createServices(models, config, { sign: (claims) => app.jwt.sign(claims), wechat });
  app.decorate('services', services);
  app.decorate('models', models);
  app.decorate('db', db);

  app.addHook('onSend', async (request, reply) => { reply.header('x-request-id', request.id); });

  await app.register(authPlugin, { services });
  await app.register(healthRoutes, { monitor, draining: () => app.isDraining() });
  await app.register(async (api) => {
    await api.register(authRoutes, { services, devSignIn: config.devSignIn, authRateMax: config.rateLimit.authMax });
    await api.register(meRoutes, { services });
    await api.register(staffRoutes, { services });
    await api.register(adminRoutes, { services });
    await api.register(adminPeopleRoutes, { services });
    await api.register(fileRoutes, { services, quota: uploadQuota(uploadNumbers, config.uploads.perAccountPerDay) });
  }, { prefix: API_PREFIX });
  for (const domain of DOMAINS) await app.register(domain, { config, services, ledgerHooks: opts.ledgerHooks });

  const h5Dir = path.resolve(REPO_ROOT, config.h5Dir);
  if (config.h5Dir && existsSync(path.join(h5Dir, 'index.html'))) {
    // Hashed files are cached for a year (their name changes with their content); index.html is
    // revalidated on every load so a new release is seen at once (core/http/staticCaching.ts).
    await app.register(fastifyStatic, { root: h5Dir, prefix: '/', wildcard: false, index: ['index.html'], cacheControl: false, setHeaders: staticCacheHeaders });
  }
  return app;
}
