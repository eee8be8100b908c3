import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';
import { seedDemoData, type DemoSeedOptions } from '../../server/src/core/seed/demo';
import { seedMonitoringDemo } from '../../server/src/domains/monitoring/demo';
import { seedSupervisionDemo } from '../../server/src/domains/supervision/demo';

/**
 * The demo story shows issue 11's items 5, 7 and 8 to their roles: the 德州 county's supervision desk
 * (a registered relative's application, the vehicle on a 低保 household), the grants made from the
 * 残联 row without an application, 王建国's assistance card. Loading it twice changes nothing.
 */
let stack: Stack;
const OPTIONS: DemoSeedOptions = { publicNoticeDays: 7, more: [{ name: 'monitoring', seed: seedMonitoringDemo }, { name: 'supervision', seed: seedSupervisionDemo }] };
beforeAll(async () => { stack = await startStack({ overrides: { monitoring: { contentCheck: 'off' }, identity: { verifier: 'demo' } } }); });
afterAll(async () => { await stack.stop(); });

test('the county desk has flags, the 残联 row granted without an application, the resident has a card', async () => {
  await seedDemoData(stack.app, OPTIONS);
  const flags = await stack.app.db.collection('supervision_flags').countDocuments();
  await seedDemoData(stack.app, OPTIONS);
  expect(await stack.app.db.collection('supervision_flags').countDocuments()).toBe(flags);

  const api = client(stack.baseUrl);
  const county = (await api.signIn('demo-staff-dezhou-county', { role: 'staff', regionCode: '371400', level: 'county' })).accessToken;
  const summary = await api.get('/api/v1/staff/supervision/summary', county);
  expect(summary.status).toBe(200);
  const open = Object.fromEntries(summary.body.byKind.map((k: any) => [k.kind, k.open]));
  expect(open.relatedApplicant).toBeGreaterThanOrEqual(1);
  expect(open.wrongGrant).toBeGreaterThanOrEqual(1);
  expect(summary.body.byRegion.map((r: any) => r.regionCode)).toContain('371402');

  const grants = await api.get('/api/v1/staff/auto-grants', county);
  expect(grants.body.grants.map((g: any) => `${g.nameMasked}:${g.programme}`).sort()).toEqual(['杨**:disabilityCare', '杨**:disabilityLiving']);

  const wang = (await api.signIn('demo-resident-wang')).accessToken;
  const card = await api.get('/api/v1/me/assistance-card', wang);
  expect(card.status).toBe(200);
  expect(card.body.programmes.map((p: any) => p.programme)).toContain('dibao');
});
