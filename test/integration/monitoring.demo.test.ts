import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';
import { seedMonitoringDemo } from '../../server/src/domains/monitoring/demo';

/** The demo shows the loop in every state, and loading it twice changes nothing. */
let stack: Stack;
beforeAll(async () => { stack = await startStack({ overrides: { monitoring: { contentCheck: 'off' } } }); });
afterAll(async () => { await stack.stop(); });

test('alerts red, orange and yellow; open, assigned, visited and closed; every outcome; a 随手拍', async () => {
  await seedMonitoringDemo(stack.app);
  await seedMonitoringDemo(stack.app);
  const api = client(stack.baseUrl);
  const staff = await api.signIn('demo-staff-dezhou-township', { role: 'staff', regionCode: '371402001', level: 'township' });
  const { alerts } = (await api.get('/api/v1/staff/monitoring/alerts?limit=200', staff.accessToken)).body;
  expect(new Set(alerts.map((a: any) => a.level))).toEqual(new Set(['red', 'orange', 'yellow']));
  expect(new Set(alerts.map((a: any) => a.status))).toEqual(new Set(['open', 'assigned', 'visited', 'closed']));
  expect(alerts.filter((a: any) => a.origin === 'hardshipReport')).toHaveLength(1);
  const outcomes = new Set<string>();
  for (const a of alerts) for (const v of (await api.get(`/api/v1/staff/monitoring/alerts/${a.id}`, staff.accessToken)).body.visits) outcomes.add(v.outcome.kind);
  expect(outcomes).toEqual(new Set(['enrol', 'emergencyAid', 'refer', 'noAssistanceNeeded', 'notFound']));
  const grid = await api.signIn('demo-gridworker-dezhou', { role: 'gridWorker', regionCode: '371402001001' });
  expect((await api.get('/api/v1/monitoring/tasks', grid.accessToken)).body.tasks.length).toBeGreaterThanOrEqual(3);
});
