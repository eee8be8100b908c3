import type { ConfigLayer } from '../src/layer';

/** Development: no WeChat content check (there is no real app id to call it with). */
export const development: ConfigLayer = { wishes: { contentCheck: 'off' } };
