import type { DomainPlugin } from './types';

/** Placeholder: filled in by the benefits-ledger issue. */
export const ledgerDomain: DomainPlugin = async () => {};
