/**
 * The two state machines of 微心愿: one for a wish, one for a claim (认领). The server checks every
 * change with `wishActionProblem`; the mini-program shows only the buttons `allowedWishActions`
 * returns. Same rule, both sides.
 *
 *   wish:  pendingReview ─approve/edit─▶ open ─claim─▶ claimed ─deliver─▶ delivered ─confirm─▶ fulfilled
 *          pendingReview ─reject─▶ rejected          claimed ─release/lapse─▶ open
 *   claim: active ─deliver─▶ delivered ─confirm─▶ fulfilled;  active ─release─▶ released;  active ─lapse─▶ lapsed
 */
import { regionCovers } from '../rules/region';
import type { WISH_ERROR_CODES } from '../errors/wishCodes';

export const WISH_STATUSES = ['pendingReview', 'open', 'claimed', 'delivered', 'fulfilled', 'rejected'] as const;
export type WishStatusName = (typeof WISH_STATUSES)[number];

export const WISH_STATUS_LABELS: Record<WishStatusName, string> = {
  pendingReview: '审核中',
  open: '待认领',
  claimed: '已认领',
  delivered: '已送达待确认',
  fulfilled: '已实现',
  rejected: '未通过审核',
};

export const CLAIM_STATUSES = ['active', 'delivered', 'fulfilled', 'released', 'lapsed'] as const;
export type ClaimStatusName = (typeof CLAIM_STATUSES)[number];

export const CLAIM_STATUS_LABELS: Record<ClaimStatusName, string> = {
  active: '已认领，待送达',
  delivered: '已送达，待确认',
  fulfilled: '已实现',
  released: '已放弃',
  lapsed: '已超时失效',
};

export const WISH_ACTIONS = ['approve', 'edit', 'reject', 'claim', 'release', 'lapse', 'deliver', 'confirm', 'thank'] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

/** Where each action takes a wish: from → to. `thank` keeps the status. */
export const WISH_TRANSITIONS: Record<WishAction, { from: WishStatusName[]; to: WishStatusName | null }> = {
  approve: { from: ['pendingReview'], to: 'open' },
  edit: { from: ['pendingReview'], to: 'open' },
  reject: { from: ['pendingReview'], to: 'rejected' },
  claim: { from: ['open'], to: 'claimed' },
  release: { from: ['claimed'], to: 'open' },
  lapse: { from: ['claimed'], to: 'open' },
  deliver: { from: ['claimed'], to: 'delivered' },
  confirm: { from: ['delivered'], to: 'fulfilled' },
  thank: { from: ['fulfilled'], to: null },
};

/** What each action does to the wish's active claim. */
export const CLAIM_TRANSITIONS: Partial<Record<WishAction, { from: ClaimStatusName[] | null; to: ClaimStatusName }>> = {
  claim: { from: null, to: 'active' },
  release: { from: ['active'], to: 'released' },
  lapse: { from: ['active'], to: 'lapsed' },
  deliver: { from: ['active'], to: 'delivered' },
  confirm: { from: ['delivered'], to: 'fulfilled' },
};

/** The claim statuses that hold the wish (and one of the donor's slots). */
export const HOLDING_CLAIM_STATUSES: ClaimStatusName[] = ['active', 'delivered'];

export function nextWishStatus(status: WishStatusName, action: WishAction): WishStatusName | null {
  const t = WISH_TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to ?? status;
}

export function nextClaimStatus(status: ClaimStatusName | null, action: WishAction): ClaimStatusName | null {
  const t = CLAIM_TRANSITIONS[action];
  if (!t) return null;
  if (t.from === null ? status !== null : status === null || !t.from.includes(status)) return null;
  return t.to;
}

/** The facts about a wish the rule needs. */
export interface WishFacts {
  status: WishStatusName;
  regionCode: string;
  beneficiaryId: string;
  /** The donor of the claim that holds the wish (claimed/delivered), else null. */
  claimDonorId: string | null;
  thanked: boolean;
}

/** Who is looking. `system` is the scheduled lapse job. */
export interface WishViewer {
  userId: string;
  roles: readonly string[];
  staffRegionCode?: string | null;
  system?: boolean;
}

/** Approved wishes (the public ones; publicView.ts's PUBLIC_WISH_STATUSES, repeated here to avoid an import cycle). */
const PUBLIC_STATUSES: readonly WishStatusName[] = ['open', 'claimed', 'delivered', 'fulfilled'];

export type WishProblem = keyof typeof WISH_ERROR_CODES | 'FORBIDDEN' | 'NOT_FOUND';

function isRegionStaff(wish: WishFacts, viewer: WishViewer): boolean {
  return viewer.roles.includes('staff') && !!viewer.staffRegionCode && regionCovers(viewer.staffRegionCode, wish.regionCode);
}

/** Why `viewer` may not do `action` on `wish` now, or null when they may. Role first, then state. */
export function wishActionProblem(wish: WishFacts, action: WishAction, viewer: WishViewer): WishProblem | null {
  const isBeneficiary = viewer.userId === wish.beneficiaryId;
  const isClaimDonor = wish.claimDonorId !== null && viewer.userId === wish.claimDonorId;
  const stateOk = nextWishStatus(wish.status, action) !== null;
  switch (action) {
    case 'approve':
    case 'edit':
    case 'reject':
      if (!viewer.roles.includes('staff')) return 'FORBIDDEN';
      // Staff of another region do not see the wish at all.
      if (!isRegionStaff(wish, viewer)) return 'NOT_FOUND';
      return stateOk ? null : 'WISH_STATE_INVALID';
    case 'claim':
      // Before approval (or once rejected) the wish does not exist for the public: same answer as
      // for an id that was never used (the public detail answers 404 too).
      if (!PUBLIC_STATUSES.includes(wish.status)) return 'NOT_FOUND';
      if (!viewer.roles.includes('donor')) return 'FORBIDDEN';
      if (isBeneficiary) return 'WISH_OWN_CLAIM';
      if (wish.status === 'claimed' || wish.status === 'delivered') return 'WISH_ALREADY_CLAIMED';
      if (wish.status === 'fulfilled') return 'WISH_ALREADY_FULFILLED';
      return stateOk ? null : 'WISH_NOT_OPEN';
    case 'release':
    case 'deliver':
      if (!isClaimDonor) return 'WISH_NOT_CLAIM_DONOR';
      return stateOk ? null : 'WISH_STATE_INVALID';
    case 'lapse':
      if (!viewer.system) return 'FORBIDDEN';
      return stateOk ? null : 'WISH_STATE_INVALID';
    case 'confirm':
      // Anyone but the person and staff of the region: as if the wish did not exist (a 403 would
      // tell them it does).
      if (!isBeneficiary && !isRegionStaff(wish, viewer)) return 'NOT_FOUND';
      return stateOk ? null : 'WISH_STATE_INVALID';
    case 'thank':
      // Staff of the region know the wish (and get the reason); anyone else gets "not found".
      if (!isBeneficiary) return isRegionStaff(wish, viewer) ? 'WISH_NOT_BENEFICIARY' : 'NOT_FOUND';
      if (!stateOk) return 'WISH_STATE_INVALID';
      return wish.thanked ? 'WISH_ALREADY_THANKED' : null;
  }
}

/** The actions to offer `viewer` on this wish (buttons on the phone). */
export function allowedWishActions(wish: WishFacts, viewer: WishViewer): WishAction[] {
  return WISH_ACTIONS.filter((a) => a !== 'lapse' && wishActionProblem(wish, a, viewer) === null);
}
