import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { verifiedResident } from '../support/identity';
import { csv, idNo, importAndEvaluate, monthsAgo, populationCsv } from './monitoringSupport';

/**
 * 免审秒办 (issue 11 item 5): 残联 rows for people on the watch list grant the disability subsidies
 * without an application — grade 1–2 the care subsidy, a disabled member of a 低保/特困/边缘
 * household the living subsidy — at the region's published rate; the person is told and may
 * decline (it ends) or ask for a correction; staff see the list; the same data again grants nothing;
 * someone already receiving a subsidy gets 409 and nothing changes.
 */
let stack: Stack;
let api: ReturnType<typeof client>;
let township: string;
let county: string;
let chen: Awaited<ReturnType<typeof verifiedResident>>;

const ZHAO = idNo(31); // 低保 household, grade 2 → care + living
const QIAN = idNo(32); // poorest-3 % household, grade 3 → nothing
const STRANGER = idNo(39); // not on the watch list

const disabilityFile = (chenId: string) => csv([
  '身份证号,姓名,发证日期,残疾等级,业务流水号',
  `${ZHAO},赵大勇,${monthsAgo(1)},2,CL-1`,
  `${QIAN},钱小华,${monthsAgo(1)},3,CL-2`,
  `${chenId},陈玉梅,${monthsAgo(2)},1,CL-3`,
  `${STRANGER},孙某,${monthsAgo(1)},1,CL-4`,
]);
const entitlementCount = () => stack.app.db.collection('entitlements').countDocuments();

beforeAll(async () => {
  stack = await startStack();
  api = client(stack.baseUrl);
  township = (await api.signIn('ag-township', { role: 'staff', regionCode: '371402001', level: 'township' })).accessToken;
  county = (await api.signIn('ag-county', { role: 'staff', regionCode: '371402', level: 'county' })).accessToken;
  chen = await verifiedResident(stack, 'ag-chen', { name: '陈玉梅', regionCode: '371402001' });
  await importAndEvaluate(stack, township, 'populationList', populationCsv([
    { id: ZHAO, name: '赵大勇' }, { id: QIAN, name: '钱小华', group: '最困难3%' }, { id: chen.idNumber, name: '陈玉梅', group: '特困' },
  ]));
});
afterAll(async () => { await stack.stop(); });

test('a 残联 file grants the subsidies without an application, tells the person, and lists them for staff', async () => {
  const first = await importAndEvaluate(stack, township, 'disability', disabilityFile(chen.idNumber), '残联.csv');
  expect(first.imp.counts).toMatchObject({ accepted: 3, unmatched: 1 });

  const list = await api.get('/api/v1/staff/auto-grants', township);
  expect(list.status).toBe(200);
  const grants = list.body.grants.map((g: any) => `${g.nameMasked}:${g.programme}:${g.monthlyAmountFen}`).sort();
  // 德州 2021 rates (STANDARDS.md): care grade 1 ¥140, grade 2 ¥120; living grade 1–2 ¥160.
  expect(grants).toEqual(['赵**:disabilityCare:12000', '赵**:disabilityLiving:16000', '陈**:disabilityCare:14000', '陈**:disabilityLiving:16000'].sort());
  expect(list.body.grants.every((g: any) => g.status === 'active' && g.basis.includes('残联数据'))).toBe(true);
  expect(JSON.stringify(list.body)).not.toContain(ZHAO);
  // No application was filed for any of them.
  expect(await stack.app.db.collection('applications').countDocuments()).toBe(0);
  // Outside the staff member's region: 404.
  const other = (await api.signIn('ag-other', { role: 'staff', regionCode: '371502', level: 'county' })).accessToken;
  expectEnvelope(await api.get('/api/v1/staff/auto-grants?regionCode=371402', other), 404);

  // The person is told in the app, with how to correct or decline.
  const messages = await api.get('/api/v1/messages', chen.accessToken);
  const told = messages.body.messages.filter((m: any) => m.title.startsWith('免审秒办'));
  expect(told).toHaveLength(2);
  expect(told[0].body).toMatch(/放弃/);
  const mine = await api.get('/api/v1/me/auto-grants', chen.accessToken);
  expect(mine.body.grants.map((g: any) => g.programme).sort()).toEqual(['disabilityCare', 'disabilityLiving']);

  // The same file again grants nothing more.
  const before = await entitlementCount();
  await importAndEvaluate(stack, township, 'disability', disabilityFile(chen.idNumber), '残联.csv');
  expect(await entitlementCount()).toBe(before);
});

test('an auto-grant for someone already receiving the subsidy is 409 and nothing changes', async () => {
  const before = await entitlementCount();
  const audits = await stack.app.db.collection('audit_entries').countDocuments({ action: 'autoGrant.create' });
  const res = await api.post('/api/v1/staff/auto-grants', {
    name: '赵大勇', idNumber: ZHAO, regionCode: '371402001001', disabilityGrade: 2, certificateDate: monthsAgo(1), householdGroup: 'dibao', programme: 'disabilityCare',
  }, township);
  expectEnvelope(res, 409, 'AUTO_GRANT_ALREADY_RECEIVING');
  expect(await entitlementCount()).toBe(before);
  expect(await stack.app.db.collection('audit_entries').countDocuments({ action: 'autoGrant.create' })).toBe(audits);
  // Not eligible (grade 3, not a low-income household): 409, nothing stored.
  expectEnvelope(await api.post('/api/v1/staff/auto-grants', {
    name: '钱小华', idNumber: QIAN, regionCode: '371402001001', disabilityGrade: 3, certificateDate: monthsAgo(1), householdGroup: 'none', programme: 'disabilityLiving',
  }, township), 409, 'AUTO_GRANT_NOT_ELIGIBLE');
  expect(await entitlementCount()).toBe(before);
});

test('the person declines one subsidy (it ends) and asks to correct the other', async () => {
  const mine = (await api.get('/api/v1/me/auto-grants', chen.accessToken)).body.grants;
  const living = mine.find((g: any) => g.programme === 'disabilityLiving');
  const care = mine.find((g: any) => g.programme === 'disabilityCare');
  // Someone else cannot decline it.
  const other = await verifiedResident(stack, 'ag-other-person', { name: '周强' });
  expectEnvelope(await api.post(`/api/v1/me/auto-grants/${encodeURIComponent(living.id)}/decline`, {}, other.accessToken), 404);

  const declined = await api.post(`/api/v1/me/auto-grants/${encodeURIComponent(living.id)}/decline`, { note: '已在外地领取' }, chen.accessToken);
  expect(declined.status).toBe(200);
  expect(declined.body.status).toBe('ended');
  expectEnvelope(await api.post(`/api/v1/me/auto-grants/${encodeURIComponent(living.id)}/decline`, {}, chen.accessToken), 409, 'AUTO_GRANT_ENDED');
  const staffView = (await api.get('/api/v1/staff/auto-grants', county)).body.grants.find((g: any) => g.id === living.id);
  expect(staffView.status).toBe('ended');

  const decision = await api.get(`/api/v1/me/decisions/autoGrant/${encodeURIComponent(care.id)}`, chen.accessToken);
  expect(decision.status).toBe(200);
  expect(decision.body.lines.map((l: any) => l.label)).toEqual(['决定', '依据']);
  const review = await api.post('/api/v1/me/reviews', { subjectKind: 'autoGrant', subjectId: care.id, reason: '残疾等级应为二级，请核实' }, chen.accessToken);
  expect(review.status).toBe(201);
  expect(review.body).toMatchObject({ status: 'submitted', programme: 'disabilityCare', subjectNameMasked: '陈**' });
});
