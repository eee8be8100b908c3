import type { ConfigLayer } from '../src/layer';

export const development: ConfigLayer = {};
