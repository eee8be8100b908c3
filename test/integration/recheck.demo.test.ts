import { DEMO_ACCOUNTS } from '@dajiuzhu/shared';
import { seedDemoData } from '../../server/src/core/seed/demo';
import { seedRecheckDemo } from '../../server/src/domains/recheck/demo';
import { development } from '../../config/env/development';
import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';

/** The 动态管理 part of the demo story (docs/recheck.md, "Demo"), as each role sees it. */
let stack: Stack;
let api: ReturnType<typeof client>;
const as = async (openid: string) => {
  const { label: _l, description: _d, ...body } = DEMO_ACCOUNTS.find((a) => a.openid === openid)!;
  return (await api.signIn(openid, body)).accessToken;
};

beforeAll(async () => {
  stack = await startStack({ overrides: development });
  api = client(stack.baseUrl);
  const report = await seedDemoData(stack.app, { publicNoticeDays: 7, more: [{ name: 'recheck', seed: seedRecheckDemo }] });
  expect(report.failed).toEqual([]);
}, 300_000);
afterAll(() => stack.stop());

it('shows rechecks due, overdue and closed, a change report and a letter; seeding again adds nothing', async () => {
  const dezhou = await as('demo-staff-dezhou-county');
  const open = (await api.get('/api/v1/staff/rechecks', dezhou)).body;
  expect(open.rechecks).toEqual([expect.objectContaining({ beneficiaryName: '王建国', trigger: 'changeReport', status: 'open', overdue: false })]);
  const closed = (await api.get('/api/v1/staff/rechecks?status=closed', dezhou)).body.rechecks;
  expect(closed).toEqual([expect.objectContaining({ beneficiaryName: '王建国', decision: expect.objectContaining({ outcome: 'adjust' }) })]);
  const liaocheng = await as('demo-staff-liaocheng-county');
  expect((await api.get('/api/v1/staff/rechecks?overdue=true', liaocheng)).body.rechecks).toEqual([expect.objectContaining({ beneficiaryName: '李秀英', overdue: true })]);

  const wang = await as('demo-resident-wang');
  expect((await api.get('/api/v1/recheck/letters', wang)).body.letters).toEqual([expect.objectContaining({ kind: 'adjust' })]);
  expect((await api.get('/api/v1/recheck/change-reports', wang)).body.reports).toHaveLength(1);

  const before = await stack.app.db.collection('rechecks').countDocuments();
  await seedRecheckDemo(stack.app);
  expect(await stack.app.db.collection('rechecks').countDocuments()).toBe(before);
});
