/**
 * The pages the assistance entry opens for `?service=` (申请救助, 政策测算, 进度查询); other
 * services keep the placeholder until built. A Map, not an object: `?service=` is whatever the link
 * says, and `constructor` or `__proto__` must find nothing rather than a built-in of Object.prototype.
 */
const PAGES = new Map<string, string>([
  ['apply', '/packages/assistance/pages/apply/index'],
  ['estimate', '/packages/assistance/pages/estimate/index'],
  ['progress', '/packages/assistance/pages/mine/index'],
]);

/** The page a service key opens, or undefined for an unknown key. */
export const pageOfService = (service: string | undefined): string | undefined => (service ? PAGES.get(service) : undefined);
