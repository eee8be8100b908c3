import { apiRoutes, defineDomain } from '../../core/domain';
import { createContentCheckClient, noContentCheck } from '../../core/adapters/wechat/contentCheck';
import '../ledger/api';
import { ensureCharityIndexes, registerCharityModels } from './models';
import { charityRepository } from './repository';
import { charityServices } from './services/charityServices';
import { cancelListeners } from './services/cancelListeners';
import { noDonationsYet } from './services/noDonationsYet';
import type { CharityApi, DonationTotals } from './api';
import projectRoutes from './routes/projects';
import organizationRoutes from './routes/organization';
import staffProjectRoutes from './routes/staffProjects';
import spendingRoutes from './routes/spending';
import reportRoutes from './routes/reports';
import pledgeRoutes from './routes/pledges';
import { keepCharityDemo } from './demo';
import donationRoutes from './routes/donations';
import paymentNotifyRoutes from './routes/paymentNotify';
import { donationRepository } from './donationRepository';
import { donationServices } from './services/donationServices';
import { paymentProvider, selfUrl } from './services/paymentProvider';

/**
 * 慈善筹 (docs/charity.md): organisations, projects (one state machine, shared/src/charity),
 * staff review, the public page and square, matching pledges, spending (aid to named people goes
 * to their 幸福清单 through app.ledger.otherHelp) and reports with the overdue job. Donations,
 * payments, receipts and refunds live in the same domain (the block marked below). Settings:
 * config.charity.
 */
export const charityDomain = defineDomain('charity', async (app, { config, services }) => {
  const cfg = config.charity;
  const models = registerCharityModels(app.db);
  await ensureCharityIndexes(models);
  const repo = charityRepository(models);
  const contentCheck = cfg.contentCheck === 'wechat' ? createContentCheckClient(config.wechat) : noContentCheck;
  const onCancelled = cancelListeners(app.log);
  // The schedule is filled in below, once the services exist (its job runs only after start).
  const api: CharityApi = { projects: { forDonation: (id) => repo.forDonation(id), onCancelled: onCancelled.add }, schedule: { run: async () => ({ closed: 0, flagged: 0 }) } };
  app.decorate('charity', api);

  let totals: DonationTotals = noDonationsYet;
  // ── Donations, payments, receipts, refunds [C2] ─────────────────────────────────────────────
  const payments = paymentProvider(config.payment, config.wechat.appId, () => selfUrl(app));
  const donationsSide = donationServices({ repo: await donationRepository(app.db), payments, projects: api.projects, core: services, config: config.payment, log: app.log });
  totals = donationsSide.totals;
  onCancelled.add(async (projectId) => { app.log.info({ projectId, ...(await donationsSide.refunds.refundAll(projectId)) }, 'charity: refunds of a cancelled project'); });
  await apiRoutes(app, donationRoutes, { donations: donationsSide });
  await apiRoutes(app, paymentNotifyRoutes, { donations: donationsSide });
  // Late or lost notifications, refunds in progress, receipts a crash left unnumbered (one process at a time).
  app.jobs.every('charity.payments.reconcile', config.payment.reconcileIntervalMs, (signal) => donationsSide.reconcile.run(new Date(), signal));
  app.addHook('onClose', () => payments.close());
  // ── end of donations ────────────────────────────────────────────────────────────────────────

  const charity = charityServices({ repo, core: services, config: cfg, contentCheck, totals, ledger: app.ledger, onCancelled, log: app.log });
  api.schedule.run = charity.schedule.run;
  services.invitations.onCharityRedeem(charity.organizations.onRedeem);
  keepCharityDemo(app, {
    charity,
    // The demo's donations go the product's way: an order, paid at the fake payment server, confirmed by the reconcile job's query.
    async donate(ctx, projectId, amountFen, donorName) {
      const fake = await payments.fake();
      if (!fake) return null;
      const { donation } = await donationsSide.donations.create(ctx, { projectId, amountFen, donorKind: 'person', anonymous: false, donorName, requestKey: `demo-${projectId}-${ctx.actor._id}` });
      await fake.pay(donation.id, { notify: false });
      await donationsSide.reconcile.run(new Date(Date.now() + (config.payment.lateAfterSeconds + 1) * 1000));
      return donation.id;
    },
  });
  await apiRoutes(app, projectRoutes, { charity });
  await apiRoutes(app, organizationRoutes, { charity });
  await apiRoutes(app, staffProjectRoutes, { charity });
  await apiRoutes(app, spendingRoutes, { charity });
  await apiRoutes(app, reportRoutes, { charity });
  await apiRoutes(app, pledgeRoutes, { charity });

  // One API process at a time (core/jobs): close raising projects past their end date, flag overdue reports.
  app.jobs.every('charity.schedule', cfg.jobIntervalMs, async () => {
    const r = await charity.schedule.run();
    if (r.closed || r.flagged) app.log.info(r, 'charity schedule job');
  });
}, ['ledger']);
