import { Value } from '@sinclair/typebox/value';
import { RegionPolicy, isCalendarDate, isRegionCode, regionCovers, regionPrefix, type StandardsInEffect } from '@dajiuzhu/shared';
import { POLICY_FILES } from '../policy';
import { ConfigError } from './configError';

export interface PolicyStandards {
  /** Every configured region, validated, periods in date order, frozen. */
  readonly regions: readonly RegionPolicy[];
  /** The standards in effect on `date` (YYYY-MM-DD) for the most specific configured region covering `regionCode`. */
  standardsFor(regionCode: string, date: string): StandardsInEffect | undefined;
}

function fail(region: string, key: string, message: string): never {
  throw new ConfigError(`政策标准错误 ${region} ${key}: ${message}`);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Schema first, then what a schema cannot say: real dates, in ascending order, one file per region. */
function validateRegion(file: unknown, index: number, seen: Set<string>): RegionPolicy {
  const region = String((file as { regionCode?: unknown })?.regionCode ?? `#${index}`);
  const first = Value.Errors(RegionPolicy, file).First();
  if (first) fail(region, first.path.replace(/^\//, '').replace(/\//g, '.') || '(root)', first.message);
  const policy = structuredClone(file) as RegionPolicy;
  if (!isRegionCode(policy.regionCode)) fail(region, 'regionCode', 'not a GB/T 2260 region code');
  if (seen.has(policy.regionCode)) fail(region, 'regionCode', 'configured twice');
  seen.add(policy.regionCode);
  policy.periods.forEach((p, i) => {
    if (!isCalendarDate(p.effectiveFrom)) fail(region, `periods.${i}.effectiveFrom`, `"${p.effectiveFrom}" is not a calendar date`);
    // Append-only history: a new period goes after the last one, so past periods stay as they were.
    if (i > 0 && p.effectiveFrom <= policy.periods[i - 1].effectiveFrom) fail(region, `periods.${i}.effectiveFrom`, 'periods must be in strictly ascending date order');
  });
  return policy;
}

/**
 * Loads and validates every region's standards (config/policy/*.ts) once at start: bad data stops
 * start-up with an error naming the region and the key.
 */
export function loadPolicyStandards(files: readonly unknown[] = POLICY_FILES): PolicyStandards {
  const seen = new Set<string>();
  const regions = deepFreeze(files.map((f, i) => validateRegion(f, i, seen)));
  // Most specific first (371402 before 371400 before 370000), so a county's own figures win.
  const bySpecificity = [...regions].sort((a, b) => regionPrefix(b.regionCode).length - regionPrefix(a.regionCode).length);
  return {
    regions,
    standardsFor(regionCode, date) {
      if (!isRegionCode(regionCode) || !isCalendarDate(date)) return undefined;
      for (const region of bySpecificity) {
        if (!regionCovers(region.regionCode, regionCode)) continue;
        const period = [...region.periods].reverse().find((p) => p.effectiveFrom <= date);
        // A more specific region whose figures start later falls back to the wider region's.
        if (period) return { regionCode: region.regionCode, regionName: region.regionName, ...period };
      }
      return undefined;
    },
  };
}
