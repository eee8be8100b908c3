import { wishDomain } from './wishes';
import { applicationDomain } from './applications';
import { ledgerDomain } from './ledger';
import { policyDomain } from './policy';

/** Every business domain, in dependency order (each names the domains it uses; Fastify checks). */
export const DOMAINS = [policyDomain, applicationDomain, ledgerDomain, wishDomain];
