import type { EvaluationService } from './services/evaluation';
import type { PopulationService } from './services/population';
import type { MonitoringJobRunner } from './services/jobRunner';
import type { MonitoringSupervisionReader } from './services/supervisionReader';
export type { SupervisedAlert } from './services/supervisionReader';

/**
 * What the monitoring domain offers (app.monitoring): running an evaluation and waiting for it, and
 * the watch list's sync — for the demo seed (demo.ts), tests and the benchmark. No other domain
 * needs monitoring yet.
 */
export interface MonitoringApi {
  evaluations: Pick<EvaluationService, 'runNow'>;
  population: Pick<PopulationService, 'syncFromEntitlements'>;
  runner: Pick<MonitoringJobRunner, 'settle'>;
  /** 电子监察's reads (services/supervisionReader.ts): alerts of the death and asset rules, alerts past their deadline. */
  supervision: MonitoringSupervisionReader;
}

declare module 'fastify' {
  interface FastifyInstance {
    monitoring: MonitoringApi;
  }
}
