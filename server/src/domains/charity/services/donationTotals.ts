import type { DonationTotals } from '../api';
import type { DonationRepository } from '../donationRepository';

/**
 * Raised totals for the projects side (progress, matching, the spending check, report notices):
 * the sum of paid donations — one row each, counted by its confirmation's insert, so 50 donors
 * at once sum exactly. Refunded and flagged donations are not raised money.
 */
export function donationTotals(repo: DonationRepository): DonationTotals {
  return {
    raisedFen: (projectId) => repo.raisedFen(projectId),
    async *donorUserIds(projectId) {
      const seen = new Set<string>();
      for await (const d of repo.donationsOfProject(projectId, ['paid'])) {
        if (seen.has(d.donorId)) continue;
        seen.add(d.donorId);
        yield d.donorId;
      }
    },
  };
}
