import { Type, type Static, type TInteger, type TLiteral, type TUnion } from '@sinclair/typebox';
import { CalendarDate, DonorKind, IsoDateTime, RegionCode, StrictObject } from './common';
import { WISH_CATEGORIES, WISH_DELIVERY_METHODS, WISH_MAX_PHOTOS, WISH_NOTE_MAX_CHARS, WISH_STORY_MAX_CHARS, WISH_TITLE_MAX_CHARS, WISH_BUDGET_HARD_MAX_FEN, WISH_DISPLAY_NAME_MAX_CHARS, WISH_PHOTO_RULE } from '../wishes/categories';
import { CLAIM_STATUSES, WISH_ACTIONS, WISH_STATUSES } from '../wishes/machine';
import { formatPrice } from '../money/index';

/** 微心愿: request and response shapes (validation, response shaping, OpenAPI, client types). */

const literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {}) as unknown as TUnion<TLiteral<T[number]>[]>;

export const WishCategory = literals(WISH_CATEGORIES, 'study 学习 / dailyLiving 生活 / health 健康 / elderlyCare 养老 / festival 节日 / other 其他');
export type WishCategory = Static<typeof WishCategory>;
export const WishStatus = literals(WISH_STATUSES, 'pendingReview 审核中 / open 待认领 / claimed 已认领 / delivered 已送达 / fulfilled 已实现 / rejected 未通过');
export type WishStatus = Static<typeof WishStatus>;
export const ClaimStatus = literals(CLAIM_STATUSES, 'active 认领中 / delivered 已送达 / fulfilled 已实现 / released 已放弃 / lapsed 超时失效');
export type ClaimStatus = Static<typeof ClaimStatus>;
export const WishDelivery = literals(WISH_DELIVERY_METHODS, '送达方式：都经社区（村）服务站，不公开任何住址');
export type WishDelivery = Static<typeof WishDelivery>;
export const WishActionName = literals(WISH_ACTIONS);

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const FileIdList = Type.Array(Id, { maxItems: WISH_MAX_PHOTOS, uniqueItems: true, description: '物品照片的文件 id（不要拍人）' });
const Text = (min: number, max: number, description: string) => Type.String({ minLength: min, maxLength: max, description });
/** The poster's (or donor's) word that the photos follow the rule; required (true) whenever photos are attached. */
export const NoChildFaces = Type.Boolean({ description: `照片规则：${WISH_PHOTO_RULE}。附照片时必须为 true（否则 400 WISH_PHOTO_RULE_NOT_CONFIRMED）` });
export const FenAmount = Type.Integer({ minimum: 1, maximum: WISH_BUDGET_HARD_MAX_FEN, description: '金额（分）' });

/** The budget caps in force (config.wishes, structurally): the default and the regions' own. */
export interface WishBudgetCaps {
  budgetCapFen: number;
  budgetCapByRegion: Readonly<Record<string, number>>;
}

/**
 * A wish's budget as a route states it, built from the configuration when the routes are
 * registered: at most the highest cap any region may have (the default and every region's own),
 * so the document states the cap in force. Where regions have caps of their own, a budget above the
 * cap of the wish's region is still refused (400 WISH_OVER_BUDGET): the description names them.
 */
export function wishBudgetFenOf(caps: WishBudgetCaps) {
  const regional = Object.entries(caps.budgetCapByRegion).sort(([a], [b]) => a.localeCompare(b));
  const maximum = Math.min(WISH_BUDGET_HARD_MAX_FEN, Math.max(caps.budgetCapFen, ...regional.map(([, fen]) => fen)));
  const description = regional.length === 0
    ? `心愿预算（分），不超过本地上限 ${formatPrice(caps.budgetCapFen)}`
    : `心愿预算（分），不超过心愿所在地区的上限：默认 ${formatPrice(caps.budgetCapFen)}；` +
      `${regional.map(([code, fen]) => `${code} 及下属地区 ${formatPrice(fen)}`).join('，')}（以最具体的地区为准）。` +
      '超过所在地区的上限：400 WISH_OVER_BUDGET';
  return Type.Integer({ minimum: 1, maximum, description });
}

export const REFERRAL_CONSENT_METHODS = ['inPerson', 'phone', 'signedForm'] as const;
export const ReferralConsentMethod = literals(REFERRAL_CONSENT_METHODS, 'inPerson 当面 / phone 电话 / signedForm 书面签字');

/**
 * A wish staff post for someone found through 动态监测 (a monitoring alert or visit): allowed only
 * with the person's consent, recorded here (how and when). Without `consent.given: true` the
 * request is refused; the referral is kept on the wish and audited (wish.referral).
 */
export const WishReferral = StrictObject({
  source: Type.Literal('monitoring', { description: '转介来源：低收入人口动态监测' }),
  reference: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_:-]+$', description: '监测中的编号（预警或走访）' }),
  consent: StrictObject({
    given: Type.Literal(true, { description: '本人同意把困难写成心愿公开征集（必须为 true）' }),
    method: ReferralConsentMethod,
    date: CalendarDate,
    note: Type.Optional(Text(0, WISH_NOTE_MAX_CHARS, '同意的情况说明')),
  }),
});
export type WishReferral = Static<typeof WishReferral>;

const createWishBody = (budgetFen: TInteger) => StrictObject({
  category: WishCategory,
  title: Text(1, WISH_TITLE_MAX_CHARS, '心愿标题'),
  story: Text(1, WISH_STORY_MAX_CHARS, '心愿故事（不写姓名、电话、住址）'),
  budgetFen,
  photoFileIds: Type.Optional(FileIdList),
  noChildFaces: Type.Optional(NoChildFaces),
  delivery: Type.Optional(WishDelivery),
  /** Staff posting on behalf of a person of their region. */
  beneficiaryId: Type.Optional(Id),
  /** Staff posting for someone found through monitoring: their recorded consent (only with beneficiaryId). */
  referral: Type.Optional(WishReferral),
});
/** The shape (types for clients); the route states the configured cap: createWishBodyOf. */
export const CreateWishBody = createWishBody(FenAmount);
export type CreateWishBody = Static<typeof CreateWishBody>;
export const createWishBodyOf = (caps: WishBudgetCaps) => createWishBody(wishBudgetFenOf(caps));

export const WishIdParams = StrictObject({ id: Id });
export type WishIdParams = Static<typeof WishIdParams>;
export const WishPhotoParams = StrictObject({ id: Id, fileId: Id });
export type WishPhotoParams = Static<typeof WishPhotoParams>;

/** What anyone may see of an approved wish: produced only by `publicWishView` (shared/src/wishes/publicView.ts). */
export const PublicWish = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: WishCategory,
  story: Type.String(),
  budgetFen: Type.Integer(),
  status: WishStatus,
  /** 王** — null for a child's wish. */
  maskedName: Type.Union([Type.String(), Type.Null()]),
  ageBand: Type.String({ description: '年龄段' }),
  community: Type.String(),
  district: Type.String(),
  regionCode: RegionCode,
  photoFileIds: Type.Array(Type.String()),
  /** The donor's delivery photos: empty until the delivery is confirmed (the wish is fulfilled). */
  deliveryPhotoFileIds: Type.Array(Type.String()),
  /** The donor's public display name (or 匿名爱心人士) once claimed. */
  donorName: Type.Union([Type.String(), Type.Null()]),
  publishedAt: IsoDateTime,
  fulfilledAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type PublicWish = Static<typeof PublicWish>;

export const WishSort = Type.Union([Type.Literal('newest'), Type.Literal('budgetAsc'), Type.Literal('budgetDesc')]);
export const WishListQuery = StrictObject({
  regionCode: Type.Optional(RegionCode),
  category: Type.Optional(WishCategory),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('claimed'), Type.Literal('fulfilled'), Type.Literal('all')], { default: 'open' })),
  minBudgetFen: Type.Optional(Type.Integer({ minimum: 0 })),
  maxBudgetFen: Type.Optional(Type.Integer({ minimum: 0 })),
  sort: Type.Optional(WishSort),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 130, pattern: '^\\d{1,15}\\.\\d{1,12}\\.[A-Za-z0-9_-]{1,100}$', description: '下一页：上一页回答中的 nextCursor（同样的筛选与排序）' })),
});
export type WishListQuery = Static<typeof WishListQuery>;
/** The square counts at most this many matching wishes (a count reads every wish it counts). */
export const WISH_SQUARE_COUNT_CAP = 100;
export const PublicWishList = Type.Object({
  wishes: Type.Array(PublicWish),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: '下一页的游标；null：没有更多' }),
  total: Type.Integer({ description: `符合条件的心愿数，最多数到 ${WISH_SQUARE_COUNT_CAP}（totalCapped 为 true 时表示“至少”）` }),
  totalCapped: Type.Boolean(),
});
export type PublicWishList = Static<typeof PublicWishList>;

export const WishEventView = Type.Object({
  sequence: Type.Integer(),
  type: Type.String(),
  actorRole: Type.String({ description: 'beneficiary / staff / donor / system' }),
  at: IsoDateTime,
  note: Type.Optional(Type.String()),
});
export type WishEventView = Static<typeof WishEventView>;

/** A photo staff took off a wish (e.g. a child's face), with the reason the poster sees. */
export const RemovedPhoto = Type.Object({
  kind: Type.Union([Type.Literal('wishPhoto'), Type.Literal('deliveryPhoto')]),
  reason: Type.String(),
  at: IsoDateTime,
});
export type RemovedPhoto = Static<typeof RemovedPhoto>;

/** The person's own view of their wish. */
export const MyWish = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: WishCategory,
  story: Type.String(),
  budgetFen: Type.Integer(),
  status: WishStatus,
  delivery: WishDelivery,
  photoFileIds: Type.Array(Type.String()),
  /** The donor's delivery photos (evidence), shown once the delivery is confirmed. */
  deliveryPhotoFileIds: Type.Array(Type.String()),
  removedPhotos: Type.Array(RemovedPhoto),
  postedOnBehalf: Type.Boolean(),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  rejectReason: Type.Union([Type.String(), Type.Null()]),
  /** The name the donor chose to be thanked by (or 匿名爱心人士). */
  donorName: Type.Union([Type.String(), Type.Null()]),
  deliverNote: Type.Union([Type.String(), Type.Null()]),
  thanks: Type.Union([Type.String(), Type.Null()]),
  actions: Type.Array(WishActionName),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type MyWish = Static<typeof MyWish>;
export const MyWishList = Type.Object({ wishes: Type.Array(MyWish) });
export type MyWishList = Static<typeof MyWishList>;

/**
 * What staff of the wish's region see in lists and review answers: the person's name masked
 * (王**), no internal ids. The full name is only in the detail (`StaffWish`), and each detail read
 * is audited (person.read).
 */
export const StaffWishSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: WishCategory,
  story: Type.String(),
  budgetFen: Type.Integer(),
  budgetCapFen: Type.Integer(),
  status: WishStatus,
  delivery: WishDelivery,
  regionCode: RegionCode,
  community: Type.String(),
  /** The person's name masked (王**), as in the review queue. */
  maskedName: Type.String(),
  ageBand: Type.String(),
  postedOnBehalf: Type.Boolean(),
  /** The person's account had a verified identity when the wish was posted (otherwise the name is only what they typed). */
  beneficiaryVerified: Type.Boolean(),
  /** Referred from 动态监测, with the consent recorded when staff posted it. */
  referral: Type.Union([Type.Object({ source: Type.Literal('monitoring'), consentMethod: ReferralConsentMethod, consentDate: Type.String() }), Type.Null()]),
  photoFileIds: Type.Array(Type.String()),
  /** The delivery photos, for review (staff see them at once; the public and the person once confirmed). */
  deliveryPhotoFileIds: Type.Array(Type.String()),
  removedPhotos: Type.Array(RemovedPhoto),
  contentFlag: Type.Union([Type.Literal('pass'), Type.Literal('review')], { description: '内容安全检测建议人工复核时为 review' }),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  rejectReason: Type.Union([Type.String(), Type.Null()]),
  claim: Type.Union([
    Type.Object({
      id: Type.String(),
      status: ClaimStatus,
      donorName: Type.String(),
      donorKind: DonorKind,
      donorContact: Type.Union([Type.String(), Type.Null()]),
      claimedAt: IsoDateTime,
      dueAt: IsoDateTime,
      deliverNote: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  thanks: Type.Union([Type.String(), Type.Null()]),
  events: Type.Array(WishEventView),
  actions: Type.Array(WishActionName),
  createdAt: IsoDateTime,
});
export type StaffWishSummary = Static<typeof StaffWishSummary>;

/** The staff detail of one wish: the summary plus the person's full name and the donor's contact (both audited). */
export const StaffWish = Type.Composite([StaffWishSummary, Type.Object({ beneficiaryName: Type.String() })]);
export type StaffWish = Static<typeof StaffWish>;

export const StaffWishQuery = StrictObject({
  status: Type.Optional(WishStatus),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type StaffWishQuery = Static<typeof StaffWishQuery>;
export const StaffWishList = Type.Object({ wishes: Type.Array(StaffWishSummary) });
export type StaffWishList = Static<typeof StaffWishList>;

export const ApproveWishBody = StrictObject({ note: Type.Optional(Text(0, WISH_NOTE_MAX_CHARS, '审核备注')) });
export type ApproveWishBody = Static<typeof ApproveWishBody>;
const editWishBody = (budgetFen: TInteger) => StrictObject({
  note: Text(1, WISH_NOTE_MAX_CHARS, '修改说明（发布人可见）'),
  title: Type.Optional(Text(1, WISH_TITLE_MAX_CHARS, '心愿标题')),
  story: Type.Optional(Text(1, WISH_STORY_MAX_CHARS, '心愿故事')),
  category: Type.Optional(WishCategory),
  budgetFen: Type.Optional(budgetFen),
});
/** The shape (types for clients); the route states the configured cap: editWishBodyOf. */
export const EditWishBody = editWishBody(FenAmount);
export type EditWishBody = Static<typeof EditWishBody>;
export const editWishBodyOf = (caps: WishBudgetCaps) => editWishBody(wishBudgetFenOf(caps));
export const RemovePhotoBody = StrictObject({ reason: Text(1, WISH_NOTE_MAX_CHARS, '移除照片的原因（发布人可见），例如“照片中有儿童面部”') });
export type RemovePhotoBody = Static<typeof RemovePhotoBody>;
export const RejectWishBody = StrictObject({ reason: Text(1, WISH_NOTE_MAX_CHARS, '不通过的原因（发布人可见）') });
export type RejectWishBody = Static<typeof RejectWishBody>;

export const ClaimIdParams = StrictObject({ id: Id });
export type ClaimIdParams = Static<typeof ClaimIdParams>;

/** How the donor is named to the person and on the certificate: a name they choose, or anonymous. */
export const ClaimWishBody = StrictObject({
  displayName: Type.Optional(Text(1, WISH_DISPLAY_NAME_MAX_CHARS, '公开显示的名字（证书和感谢使用）；不填则用爱心人士资料里的名字')),
  anonymous: Type.Optional(Type.Boolean({ description: 'true：匿名（显示为“匿名爱心人士”）' })),
});
export type ClaimWishBody = Static<typeof ClaimWishBody>;

/** A donor's own claim. */
export const WishClaim = Type.Object({
  id: Type.String(),
  wishId: Type.String(),
  status: ClaimStatus,
  /** The name this claim shows (chosen at claim time), or 匿名爱心人士. */
  donorName: Type.String(),
  anonymous: Type.Boolean(),
  wish: PublicWish,
  /** The donor's own delivery photos. */
  deliveryPhotoFileIds: Type.Array(Type.String()),
  claimedAt: IsoDateTime,
  dueAt: IsoDateTime,
  deliveredAt: Type.Union([IsoDateTime, Type.Null()]),
  deliverNote: Type.Union([Type.String(), Type.Null()]),
  endedAt: Type.Union([IsoDateTime, Type.Null()]),
  thanks: Type.Union([Type.String(), Type.Null()]),
  certificateNo: Type.Union([Type.String(), Type.Null()]),
});
export type WishClaim = Static<typeof WishClaim>;
export const WishClaimList = Type.Object({ claims: Type.Array(WishClaim) });
export type WishClaimList = Static<typeof WishClaimList>;

export const DeliverBody = StrictObject({
  note: Text(1, WISH_NOTE_MAX_CHARS, '送达说明，例如“已送到新湖社区服务站”'),
  photoFileIds: Type.Optional(FileIdList),
  noChildFaces: Type.Optional(NoChildFaces),
});
export type DeliverBody = Static<typeof DeliverBody>;
export const ThankBody = StrictObject({ message: Text(1, WISH_NOTE_MAX_CHARS, '感谢留言') });
export type ThankBody = Static<typeof ThankBody>;
export const ConfirmBody = StrictObject({ note: Type.Optional(Text(0, WISH_NOTE_MAX_CHARS, '确认说明')) });
export type ConfirmBody = Static<typeof ConfirmBody>;

export const DonorContactBody = StrictObject({ contact: Text(5, 40, '联系方式（仅心愿所在地工作人员可见）') });
export type DonorContactBody = Static<typeof DonorContactBody>;
export const DonorContactView = Type.Object({ contactMasked: Type.Union([Type.String(), Type.Null()]) });
export type DonorContactView = Static<typeof DonorContactView>;

/** 爱心证书: no personal data of the person helped beyond the public view. */
export const WishCertificate = Type.Object({
  certificateNo: Type.String(),
  donorName: Type.String(),
  donorKind: DonorKind,
  wishTitle: Type.String(),
  category: WishCategory,
  budgetFen: Type.Integer(),
  district: Type.String(),
  fulfilledAt: IsoDateTime,
  fulfilledDate: Type.String({ description: 'YYYY-MM-DD (Asia/Shanghai)' }),
  thanks: Type.Union([Type.String(), Type.Null()]),
});
export type WishCertificate = Static<typeof WishCertificate>;

export const WishCounts = Type.Object({
  collected: Type.Integer({ description: '征集（通过审核）' }),
  open: Type.Integer(),
  claimed: Type.Integer({ description: '已认领（含已送达待确认）' }),
  fulfilled: Type.Integer(),
  lapsed: Type.Integer({ description: '认领超时失效的次数' }),
});
export type WishCounts = Static<typeof WishCounts>;
export const WishNumbersQuery = StrictObject({ regionCode: RegionCode });
export type WishNumbersQuery = Static<typeof WishNumbersQuery>;
export const WishNumbers = Type.Object({ regionCode: RegionCode, regionName: Type.String(), counts: WishCounts });
export type WishNumbers = Static<typeof WishNumbers>;
export const StaffWishNumbers = Type.Object({
  regionCode: RegionCode,
  counts: WishCounts,
  pendingReview: Type.Integer(),
  byCommunity: Type.Array(Type.Object({ regionCode: Type.String(), name: Type.String(), counts: WishCounts })),
  byCategory: Type.Array(Type.Object({ category: WishCategory, counts: WishCounts })),
});
export type StaffWishNumbers = Static<typeof StaffWishNumbers>;

export const LapsingQuery = StrictObject({ withinHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 30, default: 48 })) });
export type LapsingQuery = Static<typeof LapsingQuery>;
export const LapsingClaims = Type.Object({
  claims: Type.Array(Type.Object({
    id: Type.String(),
    wishId: Type.String(),
    wishTitle: Type.String(),
    community: Type.String(),
    donorName: Type.String(),
    donorContact: Type.Union([Type.String(), Type.Null()]),
    claimedAt: IsoDateTime,
    dueAt: IsoDateTime,
  })),
});
export type LapsingClaims = Static<typeof LapsingClaims>;

export const WishRulesQuery = StrictObject({ regionCode: Type.Optional(RegionCode) });
export const WishRules = Type.Object({
  budgetCapFen: Type.Integer(),
  storyMaxChars: Type.Integer(),
  maxActiveClaims: Type.Integer(),
  lapseDays: Type.Integer(),
  /** The largest photo the server accepts (bytes): the phone compresses below it. */
  photoMaxBytes: Type.Integer(),
});
export type WishRules = Static<typeof WishRules>;
