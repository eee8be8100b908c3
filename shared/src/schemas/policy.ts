import { Type, type Static } from '@sinclair/typebox';
import { Hukou, RegionCode, StrictObject } from './common';
import { IsoDate, PolicyPeriod } from '../policy/standards';

/** Request and response of the estimate (政策测算): POST /api/v1/policy/estimate, and the same pure function on the phone. */

export const MAX_MONTHLY_FEN = 1_000_000_000;

export const IncomeKind = Type.Union(
  [Type.Literal('wage'), Type.Literal('business'), Type.Literal('property'), Type.Literal('transfer'), Type.Literal('pension'), Type.Literal('assistance')],
  { description: 'wage 工资 / business 经营 / property 财产 / transfer 转移性 / pension 养老金 / assistance 救助金（不计入收入）' },
);
export type IncomeKind = Static<typeof IncomeKind>;

export const MemberIncome = StrictObject({
  kind: IncomeKind,
  monthlyFen: Type.Integer({ minimum: 0, maximum: MAX_MONTHLY_FEN, description: '月收入（分）' }),
});
export type MemberIncome = Static<typeof MemberIncome>;

export const ChildStatus = Type.Union(
  [Type.Literal('orphanInstitutional'), Type.Literal('orphanCommunity'), Type.Literal('childInHardship'), Type.Literal('unsupportedChild')],
  { description: '机构养育孤儿 / 社会散居孤儿 / 重点困境儿童 / 事实无人抚养儿童' },
);
export type ChildStatus = Static<typeof ChildStatus>;

export const DisabilityGrade = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);
export type DisabilityGrade = Static<typeof DisabilityGrade>;

export const EstimateMember = StrictObject({
  age: Type.Integer({ minimum: 0, maximum: 150 }),
  /** Absent counts as able to work (the conservative reading: tekun needs an explicit "no"). */
  canWork: Type.Optional(Type.Boolean({ description: '是否有劳动能力；不填按有劳动能力' })),
  /** Absent counts as having a supporter (法定赡养、抚养、扶养义务人). */
  hasSupporter: Type.Optional(Type.Boolean({ description: '是否有法定赡养/抚养/扶养义务人；不填按有' })),
  disabilityGrade: Type.Optional(DisabilityGrade),
  seriousIllness: Type.Optional(Type.Boolean({ description: '是否患重病' })),
  childStatus: Type.Optional(ChildStatus),
  incomes: Type.Optional(Type.Array(MemberIncome, { maxItems: 10 })),
});
export type EstimateMember = Static<typeof EstimateMember>;

/** Accepted so the form can collect them; not yet evaluated (the reasons say so). */
export const EstimateAssets = StrictObject({
  savingsFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 * MAX_MONTHLY_FEN, description: '存款等金融资产（分）' })),
  houses: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, description: '房产套数' })),
  vehicles: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, description: '机动车辆数' })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
export type EstimateAssets = Static<typeof EstimateAssets>;

export const EstimateRequest = StrictObject({
  regionCode: RegionCode,
  /** Default: today in Asia/Shanghai. */
  date: Type.Optional(IsoDate),
  hukou: Hukou,
  members: Type.Array(EstimateMember, { minItems: 1, maxItems: 20 }),
  assets: Type.Optional(EstimateAssets),
});
export type EstimateRequest = Static<typeof EstimateRequest>;

export const EstimateProgramme = Type.Union([
  Type.Literal('dibao'), Type.Literal('dibaoEdge'), Type.Literal('tekun'), Type.Literal('disabilityLiving'), Type.Literal('disabilityCare'),
  Type.Literal('orphan'), Type.Literal('childInHardship'), Type.Literal('unsupportedChild'), Type.Literal('heating'),
]);
export type EstimateProgramme = Static<typeof EstimateProgramme>;

export const EstimateResult = Type.Object({
  programme: EstimateProgramme,
  eligible: Type.Boolean(),
  /** Integer fen per month, for programmes paid monthly. */
  monthlyAmountFen: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Heating: integer fen per household, once per winter. */
  winterAmountFen: Type.Optional(Type.Integer({ minimum: 0 })),
  /** The members (0-based, in request order) the result is for, when not the whole household. */
  memberIndexes: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
  /** True when the region publishes no figure for this programme, so it cannot be estimated. */
  noStandard: Type.Optional(Type.Boolean()),
  reasons: Type.Array(Type.String(), { description: '中文说明：依据的规则、标准和数字' }),
});
export type EstimateResult = Static<typeof EstimateResult>;

export const EstimateResponse = Type.Object({
  regionCode: RegionCode,
  regionName: Type.String(),
  date: IsoDate,
  /** The start of the standards period used. */
  effectiveFrom: IsoDate,
  results: Type.Array(EstimateResult),
});
export type EstimateResponse = Static<typeof EstimateResponse>;

export const PolicyStandardsParams = StrictObject({ regionCode: RegionCode });
export type PolicyStandardsParams = Static<typeof PolicyStandardsParams>;
export const PolicyStandardsQuery = StrictObject({ date: Type.Optional(IsoDate) });
export type PolicyStandardsQuery = Static<typeof PolicyStandardsQuery>;

/** An admin adds a new period of a region's standards (never changes a past one). */
export const AddPolicyPeriodBody = Type.Object(
  { regionCode: RegionCode, regionName: Type.String({ minLength: 2, maxLength: 20 }), period: PolicyPeriod },
  { additionalProperties: false },
);
export type AddPolicyPeriodBody = Static<typeof AddPolicyPeriodBody>;

export const AddedPolicyPeriod = Type.Object({ regionCode: RegionCode, effectiveFrom: Type.String() });
