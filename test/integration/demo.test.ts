import { DEMO_ACCOUNTS, shanghaiDate, shanghaiYear } from '@dajiuzhu/shared';
import { seedDemoData, type DemoSeedOptions } from '../../server/src/core/seed/demo';
import { demoStory } from '../../server/src/domains/demoStory';
import { development } from '../../config/env/development';
import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';

/**
 * The demo story `npm start` loads (docs/demo.md): seeded into a fresh database, then looked at
 * through the real HTTP API as each demo role would on their first screen.
 */
/** What `npm start` passes (server/src/main.ts). */
/** The whole story `npm start` loads. */
const OPTIONS: DemoSeedOptions = demoStory(7);
let stack: Stack;
let api: ReturnType<typeof client>;
const thisYear = shanghaiYear();
const lastYear = thisYear - 1;

/** Signs in as a demo account the way the 演示登录 screen does (its openid and role). */
async function as(openid: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.openid === openid)!;
  const { label: _label, description: _description, ...body } = account;
  return (await api.signIn(openid, body)).accessToken;
}

/** Every collection's document count: what a second seeding must leave as it is. */
async function counts() {
  const out: Record<string, number> = {};
  for (const c of await stack.app.db.db!.listCollections().toArray()) out[c.name] = await stack.app.db.collection(c.name).countDocuments();
  return out;
}

beforeAll(async () => {
  // The development settings `npm start` runs with: the demo verifier, no WeChat content checks.
  stack = await startStack({ overrides: development });
  api = client(stack.baseUrl);
  const report = await seedDemoData(stack.app, OPTIONS);
  // DEMO_SEED_TIMES=1: what each step took (docs/demo.md, "Time").
  if (process.env.DEMO_SEED_TIMES) console.log(JSON.stringify(report.took, null, 1));
  expect(report.failed).toEqual([]);
  expect(report.interrupted).toEqual([]);
}, 180_000);
afterAll(() => stack.stop());

describe('the demo story', () => {
  it('is loaded once: seeding again changes nothing', async () => {
    const before = await counts();
    const started = Date.now();
    const again = await seedDemoData(stack.app, OPTIONS);
    if (process.env.DEMO_SEED_TIMES) console.log(`seeding again: ${Date.now() - started} ms`);
    expect(again).toEqual({ ran: [], took: {}, interrupted: [], failed: [] });
    expect(await counts()).toEqual(before);
  });

  it('shows 王建国 his published 幸福清单 for this year and last, and a case in progress', async () => {
    const wang = await as('demo-resident-wang');
    for (const year of [lastYear, thisYear]) {
      const list = await api.get(`/api/v1/happiness-lists/${year}`, wang);
      expect(list.status).toBe(200);
      expect(list.body.published).toBe(true);
      expect(list.body.programmes.length).toBeGreaterThanOrEqual(2);
      expect(list.body.grandTotalFen).toBeGreaterThan(0);
    }
    const cases = (await api.get('/api/v1/applications', wang)).body.applications as { programme: string; status: string }[];
    expect(cases).toEqual(expect.arrayContaining([expect.objectContaining({ programme: 'dibao', status: 'approved' }), expect.objectContaining({ programme: 'temporary', status: 'accepted' })]));
    expect((await api.get('/api/v1/applications/drafts', wang)).body.drafts).not.toHaveLength(0);
    const wishes = (await api.get('/api/v1/me/wishes', wang)).body.wishes as { status: string; thanks: string | null }[];
    expect(wishes.map((w) => w.status).sort()).toEqual(['fulfilled', 'open']);
  });

  it('shows 李秀英 her 幸福清单 and a wish delivered for her to confirm', async () => {
    const li = await as('demo-resident-li');
    expect((await api.get(`/api/v1/happiness-lists/${thisYear}`, li)).status).toBe(200);
    const wishes = (await api.get('/api/v1/me/wishes', li)).body.wishes as { status: string; actions: string[] }[];
    expect(wishes).toEqual([expect.objectContaining({ status: 'delivered', actions: expect.arrayContaining(['confirm']) })]);
  });

  it('gives the township officer a queue of cases and wishes to work on', async () => {
    const township = await as('demo-staff-dezhou-township');
    const queue = (await api.get('/api/v1/staff/applications', township)).body.applications as { status: string }[];
    expect([...new Set(queue.map((a) => a.status))]).toEqual(expect.arrayContaining(['submitted', 'accepted', 'homeVisitRecorded', 'publicNotice']));
    const toReview = (await api.get('/api/v1/staff/wishes?status=pendingReview', township)).body.wishes;
    expect(toReview).toHaveLength(1);
  });

  it('lets the county officer approve, today, the case whose 公示 ended yesterday', async () => {
    const county = await as('demo-staff-dezhou-county');
    const inNotice = (await api.get('/api/v1/staff/applications?status=publicNotice', county)).body.applications as { id: string }[];
    expect(inNotice).toHaveLength(2);
    const views = await Promise.all(inNotice.map(async (a) => (await api.get(`/api/v1/staff/applications/${a.id}`, county)).body));
    const yesterday = shanghaiDate(new Date(Date.now() - 24 * 3600 * 1000));
    const ended = views.find((v) => v.notice?.endsOn === yesterday);
    expect(ended).toBeDefined();
    const approved = await api.post(`/api/v1/staff/applications/${ended.id}/approve`, {}, county);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    // The other is still in its 公示: approving it is refused.
    const running = views.find((v) => v.id !== ended.id)!;
    expect((await api.post(`/api/v1/staff/applications/${running.id}/approve`, {}, county)).status).toBe(409);
    expect((await api.get('/api/v1/public-notices')).body.notices).toHaveLength(1);
  });

  it('shows donors wishes on the square, their claims in every state and a certificate', async () => {
    const zhang = await as('demo-donor-zhang');
    const square = (await api.get('/api/v1/wishes', zhang)).body.wishes as unknown[];
    expect(square.length).toBeGreaterThanOrEqual(3);
    const claims = (await api.get('/api/v1/me/wish-claims', zhang)).body.claims as { id: string; status: string }[];
    expect(claims.map((c) => c.status).sort()).toEqual(['active', 'delivered', 'fulfilled']);
    const fulfilled = claims.find((c) => c.status === 'fulfilled')!;
    const certificate = await api.get(`/api/v1/wish-claims/${fulfilled.id}/certificate`, zhang);
    expect(certificate.status).toBe(200);
    const company = await as('demo-donor-company');
    const theirs = (await api.get('/api/v1/me/wish-claims', company)).body.claims as { status: string }[];
    expect(theirs.map((c) => c.status).sort()).toEqual(['delivered', 'lapsed']);
  });

  it('lets the administrator open the invitations list', async () => {
    const admin = await as('demo-admin');
    const list = await api.get('/api/v1/admin/staff-invitations', admin);
    expect(list.status).toBe(200);
    expect(list.body.invitations).toEqual(expect.any(Array));
  });
});
