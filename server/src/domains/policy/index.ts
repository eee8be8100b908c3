import policyRoutes from './routes/estimate';
import policyAdminRoutes from './routes/periods';
import { policyService } from './services/policyService';
import type { DomainPlugin } from '../../core/domain';

/**
 * Published standards per region and period, and the estimate (政策测算). The reviewed files are
 * validated when services are created (bad data stops start-up); admin-added periods are loaded
 * here and reloaded every minute so every server instance sees them.
 */
export const policyDomain: DomainPlugin = async (app, { services }) => {
  const store = services.policyStandards;
  await store.refresh();
  const timer = setInterval(() => { store.refresh().catch((err) => app.log.warn({ err }, 'policy standards reload failed')); }, 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
  await app.register(policyRoutes, { policy: policyService(store.get) });
  await app.register(policyAdminRoutes, { store });
};
