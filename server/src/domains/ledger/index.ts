import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { apiRoutes, defineDomain, type DomainOptions } from '../../core/domain';
import { createSubscribeMessageClient } from '../../core/adapters/wechat/subscribeMessage';
import '../policy/api';
import '../applications/api';
import { ensureLedgerIndexes, registerLedgerModels } from './models/ledger';
import { ledgerRepository } from './repository';
import { jobRunner } from './services/ledgerJobs';
import type { BeneficiarySources } from './services/beneficiaryDirectory';
import { ledgerImportService } from './services/ledgerImportService';
import { happinessListService } from './services/happinessListService';
import { ledgerService } from './services/ledgerService';
import { paymentRunService } from './services/paymentRunService';
import { heldRowService } from './services/heldRows';
import { otherHelpService } from './services/otherHelpService';
import importRoutes from './routes/imports';
import happinessListRoutes from './routes/happinessLists';
import ledgerRoutes from './routes/disbursements';
import paymentRunRoutes from './routes/paymentRuns';
import heldRowRoutes from './routes/heldRows';
import { supervisionReader } from './services/supervisionReader';
import type { LedgerApi, LedgerHooks } from './api';

/**
 * The benefits ledger and the 幸福清单 (docs/ledger.md): disbursements, imports, payment runs,
 * publishing statements, feedback. Settings: config.ledger (validated at start). People come from
 * the applications domain's entitlements and the core profiles, standards from the policy domain.
 */
export const ledgerDomain = defineDomain('ledger', async (app: FastifyInstance, { config, services, ledgerHooks }: DomainOptions & { ledgerHooks?: LedgerHooks }) => {
  const ledgerConfig = config.ledger;
  const models = registerLedgerModels(app.db);
  await ensureLedgerIndexes(models);
  const repo = ledgerRepository(models);
  const runner = jobRunner({ repo, log: app.log, heartbeatMs: Math.max(1000, Math.floor(ledgerConfig.staleJobMs / 4)), afterBatch: ledgerHooks?.afterBatch });
  // Only verified people and approved entitlements name and receive bookings; a profile that is a claim links nobody (docs/ledger.md, "Who is who").
  const beneficiaries: BeneficiarySources = { entitlements: app.applications.entitlements, profiles: services.profiles };
  const imports = ledgerImportService({ repo, beneficiaries, pii: services.pii, audit: services.audit, config: ledgerConfig, dataDir: path.resolve(config.dataDir), runner });
  const subscribe = config.wechat.appId && ledgerConfig.subscribeTemplateId ? createSubscribeMessageClient(config.wechat) : null;
  const lists = happinessListService({
    repo, beneficiaries, profiles: services.profiles, identity: services.identity, audit: services.audit, config: ledgerConfig, runner,
    recipients: { verifiedUserIdsByBlindIndex: services.identity.verifiedUserIdsByBlindIndex, wechatOpenIds: services.users.wechatOpenIds },
    policy: app.policy.standards, subscribe, subscribeTemplateId: ledgerConfig.subscribeTemplateId,
  });
  const runs = paymentRunService({ repo, entitlements: app.applications.entitlements, audit: services.audit, runner, batch: ledgerConfig.importBatchRows });
  // Only waiting for a job leaves the domain: nothing outside can start, stop or hook the runner.
  const api: LedgerApi = { runner: { settle: runner.settle }, imports, lists, runs, otherHelp: otherHelpService({ repo }), supervision: supervisionReader(repo) };
  app.decorate('ledger', api);

  await apiRoutes(app, importRoutes, { imports, maxImportBytes: ledgerConfig.maxImportBytes });
  await apiRoutes(app, happinessListRoutes, { lists });
  await apiRoutes(app, ledgerRoutes, { ledger: ledgerService({ repo, profiles: services.profiles, identity: services.identity, audit: services.audit }) });
  await apiRoutes(app, heldRowRoutes, { held: heldRowService({ repo, audit: services.audit }) });
  await apiRoutes(app, paymentRunRoutes, { runs });

  app.addHook('onClose', async () => { await runner.close(); });
  app.addHook('onReady', async () => { await imports.resumeStale(app.log); });
  // An import whose process died (no heartbeat for staleJobMs) is resumed by another API process,
  // not only at the next start; the attempt's insert-wins lease lets exactly one resume it.
  app.jobs.every('ledger.resumeStaleImports', ledgerConfig.staleJobMs, () => imports.resumeStale(app.log));
}, ['policy', 'applications']);
