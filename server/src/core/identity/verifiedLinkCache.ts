/**
 * Verified links (account → the blind index of the ID number it proved), remembered for a few
 * seconds: a signed-in read of one's own records (the 幸福清单, disbursements, cases) then costs
 * the record's read only, not also the profile's. Only links are remembered, never "unverified"
 * (a verification takes effect at once). A link does not change once made: a verified profile's
 * name and number are locked (profileService, IDENTITY_LOCKED), so an entry is never stale in
 * practice; the bound is the same as the session cache's (docs/security.md).
 */
export function verifiedLinkCache(ttlMs: number, maxEntries = 50_000) {
  const entries = new Map<string, { blindIndex: string; until: number }>();
  return {
    get(userId: string): string | null {
      const e = ttlMs > 0 ? entries.get(userId) : undefined;
      if (!e) return null;
      if (e.until > Date.now()) return e.blindIndex;
      entries.delete(userId);
      return null;
    },
    set(userId: string, blindIndex: string) {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) entries.clear();
      entries.set(userId, { blindIndex, until: Date.now() + ttlMs });
    },
  };
}
