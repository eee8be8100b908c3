import type { EvaluationService } from './services/evaluation';
import type { PopulationService } from './services/population';
import type { MonitoringJobRunner } from './services/jobRunner';

/**
 * What the monitoring domain offers (app.monitoring): running an evaluation and waiting for it, and
 * the watch list's sync — for the demo seed (demo.ts), tests and the benchmark. No other domain
 * needs monitoring yet.
 */
export interface MonitoringApi {
  evaluations: Pick<EvaluationService, 'runNow'>;
  population: Pick<PopulationService, 'syncFromEntitlements'>;
  runner: Pick<MonitoringJobRunner, 'settle'>;
}

declare module 'fastify' {
  interface FastifyInstance {
    monitoring: MonitoringApi;
  }
}
