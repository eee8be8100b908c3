import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../errors/AppError';

/** The seed's own bookkeeping (not product data): one row per story step, `_id` = the step's name. */
export const DEMO_STEPS_COLLECTION = 'demo_seed_steps';

export interface DemoSeedReport {
  ran: string[];
  /** Milliseconds each step that ran took (what `npm start` spends on demo data). */
  took: Record<string, number>;
  interrupted: string[];
  failed: { step: string; error: string }[];
}

export interface DemoSteps {
  /**
   * Runs `work` once per database: the step's row is inserted first (insert wins on `_id`), so a
   * second `npm start` — or two at once — skips it; nothing is read-checked before it is written.
   * A step cut short (the process stopped half way) stays `started` and is not run again, so its
   * content is never made twice; `npm start` then says so (start again with an empty DATA_DIR).
   */
  once(name: string, work: () => Promise<void>): Promise<void>;
  /** The steps run by this call of the seed, those found cut short, and those that failed now. */
  report(): DemoSeedReport;
}

export function demoSteps(db: Connection, log: (message: string) => void): DemoSteps {
  const rows = db.collection<{ _id: string; status: 'started' | 'done'; at: Date }>(DEMO_STEPS_COLLECTION);
  const ran: string[] = [];
  const took: Record<string, number> = {};
  const interrupted: string[] = [];
  const failed: DemoSeedReport['failed'] = [];
  return {
    async once(name, work) {
      try {
        await rows.insertOne({ _id: name, status: 'started', at: new Date() });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const row = await rows.findOne({ _id: name });
        if (row?.status === 'started') { interrupted.push(name); log(`demo data: step "${name}" was cut short by an earlier start and is not repeated`); }
        return;
      }
      const started = Date.now();
      try {
        await work();
      } catch (err) {
        // Demo data never stops the server: the step is reported (and stays `started`, so it is not half-made twice).
        const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        failed.push({ step: name, error });
        log(`demo data: step "${name}" failed: ${error}`);
        return;
      }
      await rows.updateOne({ _id: name }, { $set: { status: 'done', at: new Date() } });
      ran.push(name);
      took[name] = Date.now() - started;
    },
    report: () => ({ ran: [...ran], took: { ...took }, interrupted: [...interrupted], failed: [...failed] }),
  };
}
