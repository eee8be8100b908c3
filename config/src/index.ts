import { Value } from '@sinclair/typebox/value';
import { defaults } from '../env/default';
import { development } from '../env/development';
import { test } from '../env/test';
import { production } from '../env/production';
import { AppConfigSchema, type AppConfig } from './schema';
import { mergeLayers, type ConfigLayer } from './layer';
import { ConfigError, ENV_KEYS, layerFromEnvironment } from './fromEnvironment';
import { checkApplicationSettings } from './applicationChain';
import { checkLedgerConfig } from './ledger';
import { checkWishConfig } from './wishes';
import { checkPaymentConfig } from './payment';
import { checkCharityConfig } from './charity';

export type { AppConfig } from './schema';
export type { ConfigLayer } from './layer';
export { ConfigError } from './fromEnvironment';
export { budgetCapFor, type WishConfig } from './wishes';
export type { LedgerConfig } from './ledger';
export { paymentConfigured, type PaymentConfig } from './payment';
export type { MonitoringConfig } from './monitoring';
export { phaseOutMonthsFor, type RecheckConfig } from './recheck';
export type { SupervisionConfig } from './supervision';
export type { CharityConfig } from './charity';
export type { ApplicationSettings } from './applicationChain';

const ENVIRONMENTS = { development, test, production } as const;

/**
 * The one place configuration is read: defaults, then the file for NODE_ENV, then environment
 * variables, then explicit overrides (tests). A bad value stops start-up with a message that
 * names the key.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: ConfigLayer = {}): AppConfig {
  const name = (env.NODE_ENV ?? 'development') as keyof typeof ENVIRONMENTS;
  if (!(name in ENVIRONMENTS)) throw new ConfigError(`配置错误 env (NODE_ENV): "${name}" must be development, test or production`);
  const merged = mergeLayers<AppConfig>(defaults, { env: name }, ENVIRONMENTS[name], layerFromEnvironment(env), overrides);
  return validateConfig(merged);
}

export function validateConfig(config: AppConfig): AppConfig {
  const first = Value.Errors(AppConfigSchema, config).First();
  if (first) {
    const key = first.path.replace(/^\//, '').replace(/\//g, '.');
    const envName = Object.entries(ENV_KEYS).find(([, k]) => k === key || key.startsWith(`${k}.`))?.[0];
    throw new ConfigError(`配置错误 ${key}${envName ? ` (${envName})` : ''}: ${first.message}`);
  }
  if (config.env === 'production' && config.identity.verifier === 'demo') {
    throw new ConfigError('配置错误 identity.verifier (IDENTITY_VERIFIER): the demo verifier cannot be used when NODE_ENV=production');
  }
  if (config.env === 'production' && config.monitoring.contentCheck === 'off') {
    throw new ConfigError('配置错误 monitoring.contentCheck: the content check of 随手拍 cannot be off when NODE_ENV=production');
  }
  if (config.env === 'production' && config.devSignIn) {
    throw new ConfigError('配置错误 devSignIn (DEV_SIGN_IN): development sign-in cannot be enabled when NODE_ENV=production');
  }
  if (!(config.pii.activeKeyId in config.pii.keys)) {
    throw new ConfigError(`配置错误 pii.activeKeyId (PII_ACTIVE_KEY_ID): "${config.pii.activeKeyId}" is not one of pii.keys (PII_KEYS)`);
  }
  checkApplicationSettings(config.applications);
  checkLedgerConfig(config.ledger);
  checkWishConfig(config.wishes, config.env);
  checkPaymentConfig(config.payment, config.env);
  checkCharityConfig(config.charity, config.env);
  return Object.freeze(config);
}
export { loadPolicyStandards, type PolicyStandards } from './policy';
export { POLICY_FILES } from '../policy';
export { loadHolidayCalendar, HOLIDAY_YEARS } from './holidays';
