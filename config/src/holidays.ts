import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ConfigError } from './configError';

/**
 * Public holidays and make-up working days (调休上班) for working-day deadlines, one entry per
 * year as the State Council's General Office publishes it (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 * `holidays` lists every day off of each block (weekend days inside a block too); `workdays` the
 * weekend days that are working days. A year not listed counts only weekends as days off.
 *
 * `status: 'published'` means copied from the notice; `'provisional'` means the notice was not
 * available when this file was written: only the statutory days (全国年节及纪念日放假办法, 2024
 * revision) are listed, without bridging days or make-up working days. Replace it with the
 * published schedule as soon as the notice is out (normally in November of the year before).
 */
export const HolidayYearSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    status: Type.Union([Type.Literal('published'), Type.Literal('provisional')]),
    source: Type.String({ minLength: 1 }),
    holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    workdays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  { additionalProperties: false },
);
export type HolidayYear = Static<typeof HolidayYearSchema>;

const range = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    return d.toISOString().slice(0, 10);
  });

export const HOLIDAY_YEARS: HolidayYear[] = [
  {
    year: 2026,
    status: 'published',
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社）',
    holidays: [
      ...range('2026-01-01', 3), // 元旦 1月1日（周四）至3日（周六）
      ...range('2026-02-15', 9), // 春节 2月15日（周日）至23日（周一）
      ...range('2026-04-04', 3), // 清明节 4月4日（周六）至6日（周一）
      ...range('2026-05-01', 5), // 劳动节 5月1日（周五）至5日（周二）
      ...range('2026-06-19', 3), // 端午节 6月19日（周五）至21日（周日）
      ...range('2026-09-25', 3), // 中秋节 9月25日（周五）至27日（周日）
      ...range('2026-10-01', 7), // 国庆节 10月1日（周四）至7日（周三）
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    status: 'provisional',
    source: '2027年安排尚未取得：暂按《全国年节及纪念日放假办法》法定假日（元旦1天、春节4天含除夕、清明1天、劳动节2天、端午1天、中秋1天、国庆3天），无调休；待国务院办公厅通知发布后替换',
    holidays: [
      '2027-01-01', // 元旦
      ...range('2027-02-05', 4), // 春节：除夕（2月5日）至正月初三
      '2027-04-05', // 清明节
      '2027-05-01', '2027-05-02', // 劳动节
      '2027-06-09', // 端午节（农历五月初五）
      '2027-09-15', // 中秋节（农历八月十五）
      ...range('2027-10-01', 3), // 国庆节
    ],
    workdays: [],
  },
];

/** Validates the calendar: shape, dates inside their year, real days, no day both off and on. */
export function loadHolidayCalendar(years: HolidayYear[] = HOLIDAY_YEARS): { holidays: string[]; workdays: string[]; years: HolidayYear[] } {
  for (const y of years) {
    const first = Value.Errors(HolidayYearSchema, y).First();
    if (first) throw new ConfigError(`配置错误 holidays.${y.year}${first.path.replace(/\//g, '.')}: ${first.message}`);
    for (const d of [...y.holidays, ...y.workdays]) {
      const real = new Date(`${d}T00:00:00Z`);
      if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== d || !d.startsWith(`${y.year}-`)) throw new ConfigError(`配置错误 holidays.${y.year}: "${d}" is not a day of ${y.year}`);
    }
    for (const d of y.workdays) {
      if (y.holidays.includes(d)) throw new ConfigError(`配置错误 holidays.${y.year}: "${d}" is both a holiday and a working day`);
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (wd !== 0 && wd !== 6) throw new ConfigError(`配置错误 holidays.${y.year}: make-up working day "${d}" is not a weekend day`);
    }
  }
  return { holidays: years.flatMap((y) => y.holidays), workdays: years.flatMap((y) => y.workdays), years };
}
