import { addMonths, shanghaiDate, shanghaiMonth, shanghaiYear } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { expectEnvelope } from '../support/http';
import { idNumber, resident, staffIn, waitForJob } from './ledgerSupport';
import { recheckKit } from './recheckSupport';

let stack: Stack;
let kit: ReturnType<typeof recheckKit>;
let staff: string;
let wang: { accessToken: string; user: { id: string } };

beforeAll(async () => {
  stack = await startStack();
  kit = recheckKit(stack);
  staff = (await staffIn(stack, 'rc-staff', '371402')).accessToken;
  wang = await resident(stack, 'rc-wang', idNumber(41), '371402001', '王建国');
});
afterAll(() => stack.stop());

const dataCheck = { hukou: 'urban', householdSize: 2, monthlyIncomeFen: 90000, householdStable: true, findings: '老两口，退休金增加' };

describe('a yearly recheck', () => {
  it('comes due, and its adjusted amount is what the next payment run pays and the 幸福清单 shows', async () => {
    const { api } = kit;
    const month = shanghaiMonth();
    const before = addMonths(month, -1);
    await kit.entitlement('ent-rc-wang', await kit.blindIndexOf(wang.user.id), { monthlyFen: 75500, startMonth: addMonths(month, -13), nextRecheckOn: shanghaiDate() });

    // The schedule opens it once, however often it runs.
    expect((await stack.app.recheck.runSchedule()).opened).toBe(1);
    expect((await stack.app.recheck.runSchedule()).opened).toBe(0);
    const queue = await api.get('/api/v1/staff/rechecks', staff);
    expect(queue.status).toBe(200);
    expect(queue.body.rechecks).toHaveLength(1);
    const rc = queue.body.rechecks[0];
    expect(rc).toMatchObject({ entitlementId: 'ent-rc-wang', trigger: 'schedule', status: 'open', allowedActions: ['recordDataCheck'], overdue: false });

    // Out of order: no decision before the data check; nothing changes.
    const decision = { outcome: 'adjust', fromMonth: month, monthlyAmountFen: 50000, reasons: ['家庭月收入增加（退休金调整）'] };
    expectEnvelope(await api.post(`/api/v1/staff/rechecks/${rc.id}/decision`, decision, staff), 409, 'RECHECK_ACTION_NOT_ALLOWED');
    expectEnvelope(await api.post(`/api/v1/staff/rechecks/${rc.id}/visits`, { visitedOn: shanghaiDate(), investigators: ['张伟', '刘芳'], findings: '在家' }, staff), 409, 'RECHECK_ACTION_NOT_ALLOWED');
    // Staff of another county do not see it.
    const other = (await staffIn(stack, 'rc-other', '371502')).accessToken;
    expectEnvelope(await api.get(`/api/v1/staff/rechecks/${rc.id}`, other), 404, 'RECHECK_NOT_FOUND');

    const checked = await api.post(`/api/v1/staff/rechecks/${rc.id}/data-check`, dataCheck, staff);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ status: 'checked', allowedActions: ['recordDataCheck', 'recordVisit', 'decide'], currentMonthlyAmountFen: 75500 });
    expect((await api.post(`/api/v1/staff/rechecks/${rc.id}/visits`, { visitedOn: shanghaiDate(), investigators: ['张伟', '刘芳'], findings: '两位老人在家' }, staff)).status).toBe(200);

    // A cut without reasons is refused, and so is a month already past.
    expectEnvelope(await api.post(`/api/v1/staff/rechecks/${rc.id}/decision`, { ...decision, reasons: ['  '] }, staff), 400, 'RECHECK_REASONS_REQUIRED');
    expectEnvelope(await api.post(`/api/v1/staff/rechecks/${rc.id}/decision`, { ...decision, fromMonth: before }, staff), 409, 'RECHECK_FROM_MONTH_INVALID');
    const decided = await api.post(`/api/v1/staff/rechecks/${rc.id}/decision`, decision, staff);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'closed', allowedActions: [], currentMonthlyAmountFen: 50000, decision: { outcome: 'adjust', fromMonth: month, monthlyAmountFen: 50000 } });
    expect(decided.body.letterId).toMatch(/^lt_/);
    expectEnvelope(await api.post(`/api/v1/staff/rechecks/${rc.id}/decision`, decision, staff), 409, 'RECHECK_ACTION_NOT_ALLOWED');

    // The payment runs: last month the old amount, this month the new one.
    await kit.pay(staff, before);
    await kit.pay(staff, month);
    expect(await kit.paid('ent-rc-wang')).toEqual({ [before]: 75500, [month]: 50000 });

    // The person sees the new amount, the next recheck a year on, the message and the letter.
    const ents = await api.get('/api/v1/entitlements', wang.accessToken);
    expect(ents.body.entitlements[0]).toMatchObject({ monthlyAmountFen: 50000, status: 'active' });
    expect(ents.body.entitlements[0].nextRecheckOn > shanghaiDate()).toBe(true);
    const messages = await api.get('/api/v1/messages', wang.accessToken);
    expect(messages.body.messages.some((m: { title: string; body: string }) => m.title.includes('金额调整') && m.body.includes('500.00'))).toBe(true);
    const letters = await api.get('/api/v1/recheck/letters', wang.accessToken);
    expect(letters.body.letters).toHaveLength(1);
    expect(letters.body.letters[0]).toMatchObject({ kind: 'adjust', fromMonth: month, monthlyAmountFen: 50000, reasons: ['家庭月收入增加（退休金调整）'] });
    expect(letters.body.letters[0].computedReasons[0]).toContain('900.00');

    // The 幸福清单 (built from disbursements) shows the month's new amount.
    const year = shanghaiYear();
    const pub = await api.post('/api/v1/staff/happiness-lists/publish', { year }, staff);
    expect(pub.status).toBe(202);
    await waitForJob(stack, staff, `/api/v1/staff/ledger-jobs/${pub.body.id}`);
    const list = await api.get(`/api/v1/happiness-lists/${year}`, wang.accessToken);
    expect(list.status).toBe(200);
    const dibao = list.body.programmes.find((p: { programme: string }) => p.programme === 'dibao');
    expect(dibao.months[Number(month.slice(5)) - 1]).toBe(50000);
    if (before.startsWith(String(year))) expect(dibao.months[Number(before.slice(5)) - 1]).toBe(75500);
  });
});

describe('two staff deciding the same recheck at once', () => {
  it('gives one decision and one 409; the entitlement changes once', async () => {
    const { api } = kit;
    const month = shanghaiMonth();
    const zhao = await resident(stack, 'rc-zhao', idNumber(42), '371402001', '赵桂兰');
    await kit.entitlement('ent-rc-zhao', await kit.blindIndexOf(zhao.user.id), { name: '赵桂兰', monthlyFen: 70000 });
    const ctx = { requestId: 'test', actor: { _id: 'staff', roles: ['staff'], staff: { level: 'county', regionCode: '371402' } } as never };
    const { rechecks } = await stack.app.recheck.open(ctx, { blindIndex: await kit.blindIndexOf(zhao.user.id), reason: '复查申请', trigger: 'reviewRequest' });
    expect(rechecks).toHaveLength(1);
    // The same finding again opens nothing new.
    expect((await stack.app.recheck.open(ctx, { blindIndex: await kit.blindIndexOf(zhao.user.id), reason: '复查申请', trigger: 'reviewRequest' })).rechecks[0]).toMatchObject({ id: rechecks[0].id, created: false });
    const id = rechecks[0].id;
    expect((await api.post(`/api/v1/staff/rechecks/${id}/data-check`, { ...dataCheck, householdSize: 1 }, staff)).status).toBe(200);
    const second = (await staffIn(stack, 'rc-staff-2', '371402')).accessToken;
    const [a, b] = await Promise.all([
      api.post(`/api/v1/staff/rechecks/${id}/decision`, { outcome: 'adjust', fromMonth: month, monthlyAmountFen: 60000, reasons: ['收入增加'] }, staff),
      api.post(`/api/v1/staff/rechecks/${id}/decision`, { outcome: 'adjust', fromMonth: month, monthlyAmountFen: 65000, reasons: ['收入增加'] }, second),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const changes = await stack.app.db.collection('entitlement_changes').find({ entitlementId: 'ent-rc-zhao' } as never).toArray();
    expect(changes).toHaveLength(1);
    expect((await stack.app.applications.entitlement('ent-rc-zhao'))!.monthlyAmountFen).toBe((a.status === 200 ? a : b).body.decision.monthlyAmountFen);
  });
});
