import { shanghaiYear } from '@dajiuzhu/shared';
import { seedDemoData, type DemoSeedOptions } from '../../server/src/core/seed/demo';
import { seedCharityDemo } from '../../server/src/domains/charity/demo';
import { development } from '../../config/env/development';
import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';

/** The 慈善筹 part of the demo story (docs/demo.md, docs/charity.md), seeded as `npm start` does and seen through the API. */
const OPTIONS: DemoSeedOptions = { publicNoticeDays: 7, more: [{ name: 'charity', seed: seedCharityDemo }] };
let stack: Stack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startStack({ overrides: development });
  api = client(stack.baseUrl);
  const report = await seedDemoData(stack.app, OPTIONS);
  expect(report.failed).toEqual([]);
}, 240_000);
afterAll(() => stack.stop());

describe('the charity demo', () => {
  it('gives 德州市慈善总会 projects in every state, with donations, a pledge, spending and reports', async () => {
    const org = (await api.signIn('demo-charity-dezhou', { role: 'charity' })).accessToken;
    expect((await api.get('/api/v1/charity/organization', org)).body).toMatchObject({ name: '德州市慈善总会', regionCode: '371400' });
    const projects = (await api.get('/api/v1/charity/organization/projects', org)).body.projects as any[];
    expect(projects.map((p) => p.status).sort()).toEqual(['closed', 'draft', 'pendingReview', 'published']);
    const warm = projects.find((p) => p.status === 'published');
    expect(warm).toMatchObject({ raisedFen: 160_000, matchedFen: 160_000, spentFen: 80_000, peopleHelped: 21 });

    const square = (await api.get('/api/v1/charity/projects?status=all')).body.projects as any[];
    expect(square.map((p) => p.title).sort()).toEqual(['新华街道困难老人冬季温暖包', '春节送温暖'].sort());
    const page = (await api.get(`/api/v1/charity/projects/${warm.id}`)).body;
    expect(page.reports).toHaveLength(1);
    expect(page.pledges).toEqual([expect.objectContaining({ companyName: '德州某建材有限公司' })]);

    const county = (await api.signIn('demo-staff-dezhou-county', { role: 'staff', level: 'county', regionCode: '371400' })).accessToken;
    expect((await api.get('/api/v1/staff/charity/projects', county)).body.projects.map((p: any) => p.title)).toEqual(['困难学生助学金']);
  });

  it('shows 王建国 the warm-winter pack in his 幸福清单, and the donor the report notice', async () => {
    const wang = (await api.signIn('demo-resident-wang', { role: 'resident' })).accessToken;
    const list = await api.get(`/api/v1/happiness-lists/${shanghaiYear()}`, wang);
    expect(list.body.otherHelp).toEqual(expect.arrayContaining([expect.objectContaining({ programme: 'charityProject', valueFen: 30_000 })]));
    const zhang = (await api.signIn('demo-donor-zhang', { role: 'donor', donorKind: 'person' })).accessToken;
    expect((await api.get('/api/v1/me/charity-notices', zhang)).body.notices.length).toBe(2);
  });

  it('is loaded once', async () => {
    expect(await seedDemoData(stack.app, OPTIONS)).toEqual({ ran: [], took: {}, interrupted: [], failed: [] });
  });
});
