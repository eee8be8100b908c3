import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { csv, idNo, importAndEvaluate, monthsAgo, populationCsv } from './monitoringSupport';

/**
 * The loop's wrong moves: assigning outside the region, a grid worker acting on another's task,
 * outcomes out of order or incomplete, reports carrying a phone or ID number, too many reports.
 * Each a clear 4xx that changes nothing.
 */
let stack: Stack;
let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
let township: { accessToken: string };
let otherTownship: { accessToken: string };
let grid: { accessToken: string; user: { id: string } };
let otherGrid: { accessToken: string; user: { id: string } };
let farGrid: { accessToken: string; user: { id: string } };
let resident: { accessToken: string };
let alertIds: string[];

beforeAll(async () => {
  fake = await startFakeWechatContent();
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 }, monitoring: { reportsPerDay: 2 } } });
  api = client(stack.baseUrl);
  township = await api.signIn('k-township', { role: 'staff', regionCode: '371402001', level: 'township' });
  otherTownship = await api.signIn('k-other', { role: 'staff', regionCode: '371402002', level: 'township' });
  grid = await api.signIn('k-grid', { role: 'gridWorker', regionCode: '371402001001' });
  otherGrid = await api.signIn('k-grid2', { role: 'gridWorker', regionCode: '371402001002' });
  farGrid = await api.signIn('k-far', { role: 'gridWorker', regionCode: '371502001001' });
  resident = await api.signIn('k-resident');
  await importAndEvaluate(stack, township.accessToken, 'populationList', populationCsv([{ id: idNo(21), name: '甲' }, { id: idNo(22), name: '乙' }]));
  await importAndEvaluate(stack, township.accessToken, 'publicSecurity', csv(['身份证号,事项,登记日期', `${idNo(21)},死亡,${monthsAgo(1)}`, `${idNo(22)},死亡,${monthsAgo(1)}`]));
  alertIds = (await api.get('/api/v1/staff/monitoring/alerts', township.accessToken)).body.alerts.map((a: any) => a.id);
  expect(alertIds).toHaveLength(2);
});
afterAll(async () => { await stack.stop(); await fake.stop(); });

const events = () => stack.app.db.collection('monitoring_alert_events').countDocuments({});

test('an alert outside the assigner\'s region is 404; an assignee outside the alert\'s region is 404 too', async () => {
  expectEnvelope(await api.post(`/api/v1/staff/monitoring/alerts/${alertIds[0]}/assign`, { assigneeId: grid.user.id }, otherTownship.accessToken), 404);
  expectEnvelope(await api.get(`/api/v1/staff/monitoring/alerts/${alertIds[0]}`, otherTownship.accessToken), 404);
  expectEnvelope(await api.post(`/api/v1/staff/monitoring/alerts/${alertIds[0]}/assign`, { assigneeId: farGrid.user.id }, township.accessToken), 404, 'MONITORING_ASSIGNEE_INVALID');
  expectEnvelope(await api.post(`/api/v1/staff/monitoring/alerts/${alertIds[0]}/assign`, { assigneeId: 'nobody' }, township.accessToken), 404, 'MONITORING_ASSIGNEE_INVALID');
  expect(await events()).toBe(0);
  // A grid worker is no staff: the desk is closed to them.
  expectEnvelope(await api.get('/api/v1/staff/monitoring/alerts', grid.accessToken), 403, 'FORBIDDEN');
});

test('a grid worker acting on another\'s task gets 404, learns nothing, changes nothing', async () => {
  expect((await api.post(`/api/v1/staff/monitoring/alerts/${alertIds[0]}/assign`, { assigneeId: grid.user.id }, township.accessToken)).status).toBe(200);
  const before = await events();
  const visit = { visitKey: 'k-visit-0001', visitedAt: new Date().toISOString(), seen: '看到', photoFileIds: [], situation: {}, outcome: { kind: 'noAssistanceNeeded', reason: '有子女赡养' } };
  const r = await api.post(`/api/v1/monitoring/tasks/${alertIds[0]}/visits`, visit, otherGrid.accessToken);
  expectEnvelope(r, 404, 'MONITORING_TASK_NOT_FOUND');
  expectEnvelope(await api.get(`/api/v1/monitoring/tasks/${alertIds[0]}`, otherGrid.accessToken), 404, 'MONITORING_TASK_NOT_FOUND');
  expect((await api.get('/api/v1/monitoring/tasks', otherGrid.accessToken)).body.tasks).toEqual([]);
  expect(await events()).toBe(before);
});

test('outcomes out of order or incomplete are refused: 409 / 400, nothing recorded', async () => {
  const id = alertIds[0];
  expectEnvelope(await api.post(`/api/v1/staff/monitoring/alerts/${id}/confirm`, {}, township.accessToken), 409, 'MONITORING_ACTION_NOT_ALLOWED');
  expectEnvelope(await api.post(`/api/v1/monitoring/tasks/${alertIds[1]}/visits`, { visitKey: 'k-visit-x001', visitedAt: new Date().toISOString(), seen: 's', photoFileIds: [], situation: {}, outcome: { kind: 'notFound', reason: 'r' } }, grid.accessToken), 404);
  const base = { visitedAt: new Date().toISOString(), seen: '看到', photoFileIds: [], situation: {} };
  expectEnvelope(await api.post(`/api/v1/monitoring/tasks/${id}/visits`, { ...base, visitKey: 'k-visit-0002', outcome: { kind: 'enrol', programme: 'dibao' } }, grid.accessToken), 400, 'MONITORING_CONSENT_REQUIRED');
  expectEnvelope(await api.post(`/api/v1/monitoring/tasks/${id}/visits`, { ...base, visitKey: 'k-visit-0003', outcome: { kind: 'refer' } }, grid.accessToken), 400, 'MONITORING_OUTCOME_INVALID');
  expectEnvelope(await api.post(`/api/v1/monitoring/tasks/${id}/visits`, { ...base, visitKey: 'k-visit-0004', photoFileIds: ['not-mine'], outcome: { kind: 'notFound', reason: '家中无人' } }, grid.accessToken), 404, 'MONITORING_PHOTO_INVALID');
  expect((await api.get(`/api/v1/staff/monitoring/alerts/${id}`, township.accessToken)).body.visits).toEqual([]);
  // 未见到人: the task stays with the worker to try again; then a real outcome; then the order holds.
  const missed = await api.post(`/api/v1/monitoring/tasks/${id}/visits`, { ...base, visitKey: 'k-visit-0005', outcome: { kind: 'notFound', reason: '家中无人' } }, grid.accessToken);
  expect(missed.body).toMatchObject({ status: 'assigned', outcome: null });
  const done = await api.post(`/api/v1/monitoring/tasks/${id}/visits`, { ...base, visitKey: 'k-visit-0006', outcome: { kind: 'refer', referTo: '区慈善总会' } }, grid.accessToken);
  expect(done.body).toMatchObject({ status: 'visited', outcome: 'refer' });
  expectEnvelope(await api.post(`/api/v1/monitoring/tasks/${id}/visits`, { ...base, visitKey: 'k-visit-0007', outcome: { kind: 'notFound', reason: 'x' } }, grid.accessToken), 409, 'MONITORING_ACTION_NOT_ALLOWED');
  expectEnvelope(await api.post(`/api/v1/staff/monitoring/alerts/${id}/assign`, { assigneeId: otherGrid.user.id }, township.accessToken), 409, 'MONITORING_ACTION_NOT_ALLOWED');
  const back = await api.post(`/api/v1/staff/monitoring/alerts/${id}/return`, { reason: '请核实转介是否落实' }, township.accessToken);
  expect(back.body).toMatchObject({ status: 'assigned', outcome: null });
});

test('a report with a phone or ID number is refused, as is risky content; the daily limit holds', async () => {
  const report = (key: string, text: string) => api.post('/api/v1/monitoring/hardship-reports', { requestKey: key, text, regionCode: '371402001001', address: '新华街道某小区' }, resident.accessToken);
  const phone = await report('k-rep-0001', '这位老人生病了，请联系他儿子 138 0013 8000');
  expectEnvelope(phone, 400, 'MONITORING_TEXT_HAS_CONTACT');
  expect(phone.body.error.details.found).toEqual(['phoneNumber']);
  const id = await report('k-rep-0002', `老人身份证号是${idNo(30)}，请帮帮他`);
  expectEnvelope(id, 400, 'MONITORING_TEXT_HAS_CONTACT');
  expect(id.body.error.details.found).toEqual(['idNumber']);
  expectEnvelope(await report('k-rep-0003', '这段文字有违规内容需要处理'), 400, 'MONITORING_CONTENT_REJECTED');
  expect((await api.get('/api/v1/monitoring/my-reports', resident.accessToken)).body.reports).toEqual([]);
  expect((await report('k-rep-0004', '楼下独居老人几天没出门了')).status).toBe(201);
  expect((await report('k-rep-0005', '桥下有人露宿，天很冷')).status).toBe(201);
  expectEnvelope(await report('k-rep-0006', '又看到一位需要帮助的人'), 429, 'MONITORING_REPORT_LIMIT');
  // A help request needs the person's real-name profile.
  expectEnvelope(await api.post('/api/v1/monitoring/help-requests', { requestKey: 'k-help-0001', text: '看病花了很多钱' }, (await api.signIn('k-noprofile')).accessToken), 409, 'MONITORING_PROFILE_REQUIRED');
});

test('a grid worker is invited like staff, bound to a village or community; the binding is checked', async () => {
  const admin = await api.signIn('k-admin', { role: 'admin' });
  expectEnvelope(await api.post('/api/v1/admin/staff-invitations', { role: 'gridWorker', regionCode: '371402' }, admin.accessToken), 400, 'VALIDATION_FAILED');
  const inv = await api.post('/api/v1/admin/staff-invitations', { role: 'gridWorker', regionCode: '371402001003' }, admin.accessToken);
  expect(inv.status).toBe(201);
  expect(inv.body.role).toBe('gridWorker');
  const person = await api.signIn('k-invited');
  const redeemed = await api.post('/api/v1/staff-invitations/redeem', { code: inv.body.code }, person.accessToken);
  expect(redeemed.status).toBe(200);
  const me = await api.get('/api/v1/me', redeemed.body.accessToken ?? person.accessToken);
  expect(me.body.roles).toContain('gridWorker');
  expect(me.body.roles).not.toContain('staff');
  expect(me.body.gridWorker).toEqual({ regionCode: '371402001003' });
});
