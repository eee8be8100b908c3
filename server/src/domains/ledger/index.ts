import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { apiRoutes, defineDomain } from '../../core/domain';
import { ensureLedgerIndexes, registerLedgerModels } from './models/ledger';
import { ledgerRepository } from './repository';
import { jobRunner, type JobRunner } from './services/ledgerJobs';
import { ledgerImportService, type LedgerImportService } from './services/ledgerImportService';
import importRoutes from './routes/imports';
import happinessListRoutes from './routes/happinessLists';
import ledgerRoutes from './routes/disbursements';
import paymentRunRoutes from './routes/paymentRuns';
import '../policy/api';
import { happinessListService, type HappinessListService } from './services/happinessListService';
import { ledgerService } from './services/ledgerService';
import { paymentRunService, type PaymentRunService } from './services/paymentRunService';
import type { LedgerApi } from './api';
import { createSubscribeMessageClient } from '../../core/adapters/wechat/subscribeMessage';


/**
 * The benefits ledger and the 幸福清单 (docs/ledger.md): disbursements, imports, payment runs,
 * publishing statements, feedback. Settings from config/src/ledger.ts, validated here at start.
 */
export const ledgerDomain = defineDomain('ledger', async (app: FastifyInstance, { config, services }) => {
  const ledgerConfig = config.ledger;
  const models = registerLedgerModels(app.db);
  await ensureLedgerIndexes(models);
  const repo = ledgerRepository(models);
  const runner = jobRunner({ repo, log: app.log, heartbeatMs: Math.max(1000, Math.floor(ledgerConfig.staleJobMs / 4)) });
  const imports = ledgerImportService({ repo, db: app.db, pii: services.pii, config: ledgerConfig, dataDir: path.resolve(config.dataDir), runner });
  const subscribe = config.wechat.appId && ledgerConfig.subscribeTemplateId ? createSubscribeMessageClient(config.wechat) : null;
  const lists = happinessListService({
    repo, models, db: app.db, profiles: services.profiles, audit: services.audit, config: ledgerConfig, runner,
    policy: app.policy.standards, subscribe, subscribeTemplateId: ledgerConfig.subscribeTemplateId,
  });
  const runs = paymentRunService({ repo, db: app.db, audit: services.audit, runner, batch: ledgerConfig.importBatchRows });
  const api: LedgerApi = { runner, imports, lists, runs };
  app.decorate('ledger', api);

  await apiRoutes(app, importRoutes, { imports, maxImportBytes: ledgerConfig.maxImportBytes });
  await apiRoutes(app, happinessListRoutes, { lists });
  await apiRoutes(app, ledgerRoutes, { ledger: ledgerService({ repo, profiles: services.profiles, audit: services.audit }) });
  await apiRoutes(app, paymentRunRoutes, { runs });

  app.addHook('onClose', async () => { await runner.close(); });
  app.addHook('onReady', async () => { await imports.resumeStale(app.log); });
}, ['policy', 'applications']);
