import { allowedWishActions, nextClaimStatus, nextWishStatus, wishActionProblem, WISH_ACTIONS, WISH_STATUSES, type WishFacts, type WishViewer } from './machine';

const wish = (over: Partial<WishFacts> = {}): WishFacts => ({ status: 'open', regionCode: '371402001001', beneficiaryId: 'ben', claimDonorId: null, thanked: false, ...over });
const beneficiary: WishViewer = { userId: 'ben', roles: ['resident'] };
const donor: WishViewer = { userId: 'don', roles: ['resident', 'donor'] };
const otherDonor: WishViewer = { userId: 'don2', roles: ['resident', 'donor'] };
const staff: WishViewer = { userId: 'stf', roles: ['resident', 'staff'], staffRegionCode: '371402001' };
const farStaff: WishViewer = { userId: 'far', roles: ['resident', 'staff'], staffRegionCode: '371500' };
const resident: WishViewer = { userId: 'res', roles: ['resident'] };
const system: WishViewer = { userId: 'system', roles: [], system: true };

describe('wish state machine', () => {
  it('follows the documented transitions', () => {
    expect(nextWishStatus('pendingReview', 'approve')).toBe('open');
    expect(nextWishStatus('pendingReview', 'edit')).toBe('open');
    expect(nextWishStatus('pendingReview', 'reject')).toBe('rejected');
    expect(nextWishStatus('open', 'claim')).toBe('claimed');
    expect(nextWishStatus('claimed', 'release')).toBe('open');
    expect(nextWishStatus('claimed', 'lapse')).toBe('open');
    expect(nextWishStatus('claimed', 'deliver')).toBe('delivered');
    expect(nextWishStatus('delivered', 'confirm')).toBe('fulfilled');
    expect(nextWishStatus('fulfilled', 'thank')).toBe('fulfilled');
  });

  it('refuses everything else', () => {
    const allowed = new Set(['pendingReview:approve', 'pendingReview:edit', 'pendingReview:reject', 'open:claim', 'claimed:release', 'claimed:lapse', 'claimed:deliver', 'delivered:confirm', 'fulfilled:thank']);
    for (const s of WISH_STATUSES) for (const a of WISH_ACTIONS) {
      expect([`${s}:${a}`, nextWishStatus(s, a) !== null]).toEqual([`${s}:${a}`, allowed.has(`${s}:${a}`)]);
    }
    expect(nextWishStatus('rejected', 'approve')).toBeNull();
    expect(nextWishStatus('fulfilled', 'claim')).toBeNull();
  });
});

describe('claim state machine', () => {
  it('starts active and ends delivered → fulfilled, released or lapsed', () => {
    expect(nextClaimStatus(null, 'claim')).toBe('active');
    expect(nextClaimStatus('active', 'deliver')).toBe('delivered');
    expect(nextClaimStatus('delivered', 'confirm')).toBe('fulfilled');
    expect(nextClaimStatus('active', 'release')).toBe('released');
    expect(nextClaimStatus('active', 'lapse')).toBe('lapsed');
  });
  it('never leaves an ended claim, and a delivered claim does not lapse', () => {
    for (const s of ['fulfilled', 'released', 'lapsed'] as const) for (const a of WISH_ACTIONS) expect(nextClaimStatus(s, a)).toBeNull();
    expect(nextClaimStatus('delivered', 'lapse')).toBeNull();
    expect(nextClaimStatus('delivered', 'release')).toBeNull();
    expect(nextClaimStatus('active', 'claim')).toBeNull();
  });
});

describe('who may do what', () => {
  it('lets only staff of the region review', () => {
    const w = wish({ status: 'pendingReview' });
    expect(wishActionProblem(w, 'approve', staff)).toBeNull();
    expect(wishActionProblem(w, 'approve', farStaff)).toBe('NOT_FOUND');
    expect(wishActionProblem(w, 'approve', resident)).toBe('FORBIDDEN');
    expect(wishActionProblem(wish(), 'approve', staff)).toBe('WISH_STATE_INVALID');
  });

  it('explains why a claim is refused', () => {
    expect(wishActionProblem(wish(), 'claim', donor)).toBeNull();
    expect(wishActionProblem(wish(), 'claim', resident)).toBe('FORBIDDEN');
    expect(wishActionProblem(wish(), 'claim', { ...beneficiary, roles: ['resident', 'donor'] })).toBe('WISH_OWN_CLAIM');
    // Not approved (yet) = not public: as if it did not exist, for donors and everyone else.
    expect(wishActionProblem(wish({ status: 'pendingReview' }), 'claim', donor)).toBe('NOT_FOUND');
    expect(wishActionProblem(wish({ status: 'rejected' }), 'claim', donor)).toBe('NOT_FOUND');
    expect(wishActionProblem(wish({ status: 'pendingReview' }), 'claim', resident)).toBe('NOT_FOUND');
    expect(wishActionProblem(wish({ status: 'claimed', claimDonorId: 'don2' }), 'claim', donor)).toBe('WISH_ALREADY_CLAIMED');
    expect(wishActionProblem(wish({ status: 'delivered', claimDonorId: 'don2' }), 'claim', donor)).toBe('WISH_ALREADY_CLAIMED');
    expect(wishActionProblem(wish({ status: 'fulfilled' }), 'claim', donor)).toBe('WISH_ALREADY_FULFILLED');
  });

  it('lets only the claiming donor deliver or release, and the beneficiary or region staff confirm', () => {
    const claimed = wish({ status: 'claimed', claimDonorId: 'don' });
    expect(wishActionProblem(claimed, 'deliver', donor)).toBeNull();
    expect(wishActionProblem(claimed, 'deliver', otherDonor)).toBe('WISH_NOT_CLAIM_DONOR');
    expect(wishActionProblem(claimed, 'release', donor)).toBeNull();
    expect(wishActionProblem(claimed, 'lapse', donor)).toBe('FORBIDDEN');
    expect(wishActionProblem(claimed, 'lapse', system)).toBeNull();
    const delivered = wish({ status: 'delivered', claimDonorId: 'don' });
    expect(wishActionProblem(delivered, 'confirm', beneficiary)).toBeNull();
    expect(wishActionProblem(delivered, 'confirm', staff)).toBeNull();
    // Anyone else (staff of another region included) is told the wish does not exist.
    expect(wishActionProblem(delivered, 'confirm', farStaff)).toBe('NOT_FOUND');
    expect(wishActionProblem(delivered, 'confirm', donor)).toBe('NOT_FOUND');
    expect(wishActionProblem(delivered, 'confirm', resident)).toBe('NOT_FOUND');
    expect(wishActionProblem(claimed, 'confirm', beneficiary)).toBe('WISH_STATE_INVALID');
  });

  it('lets the beneficiary thank once', () => {
    expect(wishActionProblem(wish({ status: 'fulfilled' }), 'thank', beneficiary)).toBeNull();
    expect(wishActionProblem(wish({ status: 'fulfilled', thanked: true }), 'thank', beneficiary)).toBe('WISH_ALREADY_THANKED');
    expect(wishActionProblem(wish({ status: 'fulfilled' }), 'thank', staff)).toBe('WISH_NOT_BENEFICIARY');
    expect(wishActionProblem(wish({ status: 'fulfilled' }), 'thank', farStaff)).toBe('NOT_FOUND');
    expect(wishActionProblem(wish({ status: 'fulfilled' }), 'thank', donor)).toBe('NOT_FOUND');
  });

  it('offers each viewer only the actions they may take', () => {
    expect(allowedWishActions(wish({ status: 'pendingReview' }), staff)).toEqual(['approve', 'edit', 'reject']);
    expect(allowedWishActions(wish(), donor)).toEqual(['claim']);
    expect(allowedWishActions(wish(), beneficiary)).toEqual([]);
    expect(allowedWishActions(wish({ status: 'claimed', claimDonorId: 'don' }), donor)).toEqual(['release', 'deliver']);
    expect(allowedWishActions(wish({ status: 'delivered', claimDonorId: 'don' }), beneficiary)).toEqual(['confirm']);
    expect(allowedWishActions(wish({ status: 'fulfilled', claimDonorId: null }), beneficiary)).toEqual(['thank']);
    expect(allowedWishActions(wish({ status: 'claimed', claimDonorId: 'don' }), system)).toEqual([]);
  });
});
