import { addCalendarDays, addMonths, shanghaiDate, shanghaiMonth } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { applicationsKit } from '../support/applications';
import { csv, idNo, importAndEvaluate, monthsAgo, populationCsv, waitFor } from './monitoringSupport';
import { uploadImport } from './ledgerSupport';

/**
 * 电子监察 (issue 11 item 7): each flag raised by creating its condition — a payment after a death
 * (应退未退), a vehicle on a 低保 household (错救), last month's payment run not made, a month paid
 * more than the entitlement says, an alert past its deadline, an application by a registered
 * relative of staff, a recheck past its deadline — with a region, an owner, a deadline; a second scan adds nothing; the desk
 * counts by kind and region with drill-down; a flag is resolved once.
 */
let stack: Stack;
let api: ReturnType<typeof client>;
let township: string;
let county: string;
let city: string;

const ZHANG = idNo(41); // care subsidy since two months ago; last month's run not made; paid twice this month
const WANG = idNo(42); // care subsidy; died last month, paid this month
const HE = idNo(43); // a vehicle on a 低保 household
const month = shanghaiMonth();

const grant = (name: string, idNumber: string) => api.post('/api/v1/staff/auto-grants', {
  name, idNumber, regionCode: '371402001001', disabilityGrade: 1, certificateDate: monthsAgo(1), householdGroup: 'dibao', programme: 'disabilityCare',
}, county);

beforeAll(async () => {
  stack = await startStack({
    overrides: {
      // The bank's 代发 file of civil-affairs subsidies, imported like any department's.
      ledger: { sources: { civilAffairs: { name: '民政资金代发（银行）', defaultProgramme: 'disabilityCare', programmes: ['disabilityCare', 'disabilityLiving'], amountUnit: 'yuan' } } },
    },
  });
  api = client(stack.baseUrl);
  township = (await api.signIn('sv-township', { role: 'staff', regionCode: '371402001', level: 'township' })).accessToken;
  county = (await api.signIn('sv-county', { role: 'staff', regionCode: '371402', level: 'county' })).accessToken;
  city = (await api.signIn('sv-city', { role: 'staff', regionCode: '371400', level: 'county' })).accessToken;
  await importAndEvaluate(stack, township, 'populationList', populationCsv([{ id: ZHANG, name: '张三' }, { id: WANG, name: '王五' }, { id: HE, name: '何志强' }]));
  expect((await grant('张三', ZHANG)).status).toBe(201);
  expect((await grant('王五', WANG)).status).toBe(201);
  // 张三's subsidy started two months ago (as if granted then): last month was payable too.
  await stack.app.db.collection('entitlements').updateOne({ 'beneficiary.name': '张三' }, { $set: { startMonth: addMonths(month, -2) } });
});
afterAll(async () => { await stack.stop(); });

test('every condition raises its flag once, with region, owner and deadline; the desk counts and drills down; a flag is resolved once', async () => {
  // This month's run is made (both paid); last month's never was.
  const run = await api.post('/api/v1/staff/payment-runs', { period: month }, county);
  expect(run.status).toBe(202);
  await waitFor(stack, county, `/api/v1/staff/ledger-jobs/${run.body.id}`);
  // The bank paid 张三 this month a second time (¥100): more than the entitlement says.
  const bank = await uploadImport(stack, county, 'source=civilAffairs', csv(['身份证号,姓名,金额,发放月份,救助项目', `${ZHANG},张三,100,${month},`]), '代发.csv');
  expect(bank.status).toBe(202);
  await waitFor(stack, county, `/api/v1/staff/ledger/imports/${bank.body.id}`);
  // 王五 died last month (公安), after which this month's payment went out; a vehicle is registered to 何志强.
  await importAndEvaluate(stack, township, 'publicSecurity', csv(['身份证号,事项,登记日期', `${WANG},死亡,${monthsAgo(1)}`]));
  await importAndEvaluate(stack, township, 'assets', csv(['身份证号,资产类别,登记日期,价值', `${HE},车辆,${monthsAgo(1)},80000`]));
  // The vehicle alert was due yesterday and is still open.
  const alerts = await api.get('/api/v1/staff/monitoring/alerts?source=assets', township);
  expect(alerts.body.alerts).toHaveLength(1);
  await stack.app.db.collection('monitoring_alerts').updateOne({ _id: alerts.body.alerts[0].id }, { $set: { deadline: addCalendarDays(shanghaiDate(), -1) } });
  // 王五's death opened a recheck of his subsidy (due within three months): it is past its deadline, undecided.
  const late = await stack.app.db.collection('rechecks').updateMany({ 'beneficiary.name': '王五', status: 'open' }, { $set: { deadline: addCalendarDays(shanghaiDate(), -1) } });
  expect(late.modifiedCount).toBe(1);
  // A village cadre's sister applies for 低保; the county registers her: flagged at once.
  const kit = applicationsKit(stack);
  const sister = await kit.resident('sv-sister', { name: '刘桂芝' });
  const application = await kit.submitted(sister.token);
  const registered = await api.post('/api/v1/staff/supervision/relatives', {
    name: '刘桂芝', idNumber: sister.idNumber, relation: '姐妹', relatedTo: { name: '刘建军', role: 'villageCadre', post: '某社区居委会主任' }, regionCode: '371402001',
  }, county);
  expect(registered.status).toBe(201);
  expect(registered.body).toMatchObject({ nameMasked: '刘**', relatedTo: { nameMasked: '刘**', role: 'villageCadre' } });
  expectEnvelope(await api.post('/api/v1/staff/supervision/relatives', {
    name: '刘桂芝', idNumber: sister.idNumber, relation: '姐妹', relatedTo: { name: '刘建军', role: 'villageCadre', post: '主任' }, regionCode: '371402001',
  }, county), 409, 'SUPERVISION_RELATIVE_EXISTS');

  const scan = await api.post('/api/v1/staff/supervision/scan', {}, county);
  expect(scan.status).toBe(200);
  const found = Object.fromEntries(scan.body.raised.map((r: { kind: string; found: number }) => [r.kind, r.found]));
  expect(found).toEqual({ shouldHaveExited: 1, wrongGrant: 1, paymentRunLate: 1, amountMismatch: 1, overdueAlert: 1, overdueRecheck: 1, relatedApplicant: 1 });
  // Nothing is raised twice: the second scan finds the same and adds none.
  const again = await api.post('/api/v1/staff/supervision/scan', {}, county);
  expect(again.body.raised.every((r: { new: number }) => r.new === 0)).toBe(true);
  expect(await stack.app.db.collection('supervision_flags').countDocuments()).toBe(7);

  const list = await api.get('/api/v1/staff/supervision/flags', county);
  const byKind = Object.fromEntries(list.body.flags.map((f: any) => [f.kind, f]));
  expect(byKind.shouldHaveExited).toMatchObject({ regionCode: '371402001001', period: month, subject: { kind: 'disbursement', nameMasked: '王*' }, owner: { level: 'township', regionCode: '371402001' }, status: 'open' });
  expect(byKind.shouldHaveExited.summary).toContain('死亡');
  expect(byKind.paymentRunLate).toMatchObject({ regionCode: '371402', period: addMonths(month, -1), owner: { level: 'county', regionCode: '371402' } });
  expect(byKind.amountMismatch.facts).toEqual(expect.arrayContaining([{ label: '实发', value: '240.00 元' }, { label: '核定', value: '140.00 元' }]));
  expect(byKind.relatedApplicant).toMatchObject({ subject: { kind: 'application', id: application.id, nameMasked: '刘**' }, owner: { level: 'county' } });
  expect(byKind.wrongGrant.subject.nameMasked).toBe('何**');
  expect(byKind.overdueAlert.subject.nameMasked).toBe('何**');
  expect(byKind.overdueRecheck).toMatchObject({ regionCode: '371402001001', subject: { kind: 'recheck', nameMasked: '王*' }, owner: { level: 'township', regionCode: '371402001' } });
  for (const f of list.body.flags) expect(f.deadline > shanghaiDate()).toBe(true);
  expect(JSON.stringify(list.body)).not.toMatch(/\d{17}[\dX]/);

  // The desk: by kind, and by region one level down, drilling from the city to the township.
  const atCity = await api.get('/api/v1/staff/supervision/summary', city);
  expect(atCity.status).toBe(200);
  expect(atCity.body.byRegion).toEqual([expect.objectContaining({ regionCode: '371402', open: 7 })]);
  const atCounty = await api.get('/api/v1/staff/supervision/summary?regionCode=371402', city);
  expect(atCounty.body.byRegion.map((r: any) => [r.regionCode, r.open])).toEqual([['371402', 1], ['371402001', 6]]);
  const atTownship = await api.get('/api/v1/staff/supervision/summary?regionCode=371402001', county);
  // The application is filed at the township itself; the payments and alerts are of a community below it.
  expect(atTownship.body.byRegion.map((r: any) => [r.regionCode, r.open])).toEqual([['371402001', 1], ['371402001001', 5]]);
  expect(atTownship.body.byKind.find((k: any) => k.kind === 'paymentRunLate').open).toBe(0);
  expectEnvelope(await api.get('/api/v1/staff/supervision/summary', township), 403, 'SUPERVISION_COUNTY_ONLY');
  const elsewhere = (await api.signIn('sv-elsewhere', { role: 'staff', regionCode: '371502', level: 'county' })).accessToken;
  expectEnvelope(await api.get(`/api/v1/staff/supervision/flags/${byKind.wrongGrant.id}`, elsewhere), 404);

  // A county matter is not the township's to close.
  expectEnvelope(await api.post(`/api/v1/staff/supervision/flags/${byKind.relatedApplicant.id}/resolve`, { action: 'dismiss', note: '已了解' }, township), 403, 'SUPERVISION_COUNTY_ONLY');
  // The township (the owner) resolves its flag, once.
  const done = await api.post(`/api/v1/staff/supervision/flags/${byKind.shouldHaveExited.id}/resolve`, { action: 'resolve', note: '已追回王五身故后多发的护理补贴' }, township);
  expect(done.status).toBe(200);
  expect(done.body).toMatchObject({ status: 'resolved', resolution: { action: 'resolve' } });
  expectEnvelope(await api.post(`/api/v1/staff/supervision/flags/${byKind.shouldHaveExited.id}/resolve`, { action: 'dismiss', note: '重复' }, county), 409, 'SUPERVISION_ACTION_NOT_ALLOWED');
  const after = await api.get('/api/v1/staff/supervision/summary', county);
  expect(after.body.byKind.find((k: any) => k.kind === 'shouldHaveExited')).toMatchObject({ open: 0, closed: 1 });
  // A resolved flag stays resolved: the next scan finds the payment again but adds nothing.
  await api.post('/api/v1/staff/supervision/scan', {}, county);
  expect((await api.get(`/api/v1/staff/supervision/flags/${byKind.shouldHaveExited.id}`, county)).body.status).toBe('resolved');
});
