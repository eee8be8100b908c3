import { loadPolicyStandards } from '@dajiuzhu/config';
import policyRoutes from '../routes/policy';
import { policyService } from '../services/policyService';
import type { DomainPlugin } from './types';

/** Published standards per region and period, and the estimate (政策测算). Bad policy data stops start-up. */
export const policyDomain: DomainPlugin = async (app) => {
  const policy = policyService(loadPolicyStandards());
  await app.register(policyRoutes, { policy });
};
