import { budgetCapFor, loadWishConfig } from './wishes';

describe('微心愿 configuration', () => {
  it('has the documented defaults', () => {
    const c = loadWishConfig('test', {});
    expect(c).toMatchObject({ budgetCapFen: 50000, maxActiveClaims: 5, lapseDays: 7, storyMaxChars: 300, contentCheck: 'wechat' });
    expect(loadWishConfig('development', {}).contentCheck).toBe('off');
  });

  it('reads environment overrides', () => {
    const c = loadWishConfig('test', { WISH_MAX_ACTIVE_CLAIMS: '3', WISH_LAPSE_DAYS: '10', WISH_BUDGET_CAP_BY_REGION: '371400:30000,371402:20000', WISH_CLAIM_RATE_MAX: '7' });
    expect(c.maxActiveClaims).toBe(3);
    expect(c.lapseDays).toBe(10);
    expect(c.claimRate).toEqual({ max: 7, windowMs: 60000 });
    expect(budgetCapFor(c, '371402001001')).toBe(20000);
    expect(budgetCapFor(c, '371403')).toBe(30000);
    expect(budgetCapFor(c, '371500')).toBe(50000);
  });

  it('refuses bad values, naming the key', () => {
    expect(() => loadWishConfig('test', { WISH_MAX_ACTIVE_CLAIMS: 'many' })).toThrow(/maxActiveClaims \(WISH_MAX_ACTIVE_CLAIMS\)/);
    expect(() => loadWishConfig('test', { WISH_STORY_MAX_CHARS: '500' })).toThrow(/storyMaxChars/);
    expect(() => loadWishConfig('test', { WISH_BUDGET_CAP_BY_REGION: 'dezhou:1' })).toThrow(/WISH_BUDGET_CAP_BY_REGION/);
    expect(() => loadWishConfig('production', { WISH_CONTENT_CHECK: 'off' })).toThrow(/contentCheck/);
  });
});
