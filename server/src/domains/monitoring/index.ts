import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { indexCalendar } from '@dajiuzhu/shared';
import { loadHolidayCalendar } from '@dajiuzhu/config';
import { apiRoutes, defineDomain, type DomainOptions } from '../../core/domain';
import { createContentCheckClient, noContentCheck } from '../../core/adapters/wechat/contentCheck';
import '../applications/api';
import '../recheck/api';
import { ensureMonitoringIndexes, registerMonitoringModels } from './models/monitoring';
import { monitoringRepository } from './repository';
import { jobRunner } from './services/jobRunner';
import { populationService } from './services/population';
import { importWorker } from './services/importWorker';
import { importFileService } from './services/importFiles';
import { ruleService } from './services/rules';
import { evaluationService } from './services/evaluation';
import { alertStore, deadlines } from './services/alertStore';
import { deskService } from './services/desk';
import { taskService } from './services/tasks';
import { enrolStarter } from './services/enrol';
import { photoAttacher } from './services/photos';
import { reportService } from './services/reports';
import { dashboardService } from './services/dashboard';
import { feedbackService } from './services/feedback';
import dataRoutes from './routes/data';
import deskRoutes from './routes/desk';
import taskRoutes from './routes/tasks';
import reportRoutes from './routes/reports';
import type { MonitoringApi } from './api';
import { keepDemoServices } from './demo';
import { supervisionReader } from './services/supervisionReader';
import { autoGrantHook } from './services/autoGrantHook';

/**
 * 低收入人口动态监测 (docs/monitoring.md): the watch list, department data, rules as data, the
 * evaluation job, alerts and their loop (assign → visit → outcome → confirm → feedback), 一键求助
 * and 随手拍, the dashboard. Settings: config.monitoring. People come from the applications
 * domain's entitlement reader (never its collections) and from imported lists.
 */
export const monitoringDomain = defineDomain('monitoring', async (app: FastifyInstance, { config, services }: DomainOptions) => {
  const cfg = config.monitoring;
  const { models, reportNumbers } = registerMonitoringModels(app.db);
  await ensureMonitoringIndexes(models, reportNumbers);
  const repo = monitoringRepository(models);
  const runner = jobRunner({ repo, jobs: app.jobs, log: app.log, heartbeatMs: Math.max(1000, Math.floor(cfg.staleJobMs / 4)), leaseTtlMs: config.jobs.leaseTtlMs });
  const contentCheck = cfg.contentCheck === 'wechat' ? createContentCheckClient(config.wechat) : noContentCheck;
  const deadlineOf = deadlines(cfg.deadlineWorkingDays, indexCalendar(loadHolidayCalendar()));
  const entitlements = app.applications.entitlements;

  const population = populationService({ repo, entitlements, audit: services.audit, batch: cfg.batchRows });
  const rules = ruleService({ repo, audit: services.audit });
  const evaluations = evaluationService({ repo, rules, population, runner, audit: services.audit, deadlineOf, batchRows: cfg.batchRows });
  // A death in 公安 data holds the person's payment at once (动态管理, registered after this domain: looked up when a row arrives).
  const onDeaths = async (rows: { personKey: string; date: string; reference: string }[]) => {
    if (!app.hasDecorator('recheck')) return;
    for (const r of rows) await app.recheck.recordDeath({ blindIndex: r.personKey, date: r.date, reference: r.reference, source: '公安死亡登记' });
  };
  const work = importWorker({ repo, pii: services.pii, batchRows: cfg.batchRows, now: () => new Date(), afterImport: (job) => evaluations.afterImport(job), onDeaths, onDisabilityRecords: autoGrantHook(repo, app.applications, app.log) });
  const imports = importFileService({ repo, audit: services.audit, dataDir: path.resolve(config.dataDir), runner, work, staleJobMs: cfg.staleJobMs });
  const store = alertStore(repo, app.log);
  const attachPhotos = photoAttacher({ files: services.files, contentCheck });
  const desk = deskService({ repo, store, core: services });
  const tasks = taskService({ repo, store, audit: services.audit, attachPhotos, startOnBehalf: enrolStarter({ repo, applications: app.applications }) });
  const reports = reportService({ repo, numbers: reportNumbers, core: services, contentCheck, attachPhotos, deadlineOf, perDay: cfg.reportsPerDay });

  const api: MonitoringApi = { evaluations: { runNow: evaluations.runNow }, population: { syncFromEntitlements: population.syncFromEntitlements }, runner: { settle: runner.settle }, supervision: supervisionReader(repo) };
  app.decorate('monitoring', api);
  keepDemoServices(app, { imports, desk, tasks, reports, runner, repo });

  await apiRoutes(app, dataRoutes, { imports, population, rules, evaluations, maxImportBytes: cfg.maxImportBytes });
  await apiRoutes(app, deskRoutes, { desk, dashboard: dashboardService({ repo, entitlements, audit: services.audit }), feedback: feedbackService({ repo, audit: services.audit }) });
  await apiRoutes(app, taskRoutes, { tasks });
  await apiRoutes(app, reportRoutes, { reports });

  app.addHook('preClose', async () => { await runner.close(); });
  app.addHook('onReady', async () => { await imports.resumeStale(app.log); });
}, ['applications']);
