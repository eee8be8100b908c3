import type { DomainPlugin } from './types';
import { wishDomain } from './wishes';
import { applicationDomain } from './applications';
import { ledgerDomain } from './ledger';

/** Every business domain, registered under /api/v1 by app.ts. */
export const DOMAINS: DomainPlugin[] = [wishDomain, applicationDomain, ledgerDomain];
