import type { FastifyInstance } from 'fastify';
import type { Services } from '../services';
import { seedDemoApplications } from './demoApplications';
import { demoClock } from './demoClock';
import { seedDemoLedger } from './demoLedger';
import { seedDemoPeople } from './demoPeople';
import { demoSteps, type DemoSeedReport } from './demoSteps';
import { seedDemoWishes } from './demoWishes';

/** A domain's own part of the story (e.g. monitoring's alerts), run after the rest; `main.ts` passes them. */
export type DemoSeeder = (app: FastifyInstance) => Promise<void>;

export interface DemoSeedOptions {
  /** config.applications.deadlines.publicNoticeDays: the 公示 that "ended yesterday" began this many days + 1 ago. */
  publicNoticeDays: number;
  /** More of the story, from domains core may not import (server/src/main.ts lists them). */
  more?: { name: string; seed: DemoSeeder }[];
  log?: (message: string) => void;
}

/**
 * The demo story loaded by `npm start` (docs/demo.md): the demo accounts, then content for every
 * demo role — cases at every stage, published 幸福清单, wishes in every state — made through the
 * product's own services, as the people of the story would have made it, on the days they would
 * have (demoClock.ts). Each step runs once per database (demoSteps.ts), so every later start
 * changes nothing.
 *
 * Given only the core services (the identity tests), it loads the demo accounts and profiles alone.
 */
export async function seedDemoData(target: FastifyInstance | Services, opts?: DemoSeedOptions): Promise<DemoSeedReport> {
  if (!('services' in target)) {
    await seedDemoPeople(target, { neighbours: false });
    return { ran: [], took: {}, interrupted: [], failed: [] };
  }
  const app = target;
  const log = opts?.log ?? ((m: string) => app.log.warn(m));
  const steps = demoSteps(app.db, log);
  const clock = demoClock();
  let cast;
  try {
    cast = await seedDemoPeople(app.services, { neighbours: true });
  } catch (err) {
    // Demo data never stops the server (an older DATA_DIR may already hold these people otherwise).
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    log(`demo data: the demo people could not be loaded: ${error}`);
    return { ...steps.report(), failed: [{ step: 'people', error }] };
  }
  // Step by step (on the embedded database, one SQLite writer, side by side was slower); the ledger
  // last: it pays the approved cases' entitlements.
  await seedDemoApplications(app, cast, clock, steps, { publicNoticeDays: opts?.publicNoticeDays ?? 7 });
  await seedDemoWishes(app, cast, steps);
  await seedDemoLedger(app, cast, clock, steps);
  for (const part of opts?.more ?? []) await steps.once(`more:${part.name}`, () => part.seed(app));
  return steps.report();
}
