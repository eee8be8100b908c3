import type { AfterBatchHook, JobRunner } from './services/ledgerJobs';
import type { LedgerImportService } from './services/ledgerImportService';
import type { HappinessListService } from './services/happinessListService';
import type { PaymentRunService } from './services/paymentRunService';
import type { LedgerSupervisionReader } from './services/supervisionReader';
export type { SupervisedPayment } from './services/supervisionReader';
import type { OtherHelpService } from './services/otherHelpService';

/** What the ledger domain offers (app.ledger): its services, and waiting for a job this process runs (tests and the benchmark use them). */
export interface LedgerApi {
  runner: Pick<JobRunner, 'settle'>;
  imports: LedgerImportService;
  lists: HappinessListService;
  runs: PaymentRunService;
  /** Help other domains give a named person (慈善筹's aid), booked once per gift as other help (services/otherHelpService.ts). */
  otherHelp: OtherHelpService;
  /** 电子监察's reads (services/supervisionReader.ts): a person's payments, a region's, whether a month's run was made. */
  supervision: LedgerSupervisionReader;
}

/**
 * Construction-time options of the ledger domain (plugin option `ledgerHooks`, passed by buildApp
 * from its BuildOptions). `afterBatch` runs after each committed batch of a job: the crash tests
 * throw SimulatedCrash from it. Production passes none; there is no way to set one afterwards.
 */
export interface LedgerHooks {
  afterBatch?: AfterBatchHook;
}

declare module 'fastify' {
  interface FastifyInstance {
    ledger: LedgerApi;
  }
}
