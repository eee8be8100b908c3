import { Type, type Static } from '@sinclair/typebox';

/**
 * Settings of 低收入人口动态监测 (monitoring): the `monitoring` section of AppConfig, loaded and
 * validated with the rest of the configuration (docs/monitoring.md).
 */
export const MonitoringConfigSchema = Type.Object(
  {
    /** Working days to close an alert, by level (overdue after; feeds 电子监察). */
    deadlineWorkingDays: Type.Object(
      {
        red: Type.Integer({ minimum: 1, maximum: 60 }),
        orange: Type.Integer({ minimum: 1, maximum: 60 }),
        yellow: Type.Integer({ minimum: 1, maximum: 60 }),
      },
      { additionalProperties: false },
    ),
    /** 一键求助 and 随手拍 one account may send per day (Asia/Shanghai days), together. */
    reportsPerDay: Type.Integer({ minimum: 1, maximum: 100 }),
    /** Largest department file accepted (bytes). 1,000,000 rows of CSV ≈ 60 MB. */
    maxImportBytes: Type.Integer({ minimum: 1024, maximum: 2 * 1024 * 1024 * 1024 }),
    /** Rows checked and inserted together; also the checkpoint interval of an import and of an evaluation. */
    batchRows: Type.Integer({ minimum: 1, maximum: 20_000 }),
    /** A running job whose heartbeat is older than this is taken as interrupted (process killed). */
    staleJobMs: Type.Integer({ minimum: 1000 }),
    /** Content security check of 随手拍 text and photos: WeChat's API, or off (development and tests only). */
    contentCheck: Type.Union([Type.Literal('wechat'), Type.Literal('off')]),
  },
  { additionalProperties: false },
);
export type MonitoringConfig = Static<typeof MonitoringConfigSchema>;

export const MONITORING_DEFAULTS: MonitoringConfig = {
  deadlineWorkingDays: { red: 3, orange: 5, yellow: 10 },
  reportsPerDay: 5,
  maxImportBytes: 200 * 1024 * 1024,
  batchRows: 1000,
  staleJobMs: 60_000,
  contentCheck: 'wechat',
};
