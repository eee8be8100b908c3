import type { FastifyInstance } from 'fastify';
import { checkCharFor } from '@dajiuzhu/shared';
import type { ActionContext } from '../../core/context';
import type { RelativeService } from './services/relatives';
import type { FlagService } from './services/flagService';

/** The domain's services, kept per app by index.ts for the demo (nothing else reaches them). */
const servicesOf = new WeakMap<FastifyInstance, { relatives: RelativeService; flags: FlagService }>();
export const keepDemoServices = (app: FastifyInstance, s: { relatives: RelativeService; flags: FlagService }) => { servicesOf.set(app, s); };

const demoId = (region: string, birth: string, seq: string) => { const f = `${region}${birth}${seq}`; return f + checkCharFor(f); };

/**
 * The supervision part of the demo story (a DemoSeeder, run after monitoring's): the 德州 county
 * registers 吴秀珍 (whose 低保 was accepted yesterday) as a village cadre's relative, then both cities
 * are scanned — her application for a county visit, the vehicle on 何志强's 低保 household, and
 * whatever the rest of the story left late or unpaid. Through the domain's own services.
 */
export async function seedSupervisionDemo(app: FastifyInstance): Promise<void> {
  const s = servicesOf.get(app);
  if (!s) throw new Error('the supervision domain is not registered on this app');
  const u = await app.services.users.accountFor('dev:demo-staff-dezhou-county');
  const county: ActionContext = { requestId: 'seed-supervision', actor: await app.services.users.grantDemoRole(u, { openid: 'demo-staff-dezhou-county', role: 'staff', level: 'county', regionCode: '371400' }) };
  await s.relatives.register(county, {
    name: '吴秀珍', idNumber: demoId('371402', '19600825', '014'), relation: '姐妹', relatedTo: { name: '吴建军', role: 'villageCadre', post: '新华街道某社区居委会委员' }, regionCode: '371402001',
  }).catch(() => undefined); // registered by an earlier start
  for (const region of ['371400', '371500']) await s.flags.scanRegion(region);
}
