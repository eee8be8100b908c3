import type { LedgerConfig } from '@dajiuzhu/config';

export type ImportSource = LedgerConfig['sources'][string];

/**
 * The configured source (department) named by a request, or null. Own keys only: a source code
 * comes from the URL, and `constructor` or `toString` must be an unknown source (400), not the
 * properties every object inherits (which answered 500, or stored a mapping for no source).
 */
export function importSourceOf(config: Pick<LedgerConfig, 'sources'>, code: string): ImportSource | null {
  return Object.hasOwn(config.sources, code) ? config.sources[code] : null;
}
