import { Type, type Static } from '@sinclair/typebox';

/**
 * Settings of 动态管理 (recheck, exit, change reports, yearly confirmation): the `recheck` section of
 * AppConfig (docs/recheck.md). Defaults follow 民发〔2021〕57号 and 43号 (../shared/domain/RULES.md).
 */
export const RecheckConfigSchema = Type.Object(
  {
    /** How often the schedule job looks for rechecks coming due, ended notices and missing confirmations. */
    jobIntervalMs: Type.Integer({ minimum: 1000 }),
    /** A scheduled recheck opens this many days before its date. */
    openDaysBefore: Type.Integer({ minimum: 0, maximum: 90 }),
    /** Working days for a recheck no rule gives a shorter time. */
    deadlineWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** 特困: re-assessment within this many working days of a reported change (43号: 10). */
    tekunChangeWorkingDays: Type.Integer({ minimum: 1, maximum: 60 }),
    /** A death in the household: recheck within this many months (57号: 3). */
    deathMonths: Type.Integer({ minimum: 1, maximum: 12 }),
    /** 特困 exit: public notice days before the stop takes effect (43号: 7). */
    exitNoticeDays: Type.Integer({ minimum: 1, maximum: 30 }),
    /** 渐退期 months (≤ 6, 57号) for a household leaving through work: the default and per region (longest matching code prefix wins). */
    phaseOutMonths: Type.Integer({ minimum: 0, maximum: 6 }),
    phaseOutMonthsByRegion: Type.Record(Type.String({ pattern: '^\\d{2,12}$' }), Type.Integer({ minimum: 0, maximum: 6 })),
    /** 年度确认: the window each year (MM-DD, Asia/Shanghai); a confirmation missing after `dueOn` opens a recheck. */
    yearlyConfirmation: Type.Object(
      {
        opensOn: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }),
        dueOn: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RecheckConfig = Static<typeof RecheckConfigSchema>;

export const RECHECK_DEFAULTS: RecheckConfig = {
  jobIntervalMs: 60 * 60 * 1000,
  openDaysBefore: 30,
  deadlineWorkingDays: 20,
  tekunChangeWorkingDays: 10,
  deathMonths: 3,
  exitNoticeDays: 7,
  phaseOutMonths: 6,
  phaseOutMonthsByRegion: {},
  yearlyConfirmation: { opensOn: '01-01', dueOn: '03-31' },
};

/** The 渐退期 months for a region: the longest configured prefix of its code, else the default. */
export function phaseOutMonthsFor(cfg: Pick<RecheckConfig, 'phaseOutMonths' | 'phaseOutMonthsByRegion'>, regionCode: string): number {
  let best = -1;
  let months = cfg.phaseOutMonths;
  for (const [prefix, m] of Object.entries(cfg.phaseOutMonthsByRegion)) {
    if (regionCode.startsWith(prefix) && prefix.length > best) { best = prefix.length; months = m; }
  }
  return months;
}
