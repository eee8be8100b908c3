import type { FastifyPluginAsync } from 'fastify';
import type { DomainOptions } from '../core/domain';
import type { LedgerHooks } from './ledger/api';
import { wishDomain } from './wishes';
import { applicationDomain } from './applications';
import { ledgerDomain } from './ledger';
import { policyDomain } from './policy';
import { monitoringDomain } from './monitoring';
import { reviewsDomain } from './reviews';
import { supervisionDomain } from './supervision';
import { recheckDomain } from './recheck';
import { charityDomain } from './charity';

/**
 * What buildApp passes every domain: the core options, and construction-time hooks a domain reads
 * if it has any (the ledger's `ledgerHooks`: tests only, production passes none).
 */
export interface DomainsOptions extends DomainOptions {
  ledgerHooks?: LedgerHooks;
}
export type { LedgerHooks };

/** Every business domain, in dependency order (each names the domains it uses; Fastify checks). */
export const DOMAINS: FastifyPluginAsync<DomainsOptions>[] = [policyDomain, applicationDomain, ledgerDomain, wishDomain, monitoringDomain, recheckDomain, reviewsDomain, supervisionDomain, charityDomain];
