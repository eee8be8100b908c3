import { Type, type Static } from '@sinclair/typebox';
import { CalendarDate, IdNumberInput, IsoDateTime, RegionCode, StrictObject } from './common';
import { FLAG_KINDS, FLAG_STATUSES } from '../supervision/flags';

/** 电子监察 desk (flags, counts, drill-down, 近亲属备案) and 免审秒办 lists. */
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
export const FlagKindSchema = lit(FLAG_KINDS);
export const FlagStatusSchema = lit(FLAG_STATUSES);

export const FlagView = Type.Object({
  id: Type.String(),
  kind: FlagKindSchema,
  kindName: Type.String(),
  status: FlagStatusSchema,
  statusName: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
  period: Type.String(),
  subject: Type.Object({ kind: Type.String(), id: Type.String(), nameMasked: Type.String(), idNumberMasked: Type.String() }),
  summary: Type.String(),
  facts: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  owner: Type.Object({ level: lit(['township', 'county'] as const), regionCode: RegionCode, regionName: Type.String() }),
  deadline: CalendarDate,
  overdue: Type.Boolean(),
  raisedAt: IsoDateTime,
  resolution: Type.Union([Type.Object({ action: lit(['resolve', 'dismiss'] as const), note: Type.String(), at: IsoDateTime }), Type.Null()]),
});
export type FlagView = Static<typeof FlagView>;

export const FlagList = Type.Object({ flags: Type.Array(FlagView), capped: Type.Boolean() });
export type FlagList = Static<typeof FlagList>;
export const FlagListQuery = StrictObject({
  regionCode: Type.Optional(RegionCode),
  kind: Type.Optional(FlagKindSchema),
  status: Type.Optional(FlagStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type FlagListQuery = Static<typeof FlagListQuery>;
// Path parameters stay within Fastify's maxParamLength (100 characters as sent, a `:` sent as `%3A`):
// one character over a maxLength must reach the schema's 400, not the router's 414.
export const FlagIdParams = StrictObject({ flagId: Type.String({ minLength: 3, maxLength: 99, pattern: '^fl_[A-Za-z0-9_-]+$' }) });
export type FlagIdParams = Static<typeof FlagIdParams>;
export const FlagResolveBody = StrictObject({ action: lit(['resolve', 'dismiss'] as const), note: Type.String({ minLength: 2, maxLength: 1000, description: '处理情况（纠正措施或核实结论）' }) });
export type FlagResolveBody = Static<typeof FlagResolveBody>;

const Tally = { open: Type.Integer(), overdue: Type.Integer(), closed: Type.Integer() };
export const SupervisionSummary = Type.Object({
  regionCode: RegionCode,
  regionName: Type.String(),
  byKind: Type.Array(Type.Object({ kind: FlagKindSchema, kindName: Type.String(), ...Tally })),
  /** One row per region one level down (drill-down: ask again with its code). */
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Tally })),
  capped: Type.Boolean(),
});
export type SupervisionSummary = Static<typeof SupervisionSummary>;
export const SummaryQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });

export const ScanBody = StrictObject({ regionCode: Type.Optional(RegionCode) });
export const ScanResult = Type.Object({
  regionCode: RegionCode,
  raised: Type.Array(Type.Object({ kind: FlagKindSchema, found: Type.Integer(), new: Type.Integer() })),
  scannedAt: IsoDateTime,
});
export type ScanResult = Static<typeof ScanResult>;

/** 近亲属备案: a relative of civil-affairs staff or a village (community) cadre, entered by county staff. */
export const RelativeBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  idNumber: IdNumberInput(),
  relation: Type.String({ minLength: 1, maxLength: 20, description: '与工作人员的关系，如 配偶、子女、父母、兄弟姐妹' }),
  relatedTo: StrictObject({
    name: Type.String({ minLength: 1, maxLength: 40 }),
    role: lit(['staff', 'villageCadre'] as const),
    post: Type.String({ minLength: 1, maxLength: 60, description: '职务，如 新华街道民政办科员、某村村委会主任' }),
  }),
  regionCode: RegionCode,
});
export type RelativeBody = Static<typeof RelativeBody>;
export const RelativeView = Type.Object({
  id: Type.String(),
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  relation: Type.String(),
  relatedTo: Type.Object({ nameMasked: Type.String(), role: lit(['staff', 'villageCadre'] as const), post: Type.String() }),
  regionCode: RegionCode,
  createdAt: IsoDateTime,
});
export type RelativeView = Static<typeof RelativeView>;
export const RelativeList = Type.Object({ relatives: Type.Array(RelativeView) });
export const RegionOnlyQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });

/** 免审秒办: a subsidy granted from the disability federation's data, without an application. */
export const AutoGrantProgramme = lit(['disabilityCare', 'disabilityLiving'] as const);
export const AutoGrantView = Type.Object({
  id: Type.String(),
  programme: AutoGrantProgramme,
  programmeName: Type.String(),
  nameMasked: Type.String(),
  idNumberMasked: Type.String(),
  regionCode: RegionCode,
  monthlyAmountFen: Type.Integer(),
  startMonth: Type.String(),
  status: lit(['active', 'ended'] as const),
  basis: Type.String({ description: '依据：残联数据（证件等级、发证日期）和家庭类别' }),
  grantedAt: IsoDateTime,
});
export type AutoGrantView = Static<typeof AutoGrantView>;
export const AutoGrantList = Type.Object({ grants: Type.Array(AutoGrantView) });
export type AutoGrantList = Static<typeof AutoGrantList>;
export const AutoGrantIdParams = StrictObject({ grantId: Type.String({ minLength: 6, maxLength: 95, pattern: '^auto:[A-Za-z0-9_-]+:(disabilityCare|disabilityLiving)$' }) });
export const AutoGrantDeclineBody = StrictObject({ note: Type.Optional(Type.String({ maxLength: 500 })) });
/** Staff key in a 残联 record by hand (the import does the same for every row). */
export const AutoGrantBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  idNumber: IdNumberInput(),
  regionCode: RegionCode,
  disabilityGrade: Type.Integer({ minimum: 1, maximum: 4 }),
  certificateDate: CalendarDate,
  householdGroup: lit(['dibao', 'tekun', 'dibaoEdge', 'none'] as const),
  programme: AutoGrantProgramme,
});
export type AutoGrantBody = Static<typeof AutoGrantBody>;
