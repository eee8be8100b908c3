import type { RegionPolicy } from '@dajiuzhu/shared';
import { dezhou } from './371400-dezhou';
import { liaocheng } from './371500-liaocheng';
import { loudi } from './431300-loudi';

/** Every region's standards file. A new region is a new file listed here. */
export const POLICY_FILES: readonly RegionPolicy[] = [dezhou, liaocheng, loudi];
