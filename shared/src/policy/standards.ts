import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CalendarDate, RegionCode } from '../schemas/common';

/**
 * The shape of published assistance standards: what config/policy/*.ts files hold, what the
 * loader validates, what GET /policy/standards returns and what the estimate reads. One schema so
 * config/, the server and the mini-program agree.
 */

/** A real calendar day (the pattern refuses "2021-02-30", so the OpenAPI document states the rule). */
export const IsoDate = CalendarDate;

/** Every figure names the article it was taken from, so a reviewer can check it. */
const Source = Type.String({ minLength: 3, maxLength: 120, pattern: '^[^\\n]+$', description: '来源：文章文件名（shared/domain/articles，配置文件）或文件文号（管理员新增）' });

function rate<P extends TSchema, X extends Record<string, TSchema> = Record<never, never>>(per: P, description: string, extra: X = {} as X) {
  return Type.Object(
    {
      ...extra,
      /** Integer fen, exactly as published (a yearly figure stays yearly). */
      fen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
      per,
      /** The article says "不低于" (a floor): the estimate shows it as "不低于 …". */
      atLeast: Type.Optional(Type.Boolean()),
      source: Source,
      note: Type.Optional(Type.String({ maxLength: 300 })),
    },
    { additionalProperties: false, description },
  );
}

/** A per-person rate, published per month or per year. */
export const PersonRate = rate(Type.Union([Type.Literal('month'), Type.Literal('year')]), '每人每月或每人每年', {
  /**
   * A second published floor as a multiple of the dibao standard of the same hukou and period
   * ("不低于低保标准的1.3倍"). The estimate uses the higher of this and `fen` (docs/policy.md).
   * At most three decimals (read as per-mille), so the least is 0.001 (`minimum`, not
   * `exclusiveMinimum: 0`, which OpenAPI 3.0 documents cannot hold).
   */
  minMultipleOfDibao: Type.Optional(Type.Number({ minimum: 0.001, maximum: 10, description: '不低于低保标准的倍数（如 1.3）' })),
});
export type PersonRate = Static<typeof PersonRate>;
/** Heating: per household, once per winter. */
export const WinterHouseholdRate = rate(Type.Literal('winter'), '每户每个冬季一次');
export type WinterHouseholdRate = Static<typeof WinterHouseholdRate>;
/** A grant per person per school year (not paid monthly). */
export const SchoolYearRate = rate(Type.Literal('schoolYear'), '每人每学年');
export type SchoolYearRate = Static<typeof SchoolYearRate>;

const strict = { additionalProperties: false } as const;
const opt = Type.Optional(PersonRate);

/** A programme a region publishes no figure for is absent; the estimate then says so. */
export const PolicyRates = Type.Object(
  {
    dibao: Type.Optional(Type.Object({ urban: opt, rural: opt }, strict)),
    tekun: Type.Optional(Type.Object({ urban: opt, rural: opt }, strict)),
    disabilityLiving: Type.Optional(Type.Object({ grade1to2: opt, grade3to4: opt }, strict)),
    disabilityCare: Type.Optional(Type.Object({ grade1: opt, grade2: opt }, strict)),
    orphan: Type.Optional(Type.Object({ institutional: opt, community: opt }, strict)),
    childInHardship: Type.Optional(PersonRate),
    unsupportedChild: Type.Optional(PersonRate),
    unsupportedChildSchoolGrant: Type.Optional(SchoolYearRate),
    heating: Type.Optional(Type.Object({ urban: Type.Optional(WinterHouseholdRate), rural: Type.Optional(WinterHouseholdRate) }, strict)),
  },
  strict,
);
export type PolicyRates = Static<typeof PolicyRates>;

export { DEFAULT_DIBAO_EDGE_MULTIPLE } from './defaults';

const PolicySetting = <T extends TSchema>(value: T) =>
  Type.Object({ value, source: Type.Optional(Source), note: Type.String({ minLength: 1, maxLength: 300 }) }, strict);

/** Share of wage income deducted as employment cost (就业成本) before counting it; 0 where none is published. */
export const EmploymentDeduction = PolicySetting(Type.Number({ minimum: 0, maximum: 1 }));
/** Near-dibao: per-capita income below this multiple of the dibao standard (default 1.5). */
export const DibaoEdgeMultiple = PolicySetting(Type.Number({ minimum: 1, maximum: 3 }));

/** One period of a region's standards, in effect from `effectiveFrom` until the next period. */
export const PolicyPeriod = Type.Object(
  {
    effectiveFrom: IsoDate,
    rates: PolicyRates,
    employmentDeduction: EmploymentDeduction,
    dibaoEdgeMultiple: Type.Optional(DibaoEdgeMultiple),
  },
  strict,
);
export type PolicyPeriod = Static<typeof PolicyPeriod>;

/** One region's file under config/policy/. */
export const RegionPolicy = Type.Object(
  {
    regionCode: RegionCode,
    regionName: Type.String({ minLength: 2, maxLength: 20, description: '如 德州市' }),
    periods: Type.Array(PolicyPeriod, { minItems: 1, maxItems: 100 }),
  },
  strict,
);
export type RegionPolicy = Static<typeof RegionPolicy>;

/** The standards in effect for one region on one date: what the estimate takes. */
export const StandardsInEffect = Type.Object({
  regionCode: RegionCode,
  regionName: Type.String(),
  effectiveFrom: IsoDate,
  rates: PolicyRates,
  employmentDeduction: EmploymentDeduction,
  dibaoEdgeMultiple: Type.Optional(DibaoEdgeMultiple),
});
export type StandardsInEffect = Static<typeof StandardsInEffect>;
