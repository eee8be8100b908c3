import { albumStep, exportScale, exportSize } from './certificateCanvas';

describe('the certificate picture is drawn at the device\'s resolution', () => {
  it('uses the screen\'s pixel ratio, at least 2 and at most 4', () => {
    expect(exportScale(3)).toBe(3);
    expect(exportScale(2.75)).toBe(2.75);
    expect(exportScale(1)).toBe(2);
    expect(exportScale(5)).toBe(4);
    expect(exportScale(undefined)).toBe(2);
    expect(exportScale(Number.NaN)).toBe(2);
  });

  it('exports 300 × 400 CSS px as that many device pixels', () => {
    expect(exportSize({ width: 300, height: 400 }, 3)).toEqual({ width: 900, height: 1200, scale: 3 });
    expect(exportSize({ width: 300, height: 400 }, 2.75)).toEqual({ width: 825, height: 1100, scale: 2.75 });
  });
});

describe('saving to the album asks for the permission the way WeChat requires', () => {
  it('saves when granted, asks the first time, and sends to settings after a refusal', () => {
    expect(albumStep(true)).toBe('save');
    expect(albumStep(undefined)).toBe('ask');
    expect(albumStep(false)).toBe('settings');
  });
});
