import { Type, type Static } from '@sinclair/typebox';
import { ConfigError } from './configError';

/**
 * Settings of 慈善筹 projects (docs/charity.md): the `charity` section of AppConfig. The report
 * months follow the charity law (慈善法 art. 71: at least every three months for fundraising over
 * six months; in full within three months of the end); this product asks every project to report
 * quarterly.
 */
export const CharityConfigSchema = Type.Object(
  {
    /** While a project raises money, a progress report falls due this many months after publishing or the last one. */
    progressReportEveryMonths: Type.Integer({ minimum: 1, maximum: 12 }),
    /** The final report falls due this many months after the project ends. */
    finalReportWithinMonths: Type.Integer({ minimum: 1, maximum: 12 }),
    /** How often the job closes projects past their end date and flags overdue reports (ms). */
    jobIntervalMs: Type.Integer({ minimum: 1000, maximum: 24 * 3600_000 }),
    /** Content security check of a project's text before review: WeChat's API, or off (development only). */
    contentCheck: Type.Union([Type.Literal('wechat'), Type.Literal('off')]),
  },
  { additionalProperties: false },
);
export type CharityConfig = Static<typeof CharityConfigSchema>;

export const CHARITY_DEFAULTS: CharityConfig = {
  progressReportEveryMonths: 3,
  finalReportWithinMonths: 3,
  jobIntervalMs: 3600_000,
  contentCheck: 'wechat',
};

/** Environment variables of 慈善筹, each naming one key under `charity`. */
export const CHARITY_ENV_KEYS: Record<string, string> = {
  CHARITY_PROGRESS_REPORT_EVERY_MONTHS: 'charity.progressReportEveryMonths',
  CHARITY_FINAL_REPORT_WITHIN_MONTHS: 'charity.finalReportWithinMonths',
  CHARITY_JOB_INTERVAL_MS: 'charity.jobIntervalMs',
  CHARITY_CONTENT_CHECK: 'charity.contentCheck',
};

/** Production refuses to run without the content check. */
export function checkCharityConfig(config: CharityConfig, appEnv: 'development' | 'test' | 'production'): void {
  if (appEnv === 'production' && config.contentCheck === 'off') {
    throw new ConfigError('配置错误 charity.contentCheck (CHARITY_CONTENT_CHECK): the content check cannot be off when NODE_ENV=production');
  }
}
