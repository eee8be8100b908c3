/**
 * How big a wish or delivery photo is drawn, and at what JPEG quality, so that it passes WeChat's
 * image check (img_sec_check: at most 1 MB and 750 × 1334 px) and the server's cap (`photoMaxBytes`
 * from /wish-rules, 1 MB by default). Pure: the phone's compressor (weapp Taro.compressImage, H5 a
 * canvas) does the pixels, this decides the numbers.
 */
export interface PhotoLimits {
  maxBytes: number;
  /** The longer side at most this many pixels, the shorter side at most `maxShort`. */
  maxLong: number;
  maxShort: number;
}

export const IMAGE_CHECK_LIMITS: PhotoLimits = { maxBytes: 1024 * 1024, maxLong: 1334, maxShort: 750 };

/** The first try: good enough for an item photo, small enough for most. */
export const START_QUALITY = 0.8;
/** Below this an item is hard to recognise: ask for another photo instead. */
export const MIN_QUALITY = 0.3;
/** JPEG sizes are not exact: aim at 90 % of the cap. */
const HEADROOM = 0.9;
/** A phone photo at quality 0.8 takes about this many bytes per pixel (measured on camera JPEGs: 0.2–0.35). */
const BYTES_PER_PIXEL_AT_START = 0.35;

export interface PhotoPlan {
  width: number;
  height: number;
  quality: number;
}

/** The limits in force: the server's cap when it is lower than WeChat's. */
export function photoLimits(serverMaxBytes?: number): PhotoLimits {
  return { ...IMAGE_CHECK_LIMITS, maxBytes: Math.min(IMAGE_CHECK_LIMITS.maxBytes, serverMaxBytes ?? Infinity) };
}

/**
 * The size to draw (the whole picture, scaled down to fit, never up) and the quality to try first,
 * lower for a large picture so that one try usually fits.
 */
export function planPhoto(source: { width: number; height: number }, limits: PhotoLimits = IMAGE_CHECK_LIMITS): PhotoPlan {
  const w = Math.max(1, Math.round(source.width));
  const h = Math.max(1, Math.round(source.height));
  const long = Math.max(w, h);
  const short = Math.min(w, h);
  const scale = Math.min(1, limits.maxLong / long, limits.maxShort / short);
  const width = Math.max(1, Math.floor(w * scale));
  const height = Math.max(1, Math.floor(h * scale));
  const estimated = width * height * BYTES_PER_PIXEL_AT_START;
  const target = limits.maxBytes * HEADROOM;
  const quality = estimated <= target ? START_QUALITY : Math.max(MIN_QUALITY, roundDown(START_QUALITY * (target / estimated)));
  return { width, height, quality };
}

export type NextStep = { done: true } | { done: false; quality: number } | { done: false; tooLarge: true };

/**
 * After one try produced `bytes` at `quality`: done when it fits; otherwise a lower quality
 * (JPEG size falls roughly with the square root of the quality step at these sizes, so step by
 * the square root of the ratio, and always by at least 0.1); too large once below the floor.
 */
export function nextStep(quality: number, bytes: number, limits: PhotoLimits = IMAGE_CHECK_LIMITS): NextStep {
  const target = limits.maxBytes * HEADROOM;
  if (bytes <= target) return { done: true };
  const next = roundDown(Math.min(quality - 0.1, quality * Math.sqrt(target / bytes)));
  if (next < MIN_QUALITY) return { done: false, tooLarge: true };
  return { done: false, quality: next };
}

const roundDown = (q: number) => Math.floor(q * 100) / 100;
