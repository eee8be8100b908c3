import type { FlagService } from './services/flagService';

/** What the supervision domain offers (app.supervision): a scan of a region now (the demo seed, tests, the benchmark). */
export interface SupervisionApi {
  scanRegion: FlagService['scanRegion'];
}

declare module 'fastify' {
  interface FastifyInstance {
    supervision: SupervisionApi;
  }
}
