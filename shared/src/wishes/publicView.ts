/**
 * THE public-view rule of 微心愿: the one function that decides what anyone (not signed in, any
 * donor) sees of a wish. A masked name (王**), an age band, the community and district, the
 * category, the story, the budget, the status. Never ID numbers, phones, addresses or faces;
 * children's wishes show no name at all. Server responses for the public are built only here.
 */
import { maskName } from '../rules/masking';
import { communityNameOf, districtNameOf } from './regions';
import type { PublicWish } from '../schemas/wish';
import type { WishCategoryName } from './categories';
import type { WishStatusName } from './machine';

export const ADULT_AGE = 18;

/** What the rule reads. Anything else a wish record holds never reaches the public. */
export interface WishRecordForPublic {
  id: string;
  title: string;
  category: WishCategoryName;
  story: string;
  budgetFen: number;
  status: WishStatusName;
  beneficiaryName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  regionCode: string;
  photoFileIds: readonly string[];
  /** The donor's delivery photos: public only once the delivery is confirmed (`fulfilled`). */
  deliveryPhotoFileIds?: readonly string[];
  donorName: string | null;
  publishedAt: Date | string;
  fulfilledAt: Date | string | null;
}

/** Whole years between a YYYY-MM-DD birth date and a YYYY-MM-DD day. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return Math.max(0, age);
}

export function ageBand(age: number): string {
  if (age < 6) return '学龄前儿童';
  if (age < 12) return '小学年龄段儿童';
  if (age < ADULT_AGE) return '青少年';
  if (age < 40) return '青年';
  if (age < 60) return '中年';
  if (age < 70) return '60多岁';
  if (age < 80) return '70多岁';
  return '80岁以上';
}

/**
 * Personal data a person might type into a story by mistake: mobile and landline numbers, ID
 * numbers, house numbers. The public view shows *** instead; posting refuses them with a message.
 */
const PERSONAL_DATA_PATTERNS: RegExp[] = [
  /\d{17}[\dXx]|\d{15}/g, // ID numbers
  /(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}/g, // mobile phones
  /0\d{2,3}-?\d{7,8}/g, // landlines
  /\d+\s*(?:号楼|栋|幢|单元|室|号院|门牌)/g, // house numbers
];

export function findPersonalData(text: string): boolean {
  return PERSONAL_DATA_PATTERNS.some((re) => new RegExp(re.source).test(text));
}

export function redactPersonalData(text: string): string {
  return PERSONAL_DATA_PATTERNS.reduce((t, re) => t.replace(new RegExp(re.source, 'g'), '***'), text);
}

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

/** `today` is the Asia/Shanghai day (YYYY-MM-DD) the age is computed for. */
export function publicWishView(w: WishRecordForPublic, today: string): PublicWish {
  const age = ageOn(w.birthDate, today);
  return {
    id: w.id,
    title: redactPersonalData(w.title),
    category: w.category,
    story: redactPersonalData(w.story),
    budgetFen: w.budgetFen,
    status: w.status,
    maskedName: age < ADULT_AGE ? null : maskName(w.beneficiaryName),
    ageBand: ageBand(age),
    community: communityNameOf(w.regionCode),
    district: districtNameOf(w.regionCode),
    regionCode: w.regionCode.slice(0, 6),
    photoFileIds: [...w.photoFileIds],
    deliveryPhotoFileIds: deliveryEvidenceShown(w.status) ? [...(w.deliveryPhotoFileIds ?? [])] : [],
    donorName: w.donorName,
    publishedAt: iso(w.publishedAt),
    fulfilledAt: w.fulfilledAt === null ? null : iso(w.fulfilledAt),
  };
}

/**
 * Delivery photos are evidence of a delivery the person confirmed: shown to the public and to the
 * person only once the wish is fulfilled (before, only the donor who took them and region staff).
 */
export function deliveryEvidenceShown(status: WishStatusName): boolean {
  return status === 'fulfilled';
}

/** Statuses the public may see: approved wishes only. */
export const PUBLIC_WISH_STATUSES: WishStatusName[] = ['open', 'claimed', 'delivered', 'fulfilled'];
export function isPublicStatus(status: WishStatusName): boolean {
  return PUBLIC_WISH_STATUSES.includes(status);
}
