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

export const Role = Type.Union([Type.Literal('resident'), Type.Literal('donor'), Type.Literal('staff'), Type.Literal('admin')]);
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
export const NoContent = Type.Null({ description: 'No content' });
