import { isRegionCode, regionCovers } from './region';

describe('region codes', () => {
  it('knows 6, 9 and 12 digit codes', () => {
    expect(isRegionCode('371400')).toBe(true);
    expect(isRegionCode('371402001')).toBe(true);
    expect(isRegionCode('371402001001')).toBe(true);
    expect(isRegionCode('3714')).toBe(false);
    expect(isRegionCode('071400')).toBe(false);
  });

  it('covers the region itself and everything under it', () => {
    expect(regionCovers('371400', '371400')).toBe(true);
    expect(regionCovers('371400', '371402')).toBe(true);
    expect(regionCovers('371400', '371402001')).toBe(true);
    expect(regionCovers('370000', '371502')).toBe(true);
    expect(regionCovers('371402', '371402001001')).toBe(true);
    expect(regionCovers('371402001', '371402001001')).toBe(true);
  });

  it('does not cover neighbours or parents', () => {
    expect(regionCovers('371400', '371500')).toBe(false);
    expect(regionCovers('371402', '371403')).toBe(false);
    expect(regionCovers('371402001', '371402002001')).toBe(false);
    expect(regionCovers('371402001', '371400')).toBe(false);
  });
});
