import { POLICY_FILES } from '@dajiuzhu/config';
import { apiRoutes, defineDomain } from '../../core/domain';
import { ensureIndexes } from '../../core/db/ensureIndexes';
import { registerPolicyPeriodModel } from './models/policyPeriod';
import { policyPeriodRepository } from './repository';
import { policyService } from './services/policyService';
import { policyStandardsStore } from './services/policyStandardsStore';
import policyRoutes from './routes/estimate';
import policyAdminRoutes from './routes/periods';
import type { PolicyApi } from './api';

const RELOAD_MS = 60_000;

/**
 * Published standards per region and period, and the estimate (政策测算). The reviewed files are
 * validated here (bad data stops start-up); admin-added periods are loaded at start and reloaded
 * every minute so every server instance sees them. Offers `app.policy` (api.ts) to other domains.
 */
export const policyDomain = defineDomain('policy', async (app, { services }) => {
  const models = { PolicyPeriod: registerPolicyPeriodModel(app.db) };
  await ensureIndexes(models);
  const store = policyStandardsStore({ files: POLICY_FILES, periods: policyPeriodRepository(models), audit: services.audit });
  await store.refresh();
  const timer = setInterval(() => { store.refresh().catch((err) => app.log.warn({ err }, 'policy standards reload failed')); }, RELOAD_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  const policy = policyService(store.get);
  const api: PolicyApi = { standards: store.get, estimate: policy.estimate };
  app.decorate('policy', api);

  await apiRoutes(app, policyRoutes, { policy });
  await apiRoutes(app, policyAdminRoutes, { store });
});
