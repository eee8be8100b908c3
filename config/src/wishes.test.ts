import { loadConfig } from './index';
import { budgetCapFor } from './wishes';

const wishes = (env: Record<string, string>, overrides = {}) => loadConfig({ NODE_ENV: 'test', ...env }, overrides).wishes;

describe('微心愿 configuration (the wishes section of the one configuration)', () => {
  it('has the documented defaults; development turns the content check off', () => {
    expect(wishes({})).toMatchObject({ budgetCapFen: 50000, maxActiveClaims: 5, lapseDays: 7, storyMaxChars: 300, contentCheck: 'wechat' });
    expect(loadConfig({ NODE_ENV: 'development' }).wishes.contentCheck).toBe('off');
  });

  it('reads environment variables and test overrides', () => {
    const c = wishes({ WISH_MAX_ACTIVE_CLAIMS: '3', WISH_LAPSE_DAYS: '10', WISH_BUDGET_CAP_BY_REGION: '371400:30000,371402:20000', WISH_CLAIM_RATE_MAX: '7' });
    expect(c.maxActiveClaims).toBe(3);
    expect(c.lapseDays).toBe(10);
    expect(c.claimRate).toEqual({ max: 7, windowMs: 60000 });
    expect(budgetCapFor(c, '371402001001')).toBe(20000);
    expect(budgetCapFor(c, '371403')).toBe(30000);
    expect(budgetCapFor(c, '371500')).toBe(50000);
    expect(wishes({}, { wishes: { claimRate: { max: 1000 } } }).claimRate).toEqual({ max: 1000, windowMs: 60000 });
  });

  it('refuses bad values, naming the key', () => {
    expect(() => wishes({ WISH_MAX_ACTIVE_CLAIMS: 'many' })).toThrow(/maxActiveClaims \(WISH_MAX_ACTIVE_CLAIMS\)/);
    expect(() => wishes({ WISH_STORY_MAX_CHARS: '500' })).toThrow(/storyMaxChars/);
    expect(() => wishes({ WISH_BUDGET_CAP_BY_REGION: 'dezhou:1' })).toThrow(/WISH_BUDGET_CAP_BY_REGION/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PII_KEYS: 'k1:ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhIUE=', PII_ACTIVE_KEY_ID: 'k1', PII_BLIND_INDEX_KEY: 'y'.repeat(40), WISH_CONTENT_CHECK: 'off' })).toThrow(/contentCheck/);
  });
});
