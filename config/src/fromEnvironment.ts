import type { ConfigLayer } from './layer';
import { ConfigError } from './configError';
import { APPLICATION_ENV_KEYS } from './applicationChain';
import { LEDGER_ENV_KEYS } from './ledger';
import { parseBudgetCaps, WISH_ENV_KEYS } from './wishes';
import { PAYMENT_ENV_KEYS, PAYMENT_TEXT_KEYS } from './payment';
import { SUPERVISION_ENV_KEYS } from './supervision';
import { CHARITY_ENV_KEYS } from './charity';

/** Environment variables each map to one key; the error names both when a value is bad. */
export const ENV_KEYS: Record<string, string> = {
  HOST: 'host',
  PORT: 'port',
  MONGODB_URI: 'mongodbUri',
  DATA_DIR: 'dataDir',
  LOG_LEVEL: 'logLevel',
  BODY_LIMIT_BYTES: 'bodyLimitBytes',
  H5_DIR: 'h5Dir',
  CORS_ORIGINS: 'corsOrigins',
  DEV_SIGN_IN: 'devSignIn',
  SEED_DEMO: 'seedDemo',
  RATE_LIMIT_MAX: 'rateLimit.max',
  RATE_LIMIT_AUTH_MAX: 'rateLimit.authMax',
  JWT_SECRET: 'jwt.secret',
  JWT_ACCESS_TTL_SECONDS: 'jwt.accessTtlSeconds',
  JWT_REFRESH_TTL_DAYS: 'jwt.refreshTtlDays',
  PII_KEYS: 'pii.keys',
  PII_ACTIVE_KEY_ID: 'pii.activeKeyId',
  PII_BLIND_INDEX_KEY: 'pii.blindIndexKey',
  WECHAT_APP_ID: 'wechat.appId',
  WECHAT_APP_SECRET: 'wechat.appSecret',
  WECHAT_API_BASE_URL: 'wechat.apiBaseUrl',
  WECHAT_TIMEOUT_MS: 'wechat.timeoutMs',
  UPLOAD_MAX_BYTES: 'uploads.maxBytes',
  UPLOADS_PER_ACCOUNT_PER_DAY: 'uploads.perAccountPerDay',
  TRUST_PROXY: 'trustProxy',
  MAX_SESSIONS_PER_ACCOUNT: 'maxSessionsPerAccount',
  DATABASE_REQUEST_TIMEOUT_MS: 'database.requestTimeoutMs',
  DATABASE_MAX_POOL_SIZE: 'database.maxPoolSize',
  DATABASE_QUERY_STACK_TRACES: 'database.queryStackTraces',
  SESSION_CACHE_MS: 'sessionCacheMs',
  JOB_LEASE_TTL_MS: 'jobs.leaseTtlMs',
  IDENTITY_VERIFIER: 'identity.verifier',
  HELPER_FILINGS_PER_DAY: 'identity.helperFilingsPerDay',
  INVITATION_TTL_HOURS: 'invitationTtlHours',
  SHUTDOWN_GRACE_MS: 'shutdownGraceMs',
  ...APPLICATION_ENV_KEYS,
  ...LEDGER_ENV_KEYS,
  ...WISH_ENV_KEYS,
  ...PAYMENT_ENV_KEYS,
  ...SUPERVISION_ENV_KEYS,
  ...CHARITY_ENV_KEYS,
};

export { ConfigError };

/** Keys whose environment value is a whole number; every other value is text (or parsed below). */
const TEXT_KEYS = new Set(['host', 'mongodbUri', 'dataDir', 'logLevel', 'h5Dir', 'pii.activeKeyId', 'pii.blindIndexKey', 'jwt.secret', 'wechat.appId', 'wechat.appSecret', 'wechat.apiBaseUrl', 'wishes.contentCheck', 'identity.verifier', 'ledger.subscribeTemplateId', 'applications.messages.subscribeTemplateId', 'supervision.cardKey', 'charity.contentCheck']);
const INTEGER_KEYS = new Set(['port', 'bodyLimitBytes', 'rateLimit.max', 'rateLimit.authMax', 'jwt.accessTtlSeconds', 'jwt.refreshTtlDays', 'wechat.timeoutMs', 'invitationTtlHours', 'shutdownGraceMs', 'uploads.maxBytes', 'uploads.perAccountPerDay', 'maxSessionsPerAccount', 'database.requestTimeoutMs', 'database.maxPoolSize', 'identity.helperFilingsPerDay', 'sessionCacheMs', 'jobs.leaseTtlMs']);

for (const key of PAYMENT_TEXT_KEYS) TEXT_KEYS.add(key);

const BOOLEAN_KEYS = new Set(['devSignIn', 'seedDemo', 'database.queryStackTraces']);

function parseValue(envName: string, key: string, raw: string): unknown {
  if (key === 'wishes.budgetCapByRegion') return parseBudgetCaps(envName, raw);
  if (INTEGER_KEYS.has(key) || (!TEXT_KEYS.has(key) && (key.startsWith('wishes.') || key.startsWith('ledger.') || key.startsWith('payment.') || key.startsWith('supervision.') || key.startsWith('charity.')))) {
    if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(`配置错误 ${key} (${envName}): "${raw}" is not a whole number`);
    return Number(raw);
  }
  if (BOOLEAN_KEYS.has(key)) {
    if (!['true', 'false', '1', '0'].includes(raw)) throw new ConfigError(`配置错误 ${key} (${envName}): use true or false`);
    return raw === 'true' || raw === '1';
  }
  if (key === 'trustProxy') {
    // "false" / "true", a hop count, or addresses: Fastify's trustProxy forms.
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (/^\d+$/.test(raw.trim())) return Number(raw);
    return raw.trim();
  }
  if (key === 'corsOrigins') return raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (key === 'pii.keys') {
    // "k1:base64key,k2:base64key"
    const keys: Record<string, string> = {};
    for (const pair of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      const i = pair.indexOf(':');
      if (i <= 0) throw new ConfigError(`配置错误 ${key} (${envName}): expected "keyId:base64Key[,keyId:base64Key]"`);
      keys[pair.slice(0, i)] = pair.slice(i + 1);
    }
    return keys;
  }
  return raw.trim();
}

export function layerFromEnvironment(env: Record<string, string | undefined>): ConfigLayer {
  const layer: Record<string, unknown> = {};
  for (const [envName, key] of Object.entries(ENV_KEYS)) {
    const raw = env[envName];
    if (raw === undefined || raw === '') continue;
    const path = key.split('.');
    let node = layer;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = parseValue(envName, key, raw);
  }
  return layer as ConfigLayer;
}
