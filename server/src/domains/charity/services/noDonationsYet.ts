import type { DonationTotals } from '../api';

/** Until the donations side sets real totals (charity/index.ts): nothing raised, no donors. */
export const noDonationsYet: DonationTotals = {
  raisedFen: async () => 0,
  donorUserIds: async function* () { /* none */ },
};
