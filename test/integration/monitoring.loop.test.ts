import iconv from 'iconv-lite';
import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { idNo, importAndEvaluate, monthsAgo, populationCsv } from './monitoringSupport';

/**
 * The loop a township runs (issue 10): a watch list, a 医保 file → red and yellow alerts with their
 * evidence → assigned to a grid worker → the visit and the outcome → confirmed → fed back to the
 * department; a resident's 随手拍 in the same queue; the dashboard counts the same; the same file
 * again adds nothing.
 */
let stack: Stack;
let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
let township: { accessToken: string; user: { id: string } };
let county: { accessToken: string };
let grid: { accessToken: string; user: { id: string } };
let resident: { accessToken: string };

const ZHANG = idNo(11); // red: ¥60,000 out of pocket
const LI = idNo(12); // yellow: ¥25,000
const WANG = idNo(13); // below every threshold
const STRANGER = idNo(99); // not on the watch list

const medicalFile = () => iconv.encode([
  '身份证号,姓名,结算日期,个人自付,医疗总费用,业务流水号',
  `${ZHANG},张三,${monthsAgo(2)},40000.00,90000,R1`,
  `${ZHANG},张三,${monthsAgo(1)},20000.00,30000,R2`,
  `${LI},李四,${monthsAgo(3)},25000,40000,R3`,
  `${WANG},王五,${monthsAgo(1)},800,2000,R4`,
  `${STRANGER},赵六,${monthsAgo(1)},90000,100000,R5`,
  `123,坏号码,${monthsAgo(1)},100,100,R6`,
].join('\r\n') + '\r\n', 'gbk');

beforeAll(async () => {
  fake = await startFakeWechatContent();
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 } } });
  api = client(stack.baseUrl);
  township = await api.signIn('m-township', { role: 'staff', regionCode: '371402001', level: 'township' });
  county = await api.signIn('m-county', { role: 'staff', regionCode: '371402', level: 'county' });
  grid = await api.signIn('m-grid', { role: 'gridWorker', regionCode: '371402001001' });
  resident = await api.signIn('m-resident');
});
afterAll(async () => { await stack.stop(); await fake.stop(); });

test('a medical file raises red and yellow alerts with evidence; the same file again adds nothing', async () => {
  const list = await importAndEvaluate(stack, township.accessToken, 'populationList', populationCsv([
    { id: ZHANG, name: '张三' }, { id: LI, name: '李四', group: '低保边缘', income: '6000' }, { id: WANG, name: '王五' },
  ]));
  expect(list.imp.counts).toMatchObject({ rows: 3, accepted: 3, rejected: 0 });
  const pop = await api.get('/api/v1/staff/monitoring/population', township.accessToken);
  expect(pop.status).toBe(200);
  expect(pop.body.total).toBe(3);
  expect(JSON.stringify(pop.body)).not.toContain(ZHANG);

  const first = await importAndEvaluate(stack, township.accessToken, 'medical', medicalFile(), '医保.csv');
  expect(first.imp.encoding).toBe('gbk');
  expect(first.imp.counts).toMatchObject({ rows: 6, accepted: 4, unmatched: 1, rejected: 1 });
  expect(first.evaluation.counts.alertsNew).toBe(2);

  const alerts = await api.get('/api/v1/staff/monitoring/alerts', township.accessToken);
  expect(alerts.status).toBe(200);
  expect(alerts.body.alerts.map((a: any) => a.level)).toEqual(['red', 'yellow']);
  const red = alerts.body.alerts[0];
  expect(red.subject.idNumberMasked).toMatch(/^3\*+\w{2}$/);
  expect(JSON.stringify(alerts.body)).not.toContain(ZHANG);
  const detail = await api.get(`/api/v1/staff/monitoring/alerts/${red.id}`, township.accessToken);
  expect(detail.body.evidence).toMatchObject({ measuredFen: 6_000_000, thresholdFen: 5_000_000 });
  expect(detail.body.evidence.items).toHaveLength(2);
  expect(detail.body.allowedActions).toEqual(['assign', 'dismiss']);

  const report = await api.get(`/api/v1/staff/monitoring/imports/${first.imp.id}/report`, township.accessToken);
  expect(report.body.rows.map((r: any) => r.status).sort()).toEqual(['rejected', 'unmatched']);

  const again = await importAndEvaluate(stack, township.accessToken, 'medical', medicalFile(), '医保.csv');
  expect(again.imp.counts).toMatchObject({ accepted: 0, duplicates: 4 });
  expect(again.evaluation.counts.alertsNew).toBe(0);
  expect((await api.get('/api/v1/staff/monitoring/alerts', township.accessToken)).body.alerts).toHaveLength(2);
});

test('assigned to a grid worker, visited, enrolled with consent, confirmed, fed back; the dashboard agrees', async () => {
  const [red, yellow] = (await api.get('/api/v1/staff/monitoring/alerts', township.accessToken)).body.alerts;
  const workers = await api.get('/api/v1/staff/monitoring/assignees', township.accessToken);
  expect(workers.body.assignees.map((a: any) => a.userId)).toContain(grid.user.id);
  const assigned = await api.post(`/api/v1/staff/monitoring/alerts/${red.id}/assign`, { assigneeId: grid.user.id }, township.accessToken);
  expect(assigned.status).toBe(200);
  expect(assigned.body.status).toBe('assigned');

  const tasks = await api.get('/api/v1/monitoring/tasks', grid.accessToken);
  expect(tasks.body.tasks.map((t: any) => t.id)).toEqual([red.id]);
  const task = await api.get(`/api/v1/monitoring/tasks/${red.id}`, grid.accessToken);
  expect(task.body.situation).toMatchObject({ group: 'dibao', householdSize: 3, householdIncomeFen: 150_000 });
  expect(task.body.allowedActions).toEqual(['recordVisit']);

  const visit = {
    visitKey: 'visit-red-0001', visitedAt: new Date().toISOString(), seen: '老人住院刚出院，家中无人照顾', photoFileIds: [], situation: { householdSize: 3, note: '儿子在外务工' },
    outcome: { kind: 'enrol', programme: 'temporary', consent: { agreed: true, signedName: '张三' } },
  };
  const recorded = await api.post(`/api/v1/monitoring/tasks/${red.id}/visits`, visit, grid.accessToken);
  expect(recorded.status).toBe(201);
  expect(recorded.body.status).toBe('visited');
  // The same visit sent again (a retry on a bad network) is the same visit.
  const retried = await api.post(`/api/v1/monitoring/tasks/${red.id}/visits`, visit, grid.accessToken);
  expect(retried.status).toBe(201);
  expect(retried.body.visits).toHaveLength(1);

  const desk = await api.get(`/api/v1/staff/monitoring/alerts/${red.id}`, township.accessToken);
  expect(desk.body.visits[0].outcome).toMatchObject({ kind: 'enrol', consentGiven: true });
  expect(desk.body.allowedActions).toEqual(['confirm', 'returnForRevisit']);
  const closed = await api.post(`/api/v1/staff/monitoring/alerts/${red.id}/confirm`, { note: '已纳入临时救助' }, township.accessToken);
  expect(closed.body).toMatchObject({ status: 'closed', outcome: 'enrol' });
  expect(closed.body.timeline.map((t: any) => t.action)).toEqual(['raise', 'assign', 'recordVisit', 'confirm']);

  const fb = await fetch(`${stack.baseUrl}/api/v1/staff/monitoring/feedback.csv?source=medical`, { headers: { authorization: `Bearer ${township.accessToken}` } });
  expect(fb.status).toBe(200);
  const text = await fb.text();
  expect(text).toContain(red.id);
  expect(text).toContain('纳入救助');
  expect(text).not.toContain(ZHANG);

  // The township dismisses the yellow one with a reason; the county's dashboard counts both.
  expect((await api.post(`/api/v1/staff/monitoring/alerts/${yellow.id}/dismiss`, { reason: '已享受医疗救助' }, township.accessToken)).status).toBe(200);
  const dash = await api.get('/api/v1/staff/monitoring/dashboard', county.accessToken);
  expect(dash.status).toBe(200);
  expect(dash.body).toMatchObject({ total: 2, open: 0, closed: 2, overdue: 0, enrolledThroughDiscovery: 1 });
  expect(dash.body.byLevel.find((l: any) => l.level === 'red').count).toBe(1);
  expect(dash.body.bySource).toEqual([{ source: 'medical', label: expect.any(String), count: 2 }]);
  expect(dash.body.medianDaysToClose).not.toBeNull();
});

test('a resident\'s 随手拍 is an alert in the queue; the reporter sees the status only', async () => {
  const body = { requestKey: 'report-0001-abc', text: '小区门口有位老人每天捡废品，腿脚不便，好像一个人住', regionCode: '371402001001', address: '新华街道某小区3号楼附近' };
  const sent = await api.post('/api/v1/monitoring/hardship-reports', body, resident.accessToken);
  expect(sent.status).toBe(201);
  expect(sent.body.status).toBe('received');
  expect((await api.post('/api/v1/monitoring/hardship-reports', body, resident.accessToken)).body.id).toBe(sent.body.id);
  const queue = await api.get('/api/v1/staff/monitoring/alerts?source=hardshipReport', township.accessToken);
  expect(queue.body.alerts).toHaveLength(1);
  const detail = await api.get(`/api/v1/staff/monitoring/alerts/${sent.body.id}`, township.accessToken);
  expect(detail.body.report.address).toBe(body.address);
  expect(JSON.stringify(detail.body)).not.toContain('m-resident');
  await api.post(`/api/v1/staff/monitoring/alerts/${sent.body.id}/assign`, { assigneeId: grid.user.id }, township.accessToken);
  const mine = await api.get('/api/v1/monitoring/my-reports', resident.accessToken);
  expect(mine.body.reports).toEqual([expect.objectContaining({ id: sent.body.id, status: 'inProgress' })]);
  expect(Object.keys(mine.body.reports[0]).sort()).toEqual(['createdAt', 'id', 'kind', 'status', 'statusLabel', 'text']);
});
