import { flagKey, flagOwnerRegion, flagTransition } from './flags';

describe('supervision flags', () => {
  it('resolves or dismisses an open flag once, and nothing else', () => {
    expect(flagTransition('open', 'resolve')).toBe('resolved');
    expect(flagTransition('open', 'dismiss')).toBe('dismissed');
    expect(flagTransition('resolved', 'dismiss')).toBeNull();
    expect(flagTransition('dismissed', 'resolve')).toBeNull();
  });
  it('gives county matters to the county and the rest to the township', () => {
    expect(flagOwnerRegion('relatedApplicant', '371402001001')).toBe('371402');
    expect(flagOwnerRegion('shouldHaveExited', '371402001001')).toBe('371402001');
    expect(flagOwnerRegion('overdueAlert', '371402')).toBe('371402');
  });
  it('keys a flag by condition, subject and period', () => {
    expect(flagKey('paymentRunLate', '371402', '2026-11')).toBe('paymentRunLate:371402:2026-11');
  });
});
