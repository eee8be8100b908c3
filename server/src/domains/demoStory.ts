import type { DemoSeedOptions } from '../core/seed/demo';
import { seedMonitoringDemo } from './monitoring/demo';
import { seedRecheckDemo } from './recheck/demo';
import { seedSupervisionDemo } from './supervision/demo';
import { seedCharityDemo } from './charity/demo';

/**
 * The whole demo story `npm start` loads (docs/demo.md): the core's steps, then each domain's own
 * part (core may not import domains), in this order, once each. The tests that check the demo use
 * this same list, so what they measure is what people see.
 */
export const demoStory = (publicNoticeDays: number): DemoSeedOptions => ({
  publicNoticeDays,
  more: [
    { name: 'monitoring', seed: seedMonitoringDemo },
    { name: 'recheck', seed: seedRecheckDemo },
    { name: 'supervision', seed: seedSupervisionDemo },
    { name: 'charity', seed: seedCharityDemo },
  ],
});
