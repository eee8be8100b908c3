import type { AppConfig } from './schema';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Record<string, unknown> ? DeepPartial<T[K]> : T[K] };

/** A partial configuration laid over the defaults (per-environment files, environment variables). */
export type ConfigLayer = DeepPartial<AppConfig>;

export function mergeLayers<T>(base: T, ...layers: unknown[]): T {
  let out: unknown = base;
  for (const layer of layers) out = mergeOne(out, layer);
  return out as T;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeOne(base: unknown, layer: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(layer)) return layer === undefined ? base : layer;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(layer)) {
    if (v === undefined) continue;
    // Records of keys (pii.keys) are replaced whole: a layer names the complete key set.
    out[k] = k === 'keys' ? v : mergeOne(base[k], v);
  }
  return out;
}
