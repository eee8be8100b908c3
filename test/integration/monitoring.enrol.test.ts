import { startStack, type Stack } from '../support/stack';
import { client } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { verifiedResident } from '../support/identity';
import { csv, idNo, importAndEvaluate, monthsAgo, populationCsv } from './monitoringSupport';

/**
 * 纳入救助 (issue 10, the loop's outcome): the grid worker records a visit with the person's consent
 * and an application is started in the person's name; it appears on the township desk
 * (`GET /staff/applications`), a retried visit makes no second one, the consent is on the case and
 * in the audit, and a grid worker cannot start one for a person who is not their task.
 */
let stack: Stack;
let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
let township: { accessToken: string; user: { id: string } };
let otherTownship: { accessToken: string };
let grid: { accessToken: string; user: { id: string } };
let otherGrid: { accessToken: string; user: { id: string } };
let admin: { accessToken: string };

const ZHANG = idNo(21, '371402', '19580101'); // no account: the application must still be possible
const LI = idNo(22, '371402', '19580101');
const alertsBy: Record<string, string> = {};

beforeAll(async () => {
  fake = await startFakeWechatContent();
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 } } });
  api = client(stack.baseUrl);
  township = await api.signIn('e-township', { role: 'staff', regionCode: '371402001', level: 'township' });
  otherTownship = await api.signIn('e-township2', { role: 'staff', regionCode: '371402002', level: 'township' });
  grid = await api.signIn('e-grid', { role: 'gridWorker', regionCode: '371402001001' });
  otherGrid = await api.signIn('e-grid2', { role: 'gridWorker', regionCode: '371402001001' });
  admin = await api.signIn('e-admin', { role: 'admin' });

  await importAndEvaluate(stack, township.accessToken, 'populationList', populationCsv([{ id: ZHANG, name: '张三', size: '4' }, { id: LI, name: '李四' }]));
  const medical = csv(['身份证号,姓名,结算日期,个人自付,医疗总费用,业务流水号', `${ZHANG},张三,${monthsAgo(2)},60000,90000,E1`, `${LI},李四,${monthsAgo(2)},60000,90000,E2`]);
  const { evaluation } = await importAndEvaluate(stack, township.accessToken, 'medical', medical, '医保.csv');
  expect(evaluation.counts.alertsNew).toBe(2);
  for (const a of (await api.get('/api/v1/staff/monitoring/alerts', township.accessToken)).body.alerts) alertsBy[a.subject.nameMasked] = a.id;
  // 张三 is the first grid worker's task, 李四 the second's.
  expect((await api.post(`/api/v1/staff/monitoring/alerts/${alertsBy['张*']}/assign`, { assigneeId: grid.user.id }, township.accessToken)).status).toBe(200);
  expect((await api.post(`/api/v1/staff/monitoring/alerts/${alertsBy['李*']}/assign`, { assigneeId: otherGrid.user.id }, township.accessToken)).status).toBe(200);
});
afterAll(async () => { await stack.stop(); await fake.stop(); });

const enrolVisit = (key: string, over: Record<string, unknown> = {}) => ({
  visitKey: key, visitedAt: new Date().toISOString(), seen: '住院刚出院，医药费负担重，家中无人照顾', photoFileIds: [], situation: { householdSize: 4 },
  outcome: { kind: 'enrol', programme: 'dibao', consent: { agreed: true, signedName: '张三' }, ...over },
});

test('a grid worker cannot start an application for a person who is not their task', async () => {
  const res = await api.post(`/api/v1/monitoring/tasks/${alertsBy['李*']}/visits`, enrolVisit('visit-not-mine-01'), grid.accessToken);
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('MONITORING_TASK_NOT_FOUND');
  // The capability itself refuses a worker from elsewhere, whatever the caller: the person's region decides.
  const stranger = await api.signIn('e-grid-far', { role: 'gridWorker', regionCode: '371402002001' });
  const actor = await stack.app.services.users.findById(stranger.user.id);
  await expect(stack.app.applications.startOnBehalf({ requestId: 'test', actor: actor! }, {
    key: 'direct-far', programme: 'dibao', person: { idNumberBlindIndex: stack.app.services.pii.blindIndex(LI), name: '李四', idNumberMasked: '3***', idNumberCipher: '', regionCode: '371402001001', householdSize: 1 },
    consent: { signedName: '李四', at: new Date() }, origin: { kind: 'monitoringAlert', id: 'x' }, reason: 'test',
  })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  const queue = await api.get('/api/v1/staff/applications', township.accessToken);
  expect(queue.body.applications).toHaveLength(0);
});

test('an enrol outcome a programme cannot take, or without consent, stores nothing', async () => {
  const edge = await api.post(`/api/v1/monitoring/tasks/${alertsBy['张*']}/visits`, enrolVisit('visit-edge-0001', { programme: 'dibaoEdge' }), grid.accessToken);
  expect(edge.status).toBe(400);
  expect(edge.body.error.code).toBe('MONITORING_ENROL_PROGRAMME');
  const noConsent = await api.post(`/api/v1/monitoring/tasks/${alertsBy['张*']}/visits`, enrolVisit('visit-noconsent1', { consent: undefined }), grid.accessToken);
  expect(noConsent.status).toBe(400);
  expect(noConsent.body.error.code).toBe('MONITORING_CONSENT_REQUIRED');
  expect((await api.get(`/api/v1/monitoring/tasks/${alertsBy['张*']}`, grid.accessToken)).body.visits).toHaveLength(0);
  expect((await api.get('/api/v1/staff/applications', township.accessToken)).body.applications).toHaveLength(0);
});

test('纳入救助 starts the person\'s application on the township desk, once, with the consent recorded and audited', async () => {
  const visit = enrolVisit('visit-enrol-0001');
  const recorded = await api.post(`/api/v1/monitoring/tasks/${alertsBy['张*']}/visits`, visit, grid.accessToken);
  expect(recorded.status).toBe(201);
  const applicationId = recorded.body.visits[0].outcome.applicationId;
  expect(applicationId).toEqual(expect.any(String));

  // A retried visit (bad network) is the same visit and the same application.
  const retried = await api.post(`/api/v1/monitoring/tasks/${alertsBy['张*']}/visits`, visit, grid.accessToken);
  expect(retried.status).toBe(201);
  expect(retried.body.visits).toHaveLength(1);
  expect(retried.body.visits[0].outcome.applicationId).toBe(applicationId);
  // A retry that reaches the applications domain again (the visit was cut short after the start) finds the same application.
  const worker = await stack.app.services.users.findById(grid.user.id);
  const again = await stack.app.applications.startOnBehalf({ requestId: 'retry', actor: worker! }, {
    key: `monitoring:${alertsBy['张*']}:visit-enrol-0001`, programme: 'dibao',
    person: { idNumberBlindIndex: stack.app.services.pii.blindIndex(ZHANG), name: '张三', idNumberMasked: '3***', idNumberCipher: '', regionCode: '371402001001', householdSize: 4 },
    consent: { signedName: '张三', at: new Date() }, origin: { kind: 'monitoringAlert', id: alertsBy['张*'] }, reason: 'retry',
  });
  expect(again).toEqual({ applicationId, created: false });

  // The township's desk: one application, the person's (not the worker's), waiting to be accepted.
  const queue = await api.get('/api/v1/staff/applications', township.accessToken);
  expect(queue.status).toBe(200);
  expect(queue.body.applications).toEqual([expect.objectContaining({ id: applicationId, programme: 'dibao', status: 'submitted', applicantNameMasked: '张*', filedByHelper: true, applicantConfirmed: false, regionCode: '371402001001' })]);
  // Another township's desk does not show it.
  expect((await api.get('/api/v1/staff/applications', otherTownship.accessToken)).body.applications).toHaveLength(0);

  // The case: prefilled (the person, the household size, the reason), the consent as its first event.
  const detail = await api.get(`/api/v1/staff/applications/${applicationId}`, township.accessToken);
  expect(detail.status).toBe(200);
  expect(detail.body.form.members).toEqual([expect.objectContaining({ relation: 'self', name: '张三' })]);
  expect(detail.body.form.reason).toContain('入户核查');
  expect(detail.body.allowedActions).toEqual(expect.arrayContaining(['accept', 'requestSupplement']));
  const first = detail.body.timeline[0];
  expect(first.action).toBe('submit');
  expect(first.note).toContain('张三');
  expect(first.details.startedOnBehalf.consent).toMatchObject({ signedName: '张三', capturedBy: grid.user.id, at: visit.visitedAt });
  expect(first.details.startedOnBehalf).toMatchObject({ origin: 'monitoringAlert', originId: alertsBy['张*'] });
  expect(JSON.stringify(detail.body)).not.toContain(ZHANG);

  const audit = await api.get(`/api/v1/admin/audit?subjectId=application:${applicationId}&limit=20`, admin.accessToken);
  expect(audit.status).toBe(200);
  // One start, audited once (the retries added none), beside the staff reads of the case.
  expect(audit.body.entries.filter((e: any) => e.action === 'application.fileOnBehalf')).toEqual([
    expect.objectContaining({ actorId: grid.user.id, details: expect.objectContaining({ consentSignedName: '张三', originId: alertsBy['张*'], programme: 'dibao' }) }),
  ]);

  // The alert shows it to the desk and the worker; staff continue it (受理 confirms that the person applies).
  expect((await api.get(`/api/v1/staff/monitoring/alerts/${alertsBy['张*']}`, township.accessToken)).body.visits[0].outcome).toMatchObject({ kind: 'enrol', consentGiven: true, applicationId });
  const accepted = await api.post(`/api/v1/staff/applications/${applicationId}/accept`, {}, township.accessToken);
  expect(accepted.status).toBe(200);
  expect(accepted.body.status).toBe('accepted');
});

test('the person, who had no account, sees the application once their identity is verified — and only then', async () => {
  const [{ id: applicationId }] = (await api.get('/api/v1/staff/applications', township.accessToken)).body.applications;
  const impostor = await api.signIn('e-impostor');
  await api.put('/api/v1/me/profile', { name: '张三', idNumber: ZHANG, phone: '13900001111', hukou: 'urban', regionCode: '371402001' }, impostor.accessToken);
  expect((await api.get(`/api/v1/applications/${applicationId}`, impostor.accessToken)).status).toBe(404);

  const person = await verifiedResident(stack, 'e-zhang', { name: '张三', idNumber: ZHANG });
  const mine = await api.get('/api/v1/applications', person.accessToken);
  expect(mine.body.applications.map((a: any) => a.id)).toContain(applicationId);
  expect((await api.get(`/api/v1/applications/${applicationId}`, person.accessToken)).status).toBe(200);
});

test('a 随手拍 about someone not identified cannot be enrolled: a clear 409, nothing stored', async () => {
  const resident = await api.signIn('e-resident');
  const sent = await api.post('/api/v1/monitoring/hardship-reports', { requestKey: 'report-enrol-01', text: '楼下有位老人独居，行动不便', regionCode: '371402001001', address: '新华街道某小区' }, resident.accessToken);
  expect(sent.status).toBe(201);
  await api.post(`/api/v1/staff/monitoring/alerts/${sent.body.id}/assign`, { assigneeId: grid.user.id }, township.accessToken);
  const res = await api.post(`/api/v1/monitoring/tasks/${sent.body.id}/visits`, enrolVisit('visit-unknown-01'), grid.accessToken);
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('MONITORING_ENROL_PERSON_UNKNOWN');
  expect((await api.get(`/api/v1/monitoring/tasks/${sent.body.id}`, grid.accessToken)).body.visits).toHaveLength(0);
});
