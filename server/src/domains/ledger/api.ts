import type { JobRunner } from './services/ledgerJobs';
import type { LedgerImportService } from './services/ledgerImportService';
import type { HappinessListService } from './services/happinessListService';
import type { PaymentRunService } from './services/paymentRunService';

/** What the ledger domain offers (app.ledger): its services and job runner (tests and the benchmark use them). */
export interface LedgerApi {
  runner: JobRunner;
  imports: LedgerImportService;
  lists: HappinessListService;
  runs: PaymentRunService;
}

declare module 'fastify' {
  interface FastifyInstance {
    ledger: LedgerApi;
  }
}
