import { Type, type Static } from '@sinclair/typebox';
import { ApplicationSettingsSchema, type ApplicationSettings } from './applicationChain';
import { LedgerConfigSchema } from './ledger';
import { WishConfigSchema } from './wishes';
import { PaymentConfigSchema } from './payment';
import { CharityConfigSchema } from './charity';
import { MonitoringConfigSchema } from './monitoring';
import { RecheckConfigSchema } from './recheck';
import { SupervisionConfigSchema } from './supervision';

/** Every setting the product reads, with its bounds. Validated once at start. */
export const AppConfigSchema = Type.Object(
  {
    env: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')]),
    host: Type.String({ minLength: 1 }),
    port: Type.Integer({ minimum: 0, maximum: 65535 }),
    /** Production database. Absent: the embedded FerretDB under dataDir. */
    mongodbUri: Type.Optional(Type.String({ pattern: '^mongodb(\\+srv)?://' })),
    dataDir: Type.String({ minLength: 1 }),
    logLevel: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
    bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024 }),
    /** Directory of the built H5 app served at "/"; empty disables serving it. */
    h5Dir: Type.String(),
    corsOrigins: Type.Array(Type.String()),
    devSignIn: Type.Boolean(),
    /**
     * Load the demo accounts (DEMO_ACCOUNTS, their profiles) at start, once (server/src/main.ts).
     * Only while development sign-in is on too: they are reachable only through it.
     */
    seedDemo: Type.Boolean(),
    rateLimit: Type.Object({
      max: Type.Integer({ minimum: 1 }),
      windowMs: Type.Integer({ minimum: 1000 }),
      authMax: Type.Integer({ minimum: 1 }),
    }),
    jwt: Type.Object({
      secret: Type.String({ minLength: 32 }),
      /** Access tokens live at most 15 minutes. */
      accessTtlSeconds: Type.Integer({ minimum: 30, maximum: 900 }),
      refreshTtlDays: Type.Integer({ minimum: 1, maximum: 90 }),
    }),
    pii: Type.Object({
      /** AES-256-GCM keys by id; old ids stay to read old data while a new one is active. */
      keys: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$' }), Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$' })),
      activeKeyId: Type.String({ minLength: 1 }),
      /** HMAC-SHA256 key of the blind index (lookup and uniqueness of ID numbers). */
      blindIndexKey: Type.String({ minLength: 32 }),
    }),
    wechat: Type.Object({
      appId: Type.String(),
      appSecret: Type.String(),
      apiBaseUrl: Type.String({ pattern: '^https?://' }),
      timeoutMs: Type.Integer({ minimum: 100, maximum: 30000 }),
    }),
    uploads: Type.Object({
      /** Largest accepted upload (photos, PDFs of documents). */
      maxBytes: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024 }),
      /** Uploads one account may make per day (Asia/Shanghai). */
      perAccountPerDay: Type.Integer({ minimum: 1, maximum: 100_000 }),
    }),
    /**
     * Behind a reverse proxy: what Fastify's `trustProxy` gets (false, true, a hop count, or a
     * comma-separated list of proxy addresses/CIDRs), so rate limits see the client's address.
     */
    trustProxy: Type.Union([Type.Boolean(), Type.Integer({ minimum: 1, maximum: 10 }), Type.String({ minLength: 1 })]),
    /** Live sign-in sessions one account may hold; the oldest is ended when a new one starts. */
    maxSessionsPerAccount: Type.Integer({ minimum: 1, maximum: 100 }),
    database: Type.Object({
      /** A request that waits longer than this for the database gets 503 (the envelope). */
      requestTimeoutMs: Type.Integer({ minimum: 100, maximum: 60000 }),
      /** Connections the driver opens at most (FerretDB v1.24 deadlocks when a burst holds all of a large pool; config/env/default.ts). */
      maxPoolSize: Type.Integer({ minimum: 2, maximum: 200 }),
      /**
       * Mongoose records a stack trace for every query, to show where a failed query was made. It
       * cost 11 % of a signed-in request; off in production.
       */
      queryStackTraces: Type.Boolean(),
    }),
    /**
     * How long an API process accepts a session (and its user) without reading it again. A
     * sign-out on another process takes effect here at most this much later (docs/security.md);
     * 0 reads the session on every request.
     */
    sessionCacheMs: Type.Integer({ minimum: 0, maximum: 30_000 }),
    jobs: Type.Object({
      /** A background job's lease (core/jobs): renewed every third of it; taken over this long after its holder died. */
      leaseTtlMs: Type.Integer({ minimum: 1000, maximum: 600_000 }),
    }),
    /**
     * Identity verification (实名核验): `wechat` checks WeChat's face verification result with
     * WeChat's API; `demo` verifies only the demo accounts (development; refused in production).
     */
    identity: Type.Object({
      verifier: Type.Union([Type.Literal('wechat'), Type.Literal('demo')]),
      /** Applications one verified helper may file for others per day (帮办代办). */
      helperFilingsPerDay: Type.Integer({ minimum: 1, maximum: 1000 }),
      /**
       * Where WeChat's access-token and face-verification APIs are (absent: `wechat.apiBaseUrl`).
       * Tests point it at their own fake server, apart from the fakes they give `wechat.apiBaseUrl`.
       */
      faceApiBaseUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
    }),
    /** Event-loop delay above which requests get 503 (0 turns the check off). */
    maxEventLoopDelayMs: Type.Integer({ minimum: 0, maximum: 60000 }),
    invitationTtlHours: Type.Integer({ minimum: 1, maximum: 24 * 30 }),
    shutdownGraceMs: Type.Integer({ minimum: 0, maximum: 120000 }),
    /** Each business domain's settings, loaded and overridden like the rest (one mechanism). */
    applications: ApplicationSettingsSchema,
    ledger: LedgerConfigSchema,
    wishes: WishConfigSchema,
    /** Donations' payments (WeChat Pay or the local fake): config/src/payment.ts. */
    payment: PaymentConfigSchema,
    charity: CharityConfigSchema,
    monitoring: MonitoringConfigSchema,
    recheck: RecheckConfigSchema,
    supervision: SupervisionConfigSchema,
  },
  { additionalProperties: false },
);

/** The chain settings' programme table is typed by programme code (the schema only says "a record"). */
export type AppConfig = Omit<Static<typeof AppConfigSchema>, 'applications'> & { applications: ApplicationSettings };
