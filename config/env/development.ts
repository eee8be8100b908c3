import type { ConfigLayer } from '../src/layer';

/**
 * Development: no WeChat content check and the demo identity verifier (there is no real app id to
 * call WeChat with); the screens say so.
 */
export const development: ConfigLayer = { wishes: { contentCheck: 'off' }, charity: { contentCheck: 'off' }, monitoring: { contentCheck: 'off' }, identity: { verifier: 'demo' } };
