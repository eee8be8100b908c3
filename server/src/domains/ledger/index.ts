import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadLedgerConfig } from '@dajiuzhu/config/src/ledger';
import { isLedgerProgramme } from '@dajiuzhu/shared';
import { ConfigError } from '@dajiuzhu/config';
import type { DomainPlugin } from '../../core/domain';
import { ensureLedgerIndexes, registerLedgerModels } from './models/ledger';
import { ledgerRepository } from './repository';
import { jobRunner, type JobRunner } from './services/ledgerJobs';
import { ledgerImportService, type LedgerImportService } from './services/ledgerImportService';
import importRoutes from './routes/imports';
import happinessListRoutes from './routes/happinessLists';
import ledgerRoutes from './routes/disbursements';
import paymentRunRoutes from './routes/paymentRuns';
import { loadPolicyStandards } from '@dajiuzhu/config';
import { happinessListService, type HappinessListService } from './services/happinessListService';
import { ledgerService } from './services/ledgerService';
import { paymentRunService, type PaymentRunService } from './services/paymentRunService';
import { createSubscribeMessageClient } from '../../core/adapters/wechat/subscribeMessage';

export interface LedgerHandle { runner: JobRunner; imports: LedgerImportService; lists: HappinessListService; runs: PaymentRunService }

/**
 * The ledger services of an app, found by its database connection (the domain plugin is
 * encapsulated, so it cannot decorate the root instance): tests and the benchmark use this.
 */
const handles = new WeakMap<object, LedgerHandle>();
export const ledgerOf = (db: object): LedgerHandle => {
  const h = handles.get(db);
  if (!h) throw new Error('ledger domain not registered on this connection');
  return h;
};

/**
 * The benefits ledger and the 幸福清单 (docs/ledger.md): disbursements, imports, payment runs,
 * publishing statements, feedback. Settings from config/src/ledger.ts, validated here at start.
 */
export const ledgerDomain: DomainPlugin = async (app: FastifyInstance, { config, services }) => {
  const ledgerConfig = loadLedgerConfig();
  for (const [code, s] of Object.entries(ledgerConfig.sources)) {
    const unknown = s.programmes.find((p) => !isLedgerProgramme(p));
    if (unknown) throw new ConfigError(`配置错误 ledger.sources.${code}.programmes: "${unknown}" is not a ledger programme`);
  }
  const models = registerLedgerModels(app.db);
  await ensureLedgerIndexes(models);
  const repo = ledgerRepository(models);
  const runner = jobRunner({ repo, log: app.log, heartbeatMs: Math.max(1000, Math.floor(ledgerConfig.staleJobMs / 4)) });
  const imports = ledgerImportService({ repo, db: app.db, pii: services.pii, config: ledgerConfig, dataDir: path.resolve(config.dataDir), runner });
  const subscribe = config.wechat.appId && ledgerConfig.subscribeTemplateId ? createSubscribeMessageClient(config.wechat) : null;
  const lists = happinessListService({
    repo, models, db: app.db, profiles: services.profiles, audit: services.audit, config: ledgerConfig, runner,
    policy: loadPolicyStandards(), subscribe, subscribeTemplateId: ledgerConfig.subscribeTemplateId,
  });
  const runs = paymentRunService({ repo, db: app.db, audit: services.audit, runner, batch: ledgerConfig.importBatchRows });
  handles.set(app.db, { runner, imports, lists, runs });

  await app.register(importRoutes, { imports, maxImportBytes: ledgerConfig.maxImportBytes });
  await app.register(happinessListRoutes, { lists });
  await app.register(ledgerRoutes, { ledger: ledgerService({ repo, profiles: services.profiles, audit: services.audit }) });
  await app.register(paymentRunRoutes, { runs });

  app.addHook('onClose', async () => { await runner.close(); });
  app.addHook('onReady', async () => { await imports.resumeStale(app.log); });
};
