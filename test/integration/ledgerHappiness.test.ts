import { randomUUID } from 'node:crypto';
import { shanghaiDate, shanghaiMonth, shanghaiYear } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { csv, idNumber, resident, staffIn, uploadImport, waitForJob } from './ledgerSupport';

let stack: Stack;
let api: ReturnType<typeof client>;
let staff: { accessToken: string; user: { id: string } };
let wang: { accessToken: string; user: { id: string } };
let li: { accessToken: string; user: { id: string } };
const WANG = idNumber(11);
const LI = idNumber(12, '371502');
const YEAR = 2025;

/** An entitlement as the applications domain writes it (collection `entitlements`). */
async function entitlement(id: string, blindIndex: string, regionCode: string, monthlyFen: number, extra: object = {}) {
  await stack.app.db.collection('entitlements').insertOne({
    _id: id, applicationId: id, programme: 'dibao', beneficiary: { userId: null, name: '王建国', idNumberCipher: 'x', idNumberMasked: '3***************01', idNumberBlindIndex: blindIndex },
    regionCode, regionKeys: [], payment: 'monthly', monthlyAmountFen: monthlyFen, oneOffAmountFen: null, startMonth: '2025-01', nextRecheckOn: null, status: 'active',
    approvedAt: new Date(), approvedBy: 'test', ...extra,
  } as never);
}

const job = (id: string) => `/api/v1/staff/ledger-jobs/${id}`;
const blindIndexOf = async (userId: string) => (await stack.app.db.collection('profiles').findOne({ _id: userId } as never))!.idNumberBlindIndex as string;

beforeAll(async () => {
  stack = await startStack();
  api = client(stack.baseUrl);
  wang = await resident(stack, 'hl-wang', WANG, '371402001', '王建国');
  li = await resident(stack, 'hl-li', LI, '371502', '李秀英');
  staff = await staffIn(stack, 'hl-staff', '371400');
  await entitlement('ent-wang-dibao', await blindIndexOf(wang.user.id), '371402001', 75500);
  await entitlement('ent-wang-heating', await blindIndexOf(wang.user.id), '371402001', 0, { programme: 'heating', payment: 'oneOff', oneOffAmountFen: 60000 });
  await entitlement('ent-li', await blindIndexOf(li.user.id), '371502', 93100);
  await entitlement('ent-late', await blindIndexOf(wang.user.id), '371402001', 100, { programme: 'disabilityLiving', startMonth: '2025-06' });
});
afterAll(() => stack.stop());

describe('payment runs', () => {
  it('pays each active entitlement of the region once, however often and however concurrently it runs', async () => {
    const r1 = await api.post('/api/v1/staff/payment-runs', { period: '2025-03' }, staff.accessToken);
    expect(r1.status).toBe(202);
    const d1 = await waitForJob(stack, staff.accessToken, job(r1.body.id));
    expect(d1).toMatchObject({ status: 'done', period: '2025-03', counts: { total: 3, created: 2, unchanged: 0, skipped: 1 }, totalFen: 135500 });
    // Twice more at once, and once after: nothing more is paid.
    const [a, b] = await Promise.all([api.post('/api/v1/staff/payment-runs', { period: '2025-03' }, staff.accessToken), api.post('/api/v1/staff/payment-runs', { period: '2025-03' }, staff.accessToken)]);
    const [da, db] = await Promise.all([waitForJob(stack, staff.accessToken, job(a.body.id)), waitForJob(stack, staff.accessToken, job(b.body.id))]);
    expect(da.counts.created + db.counts.created).toBe(0);
    const runRows = await stack.app.db.collection('disbursements').find({ source: 'paymentRun' }).toArray();
    expect(runRows.map((r) => r._id).sort()).toEqual(['run:ent-wang-dibao:2025-03', 'run:ent-wang-heating:once']);
    // The next month pays the monthly entitlement again, the one-off grant not again.
    const r4 = await api.post('/api/v1/staff/payment-runs', { period: '2025-04' }, staff.accessToken);
    expect((await waitForJob(stack, staff.accessToken, job(r4.body.id))).counts).toMatchObject({ created: 1, unchanged: 1 });
  });

  it('refuses a month that has not come yet (409: well-formed, not yet due), a malformed one (400), and a region outside the staff member', async () => {
    const runs = () => stack.app.db.collection('ledger_jobs').countDocuments({ kind: 'paymentRun' });
    const before = await runs();
    const [y, m] = shanghaiMonth().split('-').map(Number);
    const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    for (const period of [nextMonth, '2099-01']) {
      expectEnvelope(await api.post('/api/v1/staff/payment-runs', { period }, staff.accessToken), 409, 'LEDGER_PERIOD_NOT_YET');
    }
    for (const period of ['2025-13', '2025-3', '1999-12']) {
      expectEnvelope(await api.post('/api/v1/staff/payment-runs', { period }, staff.accessToken), 400, 'VALIDATION_FAILED');
    }
    expect(await runs()).toBe(before);
    expectEnvelope(await api.post('/api/v1/staff/payment-runs', { period: '2025-03', regionCode: '371500' }, staff.accessToken), 404, 'NOT_FOUND');
    expectEnvelope(await api.post('/api/v1/staff/payment-runs', { period: '2025-03' }, wang.accessToken), 403, 'FORBIDDEN');
  });
});

describe('the 幸福清单', () => {
  let pubId: string;

  it('is not there before it is published', async () => {
    expectEnvelope(await api.get(`/api/v1/happiness-lists/${YEAR}`, wang.accessToken), 404, 'HAPPINESS_LIST_NOT_PUBLISHED');
  });

  it('publishes the region\'s statements with progress, and the beneficiary reads theirs', async () => {
    const up = await uploadImport(stack, staff.accessToken, 'source=medical', csv(['身份证号,金额,发放月份', `${WANG},1234.56,2025-05`]), 'm.csv');
    await waitForJob(stack, staff.accessToken, `/api/v1/staff/ledger/imports/${up.body.id}`);
    const pub = await api.post('/api/v1/staff/happiness-lists/publish', { year: YEAR }, staff.accessToken);
    expect(pub.status).toBe(202);
    pubId = pub.body.id;
    const done = await waitForJob(stack, staff.accessToken, job(pubId));
    expect(done).toMatchObject({ kind: 'publish', status: 'done', counts: { total: 1, done: 1, created: 1 } });

    const list = await api.get(`/api/v1/happiness-lists/${YEAR}`, wang.accessToken);
    expect(list.status).toBe(200);
    const body = list.body;
    expect(body).toMatchObject({ year: YEAR, version: 1, published: true, beneficiary: { nameMasked: '王**', regionCode: '371402001' } });
    expect(body.programmes.map((p: any) => [p.programme, p.totalFen])).toEqual([['dibao', 151000], ['heating', 60000], ['medical', 123456]]);
    expect(body.programmes[0].months.slice(1, 5)).toEqual([0, 75500, 75500, 0]);
    expect(body.grandTotalFen).toBe(334456);
    expect(body.summary).toBe('2025年，您一共领取了 3 项救助，合计 3344.56 元。');
    expect(body.standards.some((s: any) => s.programme === 'dibao' && s.text.includes('755.00'))).toBe(true);
    expect(JSON.stringify(body)).not.toContain(WANG);
    // Stored as one snapshot under "<blind index>:<year>".
    expect(await stack.app.db.collection('happiness_lists').countDocuments({ _id: `${await blindIndexOf(wang.user.id)}:${YEAR}` } as never)).toBe(1);
    expect((await api.get('/api/v1/happiness-lists/notices', wang.accessToken)).body.notices).toHaveLength(1);
    expect((await api.get('/api/v1/happiness-lists', wang.accessToken)).body.years).toEqual([{ year: YEAR, version: 1 }]);
  });

  it('serves a printable PDF', async () => {
    const res = await fetch(`${stack.baseUrl}/api/v1/happiness-lists/${YEAR}/pdf`, { headers: { authorization: `Bearer ${wang.accessToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
  });

  it('nobody reads another person\'s statement; staff only inside their region (audited)', async () => {
    expectEnvelope(await api.get(`/api/v1/happiness-lists/${YEAR}`, li.accessToken), 404, 'HAPPINESS_LIST_NOT_PUBLISHED');
    expectEnvelope(await api.get(`/api/v1/staff/happiness-lists/${wang.user.id}/${YEAR}`, li.accessToken), 404, 'NOT_FOUND');
    const lc = await staffIn(stack, 'hl-staff-lc', '371500');
    expectEnvelope(await api.get(`/api/v1/staff/happiness-lists/${wang.user.id}/${YEAR}`, lc.accessToken), 404, 'NOT_FOUND');
    expectEnvelope(await api.post('/api/v1/staff/happiness-lists/publish', { year: YEAR, regionCode: '371400' }, lc.accessToken), 404, 'NOT_FOUND');
    expectEnvelope(await api.get(job(pubId), lc.accessToken), 404, 'NOT_FOUND');
    const r = await api.get(`/api/v1/staff/happiness-lists/${wang.user.id}/${YEAR}`, staff.accessToken);
    expect(r.status).toBe(200);
    expect(r.body.grandTotalFen).toBe(334456);
    expect(await stack.app.models.Audit.countDocuments({ action: 'happinessList.read', subjectId: wang.user.id, actorId: (staff as any).user.id })).toBe(1);
    // Preview of an unpublished person (Li, in Liaocheng) for Liaocheng staff.
    const p = await api.get(`/api/v1/staff/happiness-lists/${li.user.id}/${YEAR}`, lc.accessToken);
    expect(p.body).toMatchObject({ published: false, grandTotalFen: 0 });
  });

  it('a correction publishes a new version that shows what changed; unchanged statements are not republished', async () => {
    const same = await api.post('/api/v1/staff/happiness-lists/publish', { year: YEAR }, staff.accessToken);
    expect((await waitForJob(stack, staff.accessToken, job(same.body.id))).counts).toMatchObject({ created: 0, unchanged: 1 });

    const rows = await api.get(`/api/v1/staff/ledger/disbursements?beneficiaryId=${wang.user.id}&year=${YEAR}`, staff.accessToken);
    const march = rows.body.disbursements.find((d: any) => d.id === 'run:ent-wang-dibao:2025-03');
    const key = randomUUID();
    const adj = await api.post(`/api/v1/staff/ledger/disbursements/${encodeURIComponent(march.id)}/adjustments`, { amountFen: -5500, reason: '3月多发，扣回', requestKey: key }, staff.accessToken);
    expect(adj.status).toBe(201);
    expect(adj.body).toMatchObject({ source: 'adjustment', correctsId: march.id, amountFen: -5500 });
    // A retried request lands once.
    await api.post(`/api/v1/staff/ledger/disbursements/${encodeURIComponent(march.id)}/adjustments`, { amountFen: -5500, reason: '3月多发，扣回', requestKey: key }, staff.accessToken);
    expect(await stack.app.db.collection('disbursements').countDocuments({ correctsId: march.id })).toBe(1);
    // The original row is untouched.
    expect((await stack.app.db.collection('disbursements').findOne({ _id: march.id } as never))!.amountFen).toBe(75500);

    const v2 = await api.post('/api/v1/staff/happiness-lists/publish', { year: YEAR }, staff.accessToken);
    expect((await waitForJob(stack, staff.accessToken, job(v2.body.id))).counts).toMatchObject({ created: 1 });
    const list = (await api.get(`/api/v1/happiness-lists/${YEAR}`, wang.accessToken)).body;
    expect(list.version).toBe(2);
    expect(list.programmes[0].months[2]).toBe(70000);
    expect(list.changes.map((c: any) => c.text)).toEqual(['最低生活保障（低保） 3月：755.00 元 → 700.00 元']);
    expect(await stack.app.db.collection('happiness_list_versions').countDocuments()).toBe(2);
    expect((await api.get('/api/v1/happiness-lists/notices', wang.accessToken)).body.notices[0].text).toContain('第2版');
  });

  it('two publishes of the same region and year at once: one runs, the other is told to wait', async () => {
    const [a, b] = await Promise.all([
      api.post('/api/v1/staff/happiness-lists/publish', { year: YEAR }, staff.accessToken),
      api.post('/api/v1/staff/happiness-lists/publish', { year: YEAR }, staff.accessToken),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(202);
    if (statuses[1] !== 202) expectEnvelope([a, b].find((r) => r.status !== 202)!, 409, 'LEDGER_JOB_BUSY');
    for (const r of [a, b]) if (r.status === 202) await waitForJob(stack, staff.accessToken, job(r.body.id));
    expect(await stack.app.db.collection('happiness_list_versions').countDocuments()).toBe(2);
  });

  it('feedback: confirm receipt once, rate, raise a question that staff answer; counts per region', async () => {
    const c = await api.post(`/api/v1/happiness-lists/${YEAR}/confirm`, { version: 2 }, wang.accessToken);
    expect(c.status).toBe(200);
    expect(c.body.confirmedVersion).toBe(2);
    expectEnvelope(await api.post(`/api/v1/happiness-lists/${YEAR}/confirm`, { version: 2 }, wang.accessToken), 409, 'HAPPINESS_ALREADY_CONFIRMED');
    expect((await api.put(`/api/v1/happiness-lists/${YEAR}/rating`, { score: 5 }, wang.accessToken)).body.rating).toEqual({ score: 5, comment: '' });
    expect((await api.put(`/api/v1/happiness-lists/${YEAR}/rating`, { score: 4, comment: '很清楚' }, wang.accessToken)).body.rating).toEqual({ score: 4, comment: '很清楚' });
    const q = await api.post(`/api/v1/happiness-lists/${YEAR}/questions`, { text: '5月的医疗救助是哪次看病的？', programme: 'medical', month: 5 }, wang.accessToken);
    expect(q.status).toBe(201);
    expect(q.body.status).toBe('open');
    expectEnvelope(await api.post(`/api/v1/happiness-lists/${YEAR}/questions`, { text: '我有问题' }, li.accessToken), 404);

    let stats = (await api.get(`/api/v1/staff/happiness-lists/stats?year=${YEAR}`, staff.accessToken)).body;
    expect(stats).toMatchObject({ published: 1, confirmations: 1, ratings: 1, ratingSum: 4, openQuestions: 1, answeredQuestions: 0 });

    const lc = await staffIn(stack, 'hl-staff-lc2', '371500');
    expect((await api.get('/api/v1/staff/happiness-questions?status=open', lc.accessToken)).body.questions).toHaveLength(0);
    expectEnvelope(await api.post(`/api/v1/staff/happiness-questions/${q.body.id}/answer`, { text: '不归你管' }, lc.accessToken), 404);
    const open = (await api.get('/api/v1/staff/happiness-questions?status=open', staff.accessToken)).body.questions;
    expect(open).toEqual([expect.objectContaining({ id: q.body.id, nameMasked: '王**', programme: 'medical', month: 5 })]);
    const ans = await api.post(`/api/v1/staff/happiness-questions/${q.body.id}/answer`, { text: '是5月12日在市人民医院住院的报销。' }, staff.accessToken);
    expect(ans.status).toBe(200);
    expect(ans.body.status).toBe('answered');

    const fb = (await api.get(`/api/v1/happiness-lists/${YEAR}/feedback`, wang.accessToken)).body;
    expect(fb.questions[0]).toMatchObject({ status: 'answered', answers: [{ text: '是5月12日在市人民医院住院的报销。' }] });
    stats = (await api.get(`/api/v1/staff/happiness-lists/stats?year=${YEAR}`, staff.accessToken)).body;
    expect(stats).toMatchObject({ openQuestions: 0, answeredQuestions: 1 });
    const closed = await api.post(`/api/v1/staff/happiness-questions/${q.body.id}/answer`, { text: '已电话回访，办结。', close: true }, staff.accessToken);
    expect(closed.body.status).toBe('closed');
    expectEnvelope(await api.post(`/api/v1/staff/happiness-questions/${q.body.id}/answer`, { text: '再说一句' }, staff.accessToken), 409, 'HAPPINESS_QUESTION_CLOSED');
  });
});

describe('the standards that applied', () => {
  it('shows a period an admin added, as soon as it is in force', async () => {
    // This year's statement: this month's payment run, then publish the year.
    const year = shanghaiYear();
    const today = shanghaiDate();
    const run = await api.post('/api/v1/staff/payment-runs', { period: shanghaiMonth() }, staff.accessToken);
    expect((await waitForJob(stack, staff.accessToken, job(run.body.id))).status).toBe('done');
    const publishYear = async () => {
      const pub = await api.post('/api/v1/staff/happiness-lists/publish', { year }, staff.accessToken);
      expect(pub.status).toBe(202);
      return waitForJob(stack, staff.accessToken, job(pub.body.id));
    };
    expect((await publishYear()).counts).toMatchObject({ created: 1 });
    const dibaoStandards = async () => ((await api.get(`/api/v1/happiness-lists/${year}`, wang.accessToken)).body.standards as { programme: string; label: string; text: string }[])
      .filter((s) => s.programme === 'dibao');
    expect((await dibaoStandards()).some((s) => s.text.includes('755.00'))).toBe(true);

    // An admin adds Dezhou's new standards, in force from today (so on the year's last day too).
    const admin = await api.signIn('hl-admin', { role: 'admin' });
    const source = '德州市民政局 标准调整通知（测试）';
    const added = await api.post('/api/v1/admin/policy/periods', {
      regionCode: '371400', regionName: '德州市',
      period: { effectiveFrom: today, rates: { dibao: { urban: { fen: 81000, per: 'month', source }, rural: { fen: 61000, per: 'month', source } } }, employmentDeduction: { value: 0, note: '未公布扣除比例' } },
    }, admin.accessToken);
    expect(added.status).toBe(201);

    // Republished (the figures did not change, so no new version), the statement shows the new standard.
    expect((await publishYear()).counts).toMatchObject({ created: 0, unchanged: 1 });
    const standards = await dibaoStandards();
    expect(standards).toEqual([
      { programme: 'dibao', label: '德州市 城市低保标准', text: `每人每月 810.00 元（自 ${today} 起执行）` },
      { programme: 'dibao', label: '德州市 农村低保标准', text: `每人每月 610.00 元（自 ${today} 起执行）` },
    ]);
    // The 2025 statement keeps the standards in force at the end of 2025.
    expect((await api.get(`/api/v1/happiness-lists/${YEAR}`, wang.accessToken)).body.standards.some((s: { text: string }) => s.text.includes('755.00'))).toBe(true);
  });
});
