/**
 * 慈善筹 projects against the real API, the real database and the local fakes of WeChat (content
 * security, WeChat Pay): an organisation invited by an admin → a project → staff review → the
 * public page and square → donations (C2's side, through the fake payment server) → a matching
 * pledge → spending, aid to a named person that reaches their 幸福清单 once published → a report
 * that tells the donors → an overdue report that takes the project off the square until filed.
 * And the issue's bad input that is the projects side's: spending above what was raised, a report
 * for someone else's project, an unpublished project on the square.
 */
import { randomUUID } from 'node:crypto';
import { shanghaiDate, shanghaiYear, withCreditCheck } from '@dajiuzhu/shared';
import { client, expectEnvelope } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { startPaymentStack, type PaymentStack } from '../support/fakeWechatPay';
import { verifiedResident } from '../support/identity';
import { waitForJob } from './ledgerSupport';
import '../../server/src/domains/charity/api';

let env: PaymentStack;
let content: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
let admin: string;
let org: string; // 德州市德城区慈善总会
let otherOrg: string; // another organisation of the same city
let staff: string; // 德城区 (county)
let farStaff: string; // 聊城市
let donorA: string;
let donorB: string;
let company: string;
const P = '/api/v1/charity';
const today = shanghaiDate();
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * 86_400_000));
const key = () => randomUUID();

async function inviteOrganization(name: string, first17: string, regionCode: string): Promise<string> {
  const creditCode = withCreditCheck(first17);
  const invite = await api.post('/api/v1/admin/staff-invitations', { role: 'charity', regionCode, organization: { name, creditCode, registrationNo: `鲁民慈字${first17.slice(-4)}号` } }, admin);
  expect(invite.status).toBe(201);
  expect(invite.body).toMatchObject({ role: 'charity', regionCode });
  const s = await api.signIn(`charity-${first17}`);
  const redeemed = await api.post('/api/v1/staff-invitations/redeem', { code: invite.body.code }, s.accessToken);
  expect(redeemed.status).toBe(200);
  expect(redeemed.body.user).toMatchObject({ roles: expect.arrayContaining(['charity']), charity: { organizationId: creditCode, regionCode } });
  // Redeeming starts a fresh session carrying the role.
  return redeemed.body.accessToken;
}

const projectBody = (over: Record<string, unknown> = {}) => ({
  title: '困难学生助学金', story: '为德城区家庭困难的中小学生提供学习用品和生活补助，每学期发放一次。', targetGroup: 'students', regionCode: '371402',
  goalFen: 5_000_000, startDate: today, endDate: inDays(180), budgetLines: [{ label: '助学金', amountFen: 4_000_000 }, { label: '学习用品', amountFen: 1_000_000 }], ...over,
});

async function published(token = org, over: Record<string, unknown> = {}): Promise<string> {
  const created = await api.post(`${P}/organization/projects`, { requestKey: key(), ...projectBody(over) }, token);
  expect(created.status).toBe(201);
  expect((await api.post(`${P}/organization/projects/${created.body.id}/submit`, {}, token)).status).toBe(200);
  expect((await api.post(`/api/v1/staff/charity/projects/${created.body.id}/approve`, {}, staff)).status).toBe(200);
  return created.body.id;
}

async function give(token: string, projectId: string, amountFen: number): Promise<void> {
  const res = await api.post('/api/v1/donations', { projectId, amountFen, donorKind: 'person', anonymous: false, requestKey: key() }, token);
  expect(res.status).toBe(201);
  expect(await env.pay.pay(res.body.donation.id)).toEqual([204]);
}

const squareIds = async (query = '') => ((await api.get(`${P}/projects${query}`)).body.projects as { id: string }[]).map((p) => p.id);

beforeAll(async () => {
  content = await startFakeWechatContent();
  env = await startPaymentStack({ wechat: { apiBaseUrl: content.baseUrl, timeoutMs: 1000 } });
  api = client(env.stack.baseUrl);
  admin = (await api.signIn('cp-admin', { role: 'admin' })).accessToken;
  org = await inviteOrganization('德州市德城区慈善总会', '51371400MJD123456', '371402');
  otherOrg = await inviteOrganization('德州市陵城区慈善总会', '51371400MJD678901', '371403');
  staff = (await api.signIn('cp-staff', { role: 'staff', level: 'county', regionCode: '371402' })).accessToken;
  farStaff = (await api.signIn('cp-far', { role: 'staff', level: 'county', regionCode: '371500' })).accessToken;
  donorA = (await api.signIn('cp-donor-a')).accessToken;
  donorB = (await api.signIn('cp-donor-b')).accessToken;
  company = (await api.signIn('cp-company', { role: 'donor', donorKind: 'company' })).accessToken;
}, 60_000);
afterAll(async () => { await env?.stop(); await content?.stop(); });

describe('an organisation', () => {
  it('is created by redeeming the invitation, and a second invitation with the same code links to the same row', async () => {
    const mine = await api.get(`${P}/organization`, org);
    expect(mine.body).toMatchObject({ name: '德州市德城区慈善总会', regionCode: '371402', creditCode: withCreditCheck('51371400MJD123456') });
    const again = await inviteOrganization('另一个名字', '51371400MJD123456', '371402');
    expect((await api.get(`${P}/organization`, again)).body).toMatchObject({ id: mine.body.id, name: '德州市德城区慈善总会' });
    expect((await api.get(`${P}/organization/projects`, again)).status).toBe(200);
    expect(await env.stack.app.db.collection('charity_organizations').countDocuments({})).toBe(2);
  });

  it('refuses an invitation with a wrong check character, and others who are not an organisation', async () => {
    const bad = withCreditCheck('51371400MJD111111');
    const wrong = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
    expectEnvelope(await api.post('/api/v1/admin/staff-invitations', { role: 'charity', regionCode: '371402', organization: { name: '某慈善会', creditCode: wrong, registrationNo: '1' } }, admin), 400, 'CHARITY_CREDIT_CODE_INVALID');
    expectEnvelope(await api.get(`${P}/organization/projects`, donorA), 403, 'FORBIDDEN');
  });
});

describe('the whole flow', () => {
  it('project → review → public page → donations → pledge → spending → 幸福清单 → report → donors told', async () => {
    // Draft: budget lines must add up to the goal, the region must be the organisation's.
    expectEnvelope(await api.post(`${P}/organization/projects`, { requestKey: key(), ...projectBody({ goalFen: 4_000_000 }) }, org), 400, 'CHARITY_BUDGET_MISMATCH');
    expectEnvelope(await api.post(`${P}/organization/projects`, { requestKey: key(), ...projectBody({ regionCode: '371403' }) }, org), 400, 'CHARITY_REGION_OUTSIDE');
    const requestKey = key();
    const created = await api.post(`${P}/organization/projects`, { requestKey, ...projectBody() }, org);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', organizationName: '德州市德城区慈善总会', raisedFen: 0, allowedActions: expect.arrayContaining(['edit', 'submit', 'cancel']) });
    const id = created.body.id as string;
    // A retried create is the same draft.
    expect((await api.post(`${P}/organization/projects`, { requestKey, ...projectBody() }, org)).body.id).toBe(id);

    // Not public yet: neither the page nor the square, nor staff before it is submitted.
    expectEnvelope(await api.get(`${P}/projects/${id}`), 404, 'NOT_FOUND');
    expect(await squareIds('?status=all')).not.toContain(id);
    expectEnvelope(await api.get(`/api/v1/staff/charity/projects/${id}`, staff), 404, 'NOT_FOUND');

    // Submit passes the content check: a phone number in the story is refused.
    expect((await api.put(`${P}/organization/projects/${id}`, projectBody({ story: '联系电话 13912345678，欢迎大家来支持困难学生。' }), org)).status).toBe(200);
    expectEnvelope(await api.post(`${P}/organization/projects/${id}/submit`, {}, org), 400, 'CHARITY_CONTENT_REJECTED');
    expect((await api.put(`${P}/organization/projects/${id}`, projectBody(), org)).status).toBe(200);
    expect((await api.post(`${P}/organization/projects/${id}/submit`, {}, org)).body).toMatchObject({ status: 'pendingReview', contentFlag: 'pass' });

    // Review: staff of another region do not see it; the region's staff return it, then approve it.
    expectEnvelope(await api.post(`/api/v1/staff/charity/projects/${id}/approve`, {}, farStaff), 404, 'NOT_FOUND');
    expect((await api.get('/api/v1/staff/charity/projects', staff)).body.projects.map((p: any) => p.id)).toContain(id);
    expect((await api.post(`/api/v1/staff/charity/projects/${id}/return`, { reason: '请补充发放标准' }, staff)).body).toMatchObject({ status: 'returned', returnReason: '请补充发放标准' });
    expect((await api.post(`${P}/organization/projects/${id}/submit`, {}, org)).status).toBe(200);
    const approved = await api.post(`/api/v1/staff/charity/projects/${id}/approve`, { note: '同意' }, staff);
    expect(approved.body).toMatchObject({ status: 'published', reportOverdue: false, nextReportDue: expect.any(String) });
    expectEnvelope(await api.post(`/api/v1/staff/charity/projects/${id}/approve`, {}, staff), 409, 'CHARITY_PROJECT_STATE_INVALID');

    // Public: the square and the page.
    expect(await squareIds()).toContain(id);
    expect(await squareIds('?targetGroup=students&regionCode=371402')).toContain(id);
    expect(await squareIds('?targetGroup=elderly')).not.toContain(id);
    expect(await squareIds('?regionCode=371500')).not.toContain(id);
    const page = await api.get(`${P}/projects/${id}`);
    expect(page.body).toMatchObject({ title: '困难学生助学金', organizationName: '德州市德城区慈善总会', goalFen: 5_000_000, raisedFen: 0, spentFen: 0, peopleHelped: 0, acceptsDonations: true });

    // Nothing raised yet: no spending.
    const beneficiary = await verifiedResident(env.stack, 'cp-beneficiary', { name: '刘小明', regionCode: '371402001001' });
    const aid = (over: Record<string, unknown> = {}) => ({
      requestKey: key(), amountFen: 80_000, spentOn: today, purpose: '春季学期助学金', budgetLineId: 'b1', kind: 'cash',
      beneficiary: { name: '刘小明', idNumber: beneficiary.idNumber, regionCode: '371402001001' }, ...over,
    });
    expectEnvelope(await api.post(`${P}/organization/projects/${id}/spending`, aid(), org), 409, 'CHARITY_SPENDING_OVER_RAISED');

    // Donations (the donations side, through the fake WeChat Pay) and a company's matching pledge.
    await give(donorA, id, 100_000);
    await give(donorB, id, 50_000);
    expectEnvelope(await api.post(`${P}/projects/${id}/pledges`, { companyName: '德州爱心建材有限公司', taxNo: withCreditCheck('91371400MA3C12345'), ratioPercent: 100, capFen: 100_000 }, donorA), 403, 'CHARITY_COMPANY_REQUIRED');
    const pledge = await api.post(`${P}/projects/${id}/pledges`, { companyName: '德州爱心建材有限公司', taxNo: withCreditCheck('91371400MA3C12345'), ratioPercent: 50, capFen: 60_000 }, company);
    expect(pledge.status).toBe(201);
    expect(pledge.body).toMatchObject({ matchedFen: 60_000, taxNoMasked: expect.stringMatching(/^9137\*+/) });
    expectEnvelope(await api.post(`${P}/projects/${id}/pledges`, { companyName: '德州爱心建材有限公司', taxNo: withCreditCheck('91371400MA3C12345'), ratioPercent: 80, capFen: 60_000 }, company), 409, 'CHARITY_PLEDGE_EXISTS');
    expect((await api.get(`${P}/projects/${id}`)).body).toMatchObject({ raisedFen: 150_000, matchedFen: 60_000, percent: 4, pledges: [{ companyName: '德州爱心建材有限公司', matchedFen: 60_000 }] });

    // Spending: aid to a named person, then a line that would pass what was raised.
    const line = aid();
    const spent = await api.post(`${P}/organization/projects/${id}/spending`, line, org);
    expect(spent.status).toBe(201);
    expect(spent.body).toMatchObject({ amountFen: 80_000, cumulativeFen: 80_000, beneficiaryNameMasked: '刘**', kind: 'cash' });
    const retried = await api.post(`${P}/organization/projects/${id}/spending`, line, org);
    expect([retried.status, retried.body.id]).toEqual([200, spent.body.id]);
    expectEnvelope(await api.post(`${P}/organization/projects/${id}/spending`, aid({ amountFen: 70_001 }), org), 409, 'CHARITY_SPENDING_OVER_RAISED');
    expect((await api.post(`${P}/organization/projects/${id}/spending`, { requestKey: key(), amountFen: 20_000, spentOn: today, purpose: '采购文具', budgetLineId: 'b2', kind: 'general', peopleHelped: 12 }, org)).status).toBe(201);
    const publicPage = await api.get(`${P}/projects/${id}`);
    expect(publicPage.body).toMatchObject({ spentFen: 100_000, peopleHelped: 13 });
    // The public page names nobody and shows no ID number.
    expect(JSON.stringify(publicPage.body)).not.toMatch(/刘|\d{17}[\dX]/);

    // The person's 幸福清单 shows it under other help once the region's staff publish the year.
    const townStaff = (await api.signIn('cp-town', { role: 'staff', level: 'township', regionCode: '371402001' })).accessToken;
    const pub = await api.post('/api/v1/staff/happiness-lists/publish', { year: shanghaiYear() }, townStaff);
    expect(pub.status).toBe(202);
    await waitForJob(env.stack, townStaff, `/api/v1/staff/ledger-jobs/${pub.body.id}`);
    const list = await api.get(`/api/v1/happiness-lists/${shanghaiYear()}`, beneficiary.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.otherHelp).toEqual([expect.objectContaining({ programme: 'charityProject', times: 1, valueFen: 80_000 })]);
    expect(list.body.grandTotalFen).toBe(0);
    expect(await env.stack.app.db.collection('disbursements').countDocuments({ source: 'charity' })).toBe(1);

    // A report: someone else's project is "not found"; the donors are told, once.
    const report = { requestKey: key(), kind: 'progress', title: '第一季度进展', body: '本季度共发放助学金 800 元，采购文具 200 元，帮助学生 13 名。' };
    expectEnvelope(await api.post(`${P}/organization/projects/${id}/reports`, report, otherOrg), 404, 'NOT_FOUND');
    expectEnvelope(await api.post(`${P}/organization/projects/${id}/reports`, { ...report, kind: 'final' }, org), 409, 'CHARITY_PROJECT_STATE_INVALID');
    const filed = await api.post(`${P}/organization/projects/${id}/reports`, report, org);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'progress', raisedFen: 150_000, spentFen: 100_000 });
    expect((await api.post(`${P}/organization/projects/${id}/reports`, report, org)).status).toBe(200);
    for (const donor of [donorA, donorB]) {
      const notices = (await api.get('/api/v1/me/charity-notices', donor)).body.notices;
      expect(notices).toEqual([expect.objectContaining({ projectId: id, reportId: filed.body.id, title: expect.stringContaining('第一季度进展') })]);
    }
    expect((await api.get('/api/v1/me/charity-notices', company)).body.notices).toEqual([]);
    expect((await api.get(`${P}/projects/${id}`)).body.reports).toEqual([expect.objectContaining({ id: filed.body.id, title: '第一季度进展' })]);
  }, 60_000);
});

describe('bad input', () => {
  it('someone else\'s project: its desk, spending and reports are "not found"', async () => {
    const id = await published();
    expectEnvelope(await api.get(`${P}/organization/projects/${id}`, otherOrg), 404, 'NOT_FOUND');
    expectEnvelope(await api.post(`${P}/organization/projects/${id}/spending`, { requestKey: key(), amountFen: 1, spentOn: today, purpose: '测试支出', budgetLineId: 'b1', kind: 'general' }, otherOrg), 404, 'NOT_FOUND');
    expectEnvelope(await api.post(`${P}/organization/projects/${id}/close`, { reason: '不是我的' }, otherOrg), 404, 'NOT_FOUND');
    expectEnvelope(await api.post(`${P}/organization/projects/nope/reports`, { requestKey: key(), kind: 'progress', title: '进展', body: '这是一份进展报告的正文。' }, org), 404, 'NOT_FOUND');
  });

  it('an unpublished project is neither on the square nor donated to; a cancelled one leaves the square', async () => {
    const created = await api.post(`${P}/organization/projects`, { requestKey: key(), ...projectBody({ title: '待审核的项目' }) }, org);
    await api.post(`${P}/organization/projects/${created.body.id}/submit`, {}, org);
    expect(await squareIds('?status=all')).not.toContain(created.body.id);
    expect(await env.stack.app.charity.projects.forDonation(created.body.id)).toMatchObject({ acceptsDonations: false, status: 'pendingReview' });
    const id = await published();
    expect(await squareIds()).toContain(id);
    expect((await api.post(`/api/v1/staff/charity/projects/${id}/cancel`, { reason: '材料不实' }, staff)).body).toMatchObject({ status: 'cancelled', allowedActions: [] });
    expect(await squareIds('?status=all')).not.toContain(id);
    expectEnvelope(await api.get(`${P}/projects/${id}`), 404, 'NOT_FOUND');
  });

  it('two spending lines at once never pass what was raised', async () => {
    const id = await published();
    await give(donorA, id, 10_000);
    const results = await Promise.all(Array.from({ length: 6 }, () =>
      api.post(`${P}/organization/projects/${id}/spending`, { requestKey: key(), amountFen: 3_000, spentOn: today, purpose: '并发支出', budgetLineId: 'b1', kind: 'general' }, org)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect((await api.get(`${P}/organization/projects/${id}/spending`, org)).body).toMatchObject({ spentFen: 9_000, raisedFen: 10_000 });
  }, 30_000);
});

describe('the schedule', () => {
  it('an overdue report takes the project off the square (and stops donations) until it is filed', async () => {
    const id = await published();
    const due = (await api.get(`${P}/organization/projects/${id}`, org)).body.nextReportDue as string;
    // The day the report is due is still on time.
    await env.stack.app.charity.schedule.run(new Date(`${due}T12:00:00+08:00`));
    expect(await squareIds()).toContain(id);
    const late = await env.stack.app.charity.schedule.run(new Date(new Date(`${due}T12:00:00+08:00`).getTime() + 86_400_000));
    expect(late.flagged).toBeGreaterThanOrEqual(1);
    expect(await squareIds()).not.toContain(id);
    expect((await api.get(`${P}/projects/${id}`)).body).toMatchObject({ reportOverdue: true, acceptsDonations: false });
    expect((await api.get(`${P}/organization/projects/${id}`, org)).body).toMatchObject({ reportOverdue: true });
    expectEnvelope(await api.post('/api/v1/donations', { projectId: id, amountFen: 100, donorKind: 'person', anonymous: false, requestKey: key() }, donorA), 409);

    expect((await api.post(`${P}/organization/projects/${id}/reports`, { requestKey: key(), kind: 'progress', title: '补交进展报告', body: '本季度募捐与发放情况如下，已全部公示。' }, org)).status).toBe(201);
    expect(await squareIds()).toContain(id);
    expect((await api.get(`${P}/organization/projects/${id}`, org)).body).toMatchObject({ reportOverdue: false, nextReportDue: expect.any(String) });
  });

  it('closes a project after its end date; the final report is due three months after the end', async () => {
    const id = await published(org, { endDate: inDays(10) });
    const after = new Date(Date.now() + 11 * 86_400_000);
    const r = await env.stack.app.charity.schedule.run(after);
    expect(r.closed).toBeGreaterThanOrEqual(1);
    const p = (await api.get(`${P}/organization/projects/${id}`, org)).body;
    expect(p).toMatchObject({ status: 'closed', endReason: '募捐期已结束' });
    const end = new Date(`${inDays(10)}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 3);
    expect(p.nextReportDue.slice(0, 7)).toBe(end.toISOString().slice(0, 7));
    expect(await squareIds('?status=closed')).toContain(id);
    expect((await api.post(`${P}/organization/projects/${id}/reports`, { requestKey: key(), kind: 'final', title: '结项报告', body: '项目已结束，善款使用情况全部公开如下。' }, org)).status).toBe(201);
    expect((await api.get(`${P}/organization/projects/${id}`, org)).body.nextReportDue).toBeNull();
  });
});

describe('the square', () => {
  it('pages by cursor without repeating or skipping a project', async () => {
    for (let i = 0; i < 4; i += 1) await published();
    await published(org, { targetGroup: 'elderly', regionCode: '371402001' });
    const all = await squareIds('?status=all&limit=50');
    expect(all.length).toBeGreaterThanOrEqual(5);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { projects: { id: string }[]; nextCursor: string | null } } = await api.get(`${P}/projects?status=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...res.body.projects.map((p) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(await squareIds('?regionCode=371402001&targetGroup=elderly')).toHaveLength(1);
  });
});
