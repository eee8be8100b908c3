import type { PolicyStandards } from '@dajiuzhu/config';
import type { EstimateRequest, EstimateResponse } from '@dajiuzhu/shared';

/**
 * What the policy domain offers other domains (app.policy): the standards in force — the reviewed
 * files plus every period an admin added — and the estimate computed from them.
 */
export interface PolicyApi {
  /** The standards as of now (reloaded after every admin addition and every minute). */
  standards(): PolicyStandards;
  estimate(request: EstimateRequest): EstimateResponse;
}

declare module 'fastify' {
  interface FastifyInstance {
    policy: PolicyApi;
  }
}
