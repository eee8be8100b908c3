import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { REGION_CODE_PATTERN } from '../rules/region';

/** The one error envelope of every 4xx/5xx response. */
export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine code, e.g. VALIDATION_FAILED' }),
      message: Type.String({ description: '给人看的中文说明' }),
      details: Type.Optional(Type.Unknown()),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorEnvelope', description: 'Error envelope' },
);
export type ErrorEnvelope = Static<typeof ErrorEnvelope>;

export const RegionCode = Type.String({ pattern: REGION_CODE_PATTERN, description: 'GB/T 2260 行政区划代码 (6/9/12 digits)' });

/** gridWorker (网格员): visits the households of monitoring alerts assigned to them; bound to a village/community region. charity: acts for one charity organisation (慈善筹). */
export const Role = Type.Union([Type.Literal('resident'), Type.Literal('donor'), Type.Literal('staff'), Type.Literal('admin'), Type.Literal('gridWorker'), Type.Literal('charity')]);
export type Role = Static<typeof Role>;

export const StaffLevel = Type.Union([Type.Literal('township'), Type.Literal('county')]);
export type StaffLevel = Static<typeof StaffLevel>;

export const Hukou = Type.Union([Type.Literal('urban'), Type.Literal('rural')]);
export type Hukou = Static<typeof Hukou>;

export const DonorKind = Type.Union([Type.Literal('person'), Type.Literal('company')]);
export type DonorKind = Static<typeof DonorKind>;

/** Request bodies reject fields they do not declare. */
export function StrictObject<T extends Record<string, TSchema>>(properties: T, options: Record<string, unknown> = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

export const IsoDateTime = Type.String({ description: 'ISO 8601 instant' });

// Calendar days as regular expressions, so the OpenAPI document states the whole rule the server
// enforces ("2021-02-30" and "2023-02-29" are refused by the schema, not later by a service).
const MONTH_DAY = (sep: string) =>
  `(?:(?:0[13578]|1[02])${sep}(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)${sep}(?:0[1-9]|[12]\\d|30)|02${sep}(?:0[1-9]|1\\d|2[0-8]))`;
/** Gregorian leap years: divisible by 4 and not by 100, or by 400. */
const LEAP_YEAR = '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';

/** A real calendar day YYYY-MM-DD, leap years included (the same days `isCalendarDate` accepts). */
export const CALENDAR_DATE_PATTERN = `^(?:\\d{4}-${MONTH_DAY('-')}|${LEAP_YEAR}-02-29)$`;
export const CalendarDate = Type.String({ pattern: CALENDAR_DATE_PATTERN, description: '日期 YYYY-MM-DD（北京时间），须是真实存在的日期' });

/**
 * The OpenAPI `format` naming the two rules of a GB 11643 ID number no pattern can state: the check
 * character (weighted sum mod 11) and a birth date not in the future. The server checks them
 * (400 INVALID_ID_NUMBER, `rule` checkDigit / birthDate); the contract test generates such numbers
 * (test/contract/hooks.py).
 */
export const ID_NUMBER_FORMAT = 'gb11643';
/** 18 characters: issuing region (first digit 1–9), a real birth date 1900–2099, sequence, check character. */
export const ID_NUMBER_PATTERN =
  `^[1-9]\\d{5}(?:(?:19|20)\\d{2}${MONTH_DAY('')}|(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:0[048]|[2468][048]|[13579][26]))0229)\\d{3}[\\dXx]$`;
/** A GB 11643 resident ID number as entered: everything a schema can state, and the format for the rest. */
export const IdNumberInput = (description = '18位身份证号 (GB 11643)；校验码和出生日期（不晚于今天）由服务器检查：400 INVALID_ID_NUMBER') =>
  Type.String({ minLength: 18, maxLength: 18, pattern: ID_NUMBER_PATTERN, format: ID_NUMBER_FORMAT, description });
export const NoContent = Type.Null({ description: 'No content' });
