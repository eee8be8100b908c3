import { IMAGE_CHECK_LIMITS, MIN_QUALITY, START_QUALITY, nextStep, photoLimits, planPhoto } from './photoCompression';

describe('planPhoto: the size and quality a photo is compressed to before upload', () => {
  it('scales a 12-megapixel phone photo to fit 750 × 1334, portrait or landscape, keeping its shape', () => {
    expect(planPhoto({ width: 3000, height: 4000 })).toMatchObject({ width: 750, height: 1000 });
    const landscape = planPhoto({ width: 4000, height: 3000 });
    expect(landscape).toMatchObject({ width: 1000, height: 750 });
    const tall = planPhoto({ width: 1080, height: 2400 }); // a screenshot-like shape: the long side binds
    expect(tall.height).toBeLessThanOrEqual(1334);
    expect(tall.width).toBeLessThanOrEqual(750);
    expect(tall.width / tall.height).toBeCloseTo(1080 / 2400, 2);
  });

  it('never enlarges a small picture, and starts at the standard quality when it will fit', () => {
    expect(planPhoto({ width: 640, height: 480 })).toEqual({ width: 640, height: 480, quality: START_QUALITY });
  });

  it('starts lower when the cap is small, never below the floor', () => {
    const small = planPhoto({ width: 3000, height: 4000 }, photoLimits(100 * 1024));
    expect(small.quality).toBeLessThan(START_QUALITY);
    expect(small.quality).toBeGreaterThanOrEqual(MIN_QUALITY);
    expect(planPhoto({ width: 3000, height: 4000 }, photoLimits(10 * 1024)).quality).toBe(MIN_QUALITY);
  });

  it('uses the server cap only when it is below WeChat\'s 1 MB', () => {
    expect(photoLimits(512 * 1024).maxBytes).toBe(512 * 1024);
    expect(photoLimits(5 * 1024 * 1024).maxBytes).toBe(IMAGE_CHECK_LIMITS.maxBytes);
    expect(photoLimits(undefined).maxBytes).toBe(IMAGE_CHECK_LIMITS.maxBytes);
  });
});

describe('nextStep: trying again after a result too large', () => {
  it('is done when the result fits with headroom', () => {
    expect(nextStep(0.8, 600 * 1024)).toEqual({ done: true });
  });

  it('lowers the quality by at least 0.1, more when far over', () => {
    const a = nextStep(0.8, 1000 * 1024);
    expect(a).toEqual({ done: false, quality: 0.7 });
    const b = nextStep(0.8, 4 * 1024 * 1024);
    expect(b.done).toBe(false);
    expect((b as { quality: number }).quality).toBeLessThan(0.5);
  });

  it('gives up below the floor (the person is asked for another photo)', () => {
    expect(nextStep(0.35, 2 * 1024 * 1024)).toEqual({ done: false, tooLarge: true });
  });

  it('reaches a result within a few tries for any size', () => {
    // A compressor whose output falls with the quality: the loop ends, fitting or giving up.
    for (const bytesAtFull of [300e3, 2e6, 8e6, 40e6]) {
      let q = START_QUALITY;
      let tries = 0;
      for (;;) {
        tries += 1;
        const step = nextStep(q, bytesAtFull * q * q);
        if (step.done || 'tooLarge' in step) break;
        q = step.quality;
      }
      expect(tries).toBeLessThanOrEqual(6);
    }
  });
});
