import type { DomainPlugin } from '../core/domain';
import { wishDomain } from './wishes';
import { applicationDomain } from './applications';
import { ledgerDomain } from './ledger';
import { policyDomain } from './policy';

/** Every business domain, registered under /api/v1 by app.ts. */
export const DOMAINS: DomainPlugin[] = [policyDomain, wishDomain, applicationDomain, ledgerDomain];
