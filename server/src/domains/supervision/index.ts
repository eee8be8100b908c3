import type { FastifyInstance } from 'fastify';
import { indexCalendar } from '@dajiuzhu/shared';
import { loadHolidayCalendar } from '@dajiuzhu/config';
import { apiRoutes, defineDomain, type DomainOptions } from '../../core/domain';
import '../applications/api';
import '../ledger/api';
import '../monitoring/api';
import '../policy/api';
import '../recheck/api';
import type { SupervisionApi } from './api';
import { registerSupervisionModels } from './models/supervision';
import { supervisionRepository } from './repository';
import { flagService } from './services/flagService';
import { relativeService } from './services/relatives';
import supervisionRoutes from './routes/supervision';
import { keepDemoServices } from './demo';

/**
 * 电子监察 (docs/supervision.md): flags raised by scanning each region through the owners' APIs —
 * payments to the dead or after an end (ledger × monitoring × applications), asset signals
 * (monitoring), late payment runs and wrong amounts (ledger × applications), alerts past their
 * deadline (monitoring), applications of registered relatives of staff (applications × 近亲属备案).
 * One collection of flags, a desk for county and city staff. Settings: config.supervision.
 */
export const supervisionDomain = defineDomain('supervision', async (app: FastifyInstance, { config, services }: DomainOptions) => {
  const cfg = config.supervision;
  const repo = supervisionRepository(await registerSupervisionModels(app.db));
  const flags = flagService({
    repo,
    sources: () => ({
      entitlements: app.applications.entitlements, ledger: app.ledger.supervision, monitoring: app.monitoring.supervision, rechecks: app.recheck,
      applicationsOfPerson: app.applications.applicationsOfPerson, relativesIn: (scope) => repo.relativesIn(scope, 5000),
    }),
    audit: services.audit,
    calendar: indexCalendar(loadHolidayCalendar()),
    settings: { flagWorkingDays: cfg.flagWorkingDays, paymentRunDay: cfg.paymentRunDay },
  });
  const relatives = relativeService({ repo, pii: services.pii, audit: services.audit, afterRegister: (regionCode) => flags.scanRegion(regionCode.slice(0, 6), ['relatedApplicant']) });
  const api: SupervisionApi = { scanRegion: flags.scanRegion };
  app.decorate('supervision', api);
  keepDemoServices(app, { relatives, flags });
  await apiRoutes(app, supervisionRoutes, { flags, relatives });
  // The scheduled scan: every region with published standards (the cities the product serves), on one process.
  app.jobs.every('supervision.scan', cfg.scanEveryMs, async (signal) => {
    for (const r of app.policy.standards().regions) {
      if (signal.aborted) return;
      await flags.scanRegion(r.regionCode);
    }
  });
}, ['applications', 'ledger', 'monitoring', 'policy', 'recheck']);
