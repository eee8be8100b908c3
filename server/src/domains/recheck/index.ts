import type { FastifyInstance } from 'fastify';
import { indexCalendar, maskName } from '@dajiuzhu/shared';
import { loadHolidayCalendar } from '@dajiuzhu/config';
import { apiRoutes, defineDomain, type DomainOptions } from '../../core/domain';
import '../applications/api';
import '../policy/api';
import type { RecheckApi } from './api';
import { registerRecheckModels } from './models/recheck';
import { recheckRepository } from './repository';
import type { RecheckDeps } from './services/deps';
import { recheckOpener } from './services/opening';
import { staffDesk } from './services/staffDesk';
import { deathHandler } from './services/deaths';
import { householdService } from './services/household';
import { letterService } from './services/letters';
import { noticeBoard } from './services/notices';
import { scheduleJob } from './services/schedule';
import staffRecheckRoutes from './routes/staff';
import householdRoutes from './routes/household';
import { keepDemoServices } from './demo';

/**
 * 动态管理 (docs/recheck.md): rechecks on a schedule and on triggers (a death, a change report, a
 * missing yearly confirmation, another domain's finding), their decisions (continue, adjust from a
 * month, stop — with a 渐退期 or a 特困 exit notice), the letters explaining a stop or a cut, change
 * reports and yearly confirmations from the household. Entitlements change only through the
 * applications domain's API (app.applications.adjustEntitlement …). Offers `app.recheck` (api.ts).
 */
export const recheckDomain = defineDomain('recheck', async (app: FastifyInstance, { config, services }: DomainOptions) => {
  const repo = recheckRepository(await registerRecheckModels(app.db));
  const deps: RecheckDeps = {
    repo,
    applications: app.applications,
    audit: services.audit,
    verifiedBlindIndexOf: services.identity.verifiedBlindIndexOf,
    standardsFor: (regionCode, date) => app.policy.standards().standardsFor(regionCode, date),
    cfg: config.recheck,
    calendar: indexCalendar(loadHolidayCalendar()),
    now: () => new Date(),
    log: app.log,
  };
  // `now` is injectable for the demo seed and tests only (demo.ts: a decision made months ago); routes and jobs use the real clock.
  const build = (now: () => Date) => {
    const at = { ...deps, now };
    const opener = recheckOpener(at);
    const desk = staffDesk(at);
    const deaths = deathHandler({ ...at, opener });
    const households = householdService({ ...at, opener, deaths });
    const letters = letterService({ ...at, households });
    const schedule = scheduleJob({ ...at, opener, desk, households });
    return { opener, desk, deaths, households, letters, schedule };
  };
  const { opener, desk, deaths, households, letters, schedule } = build(deps.now);

  const api: RecheckApi = {
    async decisionFor(id) {
      const r = await desk.load(id).catch(() => null);
      const d = r?.decision;
      if (!r || !d || d.outcome === 'continue') return null;
      return {
        id: r._id, kind: d.outcome, programme: r.programme, beneficiaryBlindIndex: r.beneficiary.blindIndex, beneficiaryUserId: r.beneficiary.userId,
        regionCode: r.regionCode, decidedAt: new Date(d.decidedAt).toISOString(), reasons: [...d.computedReasons, ...d.reasons],
      };
    },
    async open(ctx, input) {
      const by = { actorId: ctx.actor._id, requestId: ctx.requestId };
      const running = (await app.applications.entitlementsOf(input.blindIndex)).filter((e) => e.status === 'active');
      const rechecks = [];
      for (const e of running) rechecks.push({ ...(await opener.openFor(by, e, { trigger: input.trigger, key: input.key ?? input.reason, reason: input.reason })), entitlementId: e.id });
      return { rechecks };
    },
    async recordDeath(input) {
      const { suspended } = await deaths.recordDeath({ actorId: `system:${input.source}`, requestId: `death:${input.reference}` }, input);
      return { suspended };
    },
    runSchedule: () => schedule(),
    overdue: async (scope, today) => (await repo.overdueInRegion(scope, today, 2000)).map((r) => ({
      id: r._id, programme: r.programme, regionCode: r.regionCode, deadline: r.deadline, status: r.status,
      nameMasked: maskName(r.beneficiary.name), idNumberMasked: r.beneficiary.idNumberMasked, personKey: r.beneficiary.blindIndex,
    })),
  };
  app.decorate('recheck', api);
  keepDemoServices(app, { desk, households, repo, at: (now) => build(now) });

  await apiRoutes(app, staffRecheckRoutes, { desk });
  await apiRoutes(app, householdRoutes, { households, letters, notices: noticeBoard(deps) });
  app.jobs.every('recheck.schedule', config.recheck.jobIntervalMs, (signal) => schedule(signal));
}, ['policy', 'applications']);
