import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { csv, idNo, importAndEvaluate, monthsAgo, populationCsv, uploadMonitoring } from './monitoringSupport';

/** Department files and rules that are wrong: a clear 4xx, nothing half-done, nothing leaked. */
let stack: Stack;
let api: ReturnType<typeof client>;
let township: { accessToken: string };
let county: { accessToken: string };
let farCounty: { accessToken: string };

beforeAll(async () => {
  stack = await startStack({ overrides: { monitoring: { contentCheck: 'off' } } });
  api = client(stack.baseUrl);
  township = await api.signIn('d-township', { role: 'staff', regionCode: '371402001', level: 'township' });
  county = await api.signIn('d-county', { role: 'staff', regionCode: '371402', level: 'county' });
  farCounty = await api.signIn('d-far', { role: 'staff', regionCode: '371500', level: 'county' });
});
afterAll(async () => { await stack.stop(); });

const jobs = () => stack.app.db.collection('monitoring_jobs').countDocuments({ kind: 'import' });

test('an unknown source is 400 MONITORING_SOURCE_UNKNOWN (upload, mapping), and nothing is stored', async () => {
  expectEnvelope(await uploadMonitoring(stack, township.accessToken, 'source=weather', csv(['身份证号,日期', `${idNo(1)},2025-01-01`])) as any, 400, 'MONITORING_SOURCE_UNKNOWN');
  expectEnvelope(await api.get('/api/v1/staff/monitoring/import-mappings/constructor', township.accessToken), 400, 'MONITORING_SOURCE_UNKNOWN');
  expect(await jobs()).toBe(0);
});

test('a file missing a required column is refused at upload, naming it; a non-CSV is 415', async () => {
  const r = await uploadMonitoring(stack, township.accessToken, 'source=medical', csv(['身份证号,姓名,结算日期', `${idNo(1)},张三,2025-01-01`]));
  expectEnvelope(r as any, 400, 'MONITORING_IMPORT_MISSING_COLUMNS');
  expect(r.body.error.details.missing).toEqual(['amount']);
  expect(r.body.error.message).toContain('个人自付');
  const bin = await uploadMonitoring(stack, township.accessToken, 'source=medical', Buffer.from([0, 1, 2, 3, 0, 0, 9, 9]), 'x.csv');
  expectEnvelope(bin as any, 415, 'MONITORING_IMPORT_FILE_TYPE');
  expect(await jobs()).toBe(0);
});

test('rows with bad ID numbers, dates or grades are reported per row and stored nowhere', async () => {
  await importAndEvaluate(stack, township.accessToken, 'populationList', populationCsv([{ id: idNo(5), name: '周五' }]));
  const bad = idNo(5).slice(0, 17) + (idNo(5).endsWith('1') ? '2' : '1');
  const { imp } = await importAndEvaluate(stack, township.accessToken, 'disability', csv([
    '身份证号,姓名,残疾等级,发证日期',
    `${bad},周五,一级,${monthsAgo(1)}`,
    `${idNo(5)},周五,五级,${monthsAgo(1)}`,
    `${idNo(5)},周五,二级,2099-01-01`,
    `${idNo(5)},周五,二级,${monthsAgo(1)}`,
  ]));
  expect(imp.counts).toMatchObject({ rows: 4, accepted: 1, rejected: 3 });
  const report = await api.get(`/api/v1/staff/monitoring/imports/${imp.id}/report?status=rejected`, township.accessToken);
  expect(report.body.rows.map((r: any) => r.problems)).toEqual([['idNumberCheckDigit'], ['gradeInvalid'], ['dateInFuture']]);
  expect(report.body.rows[0].reason).toContain('校验位');
  expect(JSON.stringify(report.body)).not.toContain(bad);
  expect(await stack.app.db.collection('monitoring_records').countDocuments({})).toBe(1);
  // Another county's staff do not see the import.
  expectEnvelope(await api.get(`/api/v1/staff/monitoring/imports/${imp.id}`, farCounty.accessToken), 404);
});

test('rules with invalid thresholds are 422 with every problem; a township may not set rules; nothing saved', async () => {
  const rule = (over: object) => ({ id: 'm1', kind: 'medicalOutOfPocket', enabled: true, groups: [], level: 'yellow', thresholds: { amountFen: 2_000_000, redAmountFen: 5_000_000 }, source: { title: '某市办法' }, ...over });
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const r = await api.post('/api/v1/staff/monitoring/rules', {
    regionCode: '371402', effectiveFrom: tomorrow,
    rules: [rule({ thresholds: { amountFen: 5_000_000, redAmountFen: 1_000_000 } }), rule({ id: 'm2', thresholds: { amountFen: -5, redAmountFen: 100, incomeSharePercent: 80, redIncomeSharePercent: 40 } }), rule({ id: 'd', kind: 'severeDisability', thresholds: { maxGrade: 7 } })],
  }, county.accessToken);
  expectEnvelope(r, 422, 'MONITORING_RULE_INVALID');
  expect(r.body.error.details.problems.map((p: any) => `${p.ruleId}:${p.field}`)).toEqual([
    'm1:thresholds.redAmountFen', 'm2:thresholds.amountFen', 'm2:thresholds.redIncomeSharePercent', 'd:thresholds.maxGrade', 'd:thresholds.recentMonths',
  ]);
  expectEnvelope(await api.post('/api/v1/staff/monitoring/rules', { regionCode: '371402001', effectiveFrom: tomorrow, rules: [rule({})] }, township.accessToken), 403, 'MONITORING_COUNTY_ONLY');
  expectEnvelope(await api.post('/api/v1/staff/monitoring/rules', { regionCode: '371402', effectiveFrom: '2020-01-01', rules: [rule({})] }, county.accessToken), 409, 'MONITORING_RULES_IN_PAST');
  expect(await stack.app.db.collection('monitoring_rule_sets').countDocuments({})).toBe(0);
  const ok = await api.post('/api/v1/staff/monitoring/rules', { regionCode: '371402', effectiveFrom: tomorrow, rules: [rule({})] }, county.accessToken);
  expect(ok.status).toBe(201);
  expectEnvelope(await api.post('/api/v1/staff/monitoring/rules', { regionCode: '371402', effectiveFrom: tomorrow, rules: [rule({})] }, county.accessToken), 409, 'MONITORING_RULES_CONFLICT');
  const list = await api.get('/api/v1/staff/monitoring/rules', township.accessToken);
  expect(list.body.inForce.isDefault).toBe(true); // the new version starts tomorrow
  expect(list.body.versions).toHaveLength(1);
});
