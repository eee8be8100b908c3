import { addCalendarDays, addMonths, shanghaiDate, shanghaiMonth } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { idNumber, resident, staffIn } from './ledgerSupport';
import { recheckKit } from './recheckSupport';
import { csv, importAndEvaluate, monthsAgo } from './monitoringSupport';
import { demoServicesOf } from '../../server/src/domains/recheck/demo';

let stack: Stack;
let kit: ReturnType<typeof recheckKit>;
let staff: string;

beforeAll(async () => {
  // 德州 (3714) gives a 渐退期 of 3 months; elsewhere the default.
  stack = await startStack({ overrides: { recheck: { phaseOutMonthsByRegion: { '3714': 3 } } } });
  kit = recheckKit(stack);
  staff = (await staffIn(stack, 'rx-staff', '371402')).accessToken;
});
afterAll(() => stack.stop());

const dataCheck = { hukou: 'urban', householdSize: 3, monthlyIncomeFen: 360000, householdStable: false, findings: '儿子在本地工厂务工' };

describe('a death in the department data', () => {
  it('holds the next payment at once and opens a recheck; the same row again changes nothing', async () => {
    const ID = idNumber(51);
    const gao = await resident(stack, 'rx-gao', ID, '371402001', '高玉珍');
    await kit.entitlement('ent-rx-gao', await kit.blindIndexOf(gao.user.id), { name: '高玉珍', monthlyFen: 62000 });
    await stack.app.monitoring.population.syncFromEntitlements('371402');
    const file = csv(['身份证号,姓名,事项,登记日期', `${ID},高玉珍,死亡,${monthsAgo(0)}`]);
    await importAndEvaluate(stack, staff, 'publicSecurity', file, 'death.csv');
    await importAndEvaluate(stack, staff, 'publicSecurity', file, 'death-again.csv');

    const month = shanghaiMonth();
    await kit.pay(staff, month);
    expect(await kit.paid('ent-rx-gao')).toEqual({});
    // Last month (alive) is still paid by a late run.
    await kit.pay(staff, addMonths(month, -1));
    expect(await kit.paid('ent-rx-gao')).toEqual({ [addMonths(month, -1)]: 62000 });

    const rechecks = (await kit.api.get('/api/v1/staff/rechecks', staff)).body.rechecks.filter((r: { entitlementId: string }) => r.entitlementId === 'ent-rx-gao');
    expect(rechecks).toHaveLength(1);
    expect(rechecks[0]).toMatchObject({ trigger: 'death', status: 'open' });
    expect(rechecks[0].deadline.slice(0, 7)).toBe(addMonths(shanghaiDate().slice(0, 7), 3));
  });
});

describe('an exit', () => {
  it('is explained in a letter with its reasons, and its 渐退期 pays its months and then nothing', async () => {
    const { api } = kit;
    const ID = idNumber(52);
    const li = await resident(stack, 'rx-li', ID, '371402001', '李春华');
    const month = shanghaiMonth();
    await kit.entitlement('ent-rx-li', await kit.blindIndexOf(li.user.id), { name: '李春华', monthlyFen: 80000, startMonth: addMonths(month, -12) });

    // The household reports the change; someone else's report for it is 404 and opens nothing.
    const stranger = await resident(stack, 'rx-stranger', idNumber(53), '371402001', '赵强');
    const report = { entitlementId: 'ent-rx-li', kind: 'income', text: '儿子在本地工厂务工，每月收入约3600元', happenedOn: shanghaiDate(), requestKey: 'report-li-0001' };
    expectEnvelope(await api.post('/api/v1/recheck/change-reports', report, stranger.accessToken), 404, 'RECHECK_ENTITLEMENT_NOT_FOUND');
    const filed = await api.post('/api/v1/recheck/change-reports', report, li.accessToken);
    expect(filed.status).toBe(201);
    expect(filed.body.recheckId).toMatch(/^rc_/);
    const again = await api.post('/api/v1/recheck/change-reports', report, li.accessToken);
    expect(again.body).toMatchObject({ id: filed.body.id, recheckId: filed.body.recheckId });

    // Decided five months ago (the demo clock of the domain): stop, income from work → 3 months of 渐退.
    const decidedMonth = addMonths(month, -5);
    const past = new Date(`${decidedMonth}-15T04:00:00Z`);
    const { desk } = demoServicesOf(stack.app)!.at(() => past);
    const actor = (await stack.app.db.collection('users').findOne({ roles: 'staff', 'staff.regionCode': '371402' } as never))!;
    const ctx = { requestId: 'test', actor: actor as never };
    await desk.recordDataCheck(ctx, filed.body.recheckId, dataCheck as never);
    await expect(desk.decide(ctx, filed.body.recheckId, { outcome: 'stop', reasons: [], stopCause: 'incomeFromWork' })).rejects.toMatchObject({ code: 'RECHECK_REASONS_REQUIRED' });
    const stopped = await desk.decide(ctx, filed.body.recheckId, { outcome: 'stop', reasons: ['家庭人均收入超过当地低保标准', '收入来自务工，给予渐退期'], stopCause: 'incomeFromWork' });
    expect(stopped.decision).toMatchObject({ outcome: 'stop', phaseOutMonths: 3, endFromMonth: addMonths(decidedMonth, 4) });

    // Every month since: paid through the 渐退期, nothing after.
    for (let m = addMonths(decidedMonth, 1); m <= month; m = addMonths(m, 1)) await kit.pay(staff, m);
    expect(await kit.paid('ent-rx-li')).toEqual({ [addMonths(decidedMonth, 1)]: 80000, [addMonths(decidedMonth, 2)]: 80000, [addMonths(decidedMonth, 3)]: 80000 });

    const letters = (await api.get('/api/v1/recheck/letters', li.accessToken)).body.letters;
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: 'stop', phaseOutMonths: 3, endFromMonth: addMonths(decidedMonth, 4), reasons: ['家庭人均收入超过当地低保标准', '收入来自务工，给予渐退期'] });
    expect(letters[0].computedReasons.join()).toContain('3600.00');
    const pdf = await fetch(`${stack.baseUrl}/api/v1/recheck/letters/${letters[0].id}/pdf`, { headers: { authorization: `Bearer ${li.accessToken}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expectEnvelope(await api.get(`/api/v1/recheck/letters/${letters[0].id}`, stranger.accessToken), 404, 'RECHECK_LETTER_NOT_FOUND');
    const messages = (await api.get('/api/v1/messages', li.accessToken)).body.messages;
    expect(messages.some((m: { title: string }) => m.title.includes('停止发放'))).toBe(true);
    expect((await api.get('/api/v1/entitlements', li.accessToken)).body.entitlements[0].status).toBe('ended');
  });

  it('of 特困 waits out its 7-day public notice before it takes effect', async () => {
    const { api } = kit;
    const ID = idNumber(54);
    const zhou = await resident(stack, 'rx-zhou', ID, '371402001', '周桂兰');
    await kit.entitlement('ent-rx-zhou', await kit.blindIndexOf(zhou.user.id), { name: '周桂兰', programme: 'tekun', monthlyFen: 110000 });
    const ctx = { requestId: 'test', actor: { _id: 'staff', roles: ['staff'], staff: { level: 'county', regionCode: '371402' } } as never };
    const opened = await stack.app.recheck.open(ctx, { blindIndex: await kit.blindIndexOf(zhou.user.id), reason: '入住养老机构，由子女接回赡养', trigger: 'supervision' });
    const id = opened.rechecks[0].id;
    expect((await api.post(`/api/v1/staff/rechecks/${id}/data-check`, { ...dataCheck, householdSize: 1, householdStable: true }, staff)).status).toBe(200);
    const decided = await api.post(`/api/v1/staff/rechecks/${id}/decision`, { outcome: 'stop', reasons: ['有法定赡养人且具备赡养能力'], stopCause: 'other' }, staff);
    expect(decided.body).toMatchObject({ status: 'noticing', notice: { startsOn: shanghaiDate(), endsOn: addCalendarDays(shanghaiDate(), 6) } });

    const board = await client(stack.baseUrl).get('/api/v1/exit-notices?regionCode=371402');
    expect(board.body.notices).toEqual([expect.objectContaining({ nameMasked: '周**', programmeName: expect.any(String) })]);
    expect(JSON.stringify(board.body)).not.toContain(ID);
    // Not yet: the notice runs.
    await stack.app.recheck.runSchedule();
    expect((await api.get(`/api/v1/staff/rechecks/${id}`, staff)).body.status).toBe('noticing');
    expect((await stack.app.applications.entitlement('ent-rx-zhou'))!.terms.endFromMonth).toBeNull();
    // The notice ended yesterday: the stop takes effect.
    await stack.app.db.collection('rechecks').updateOne({ _id: id } as never, { $set: { notice: { startsOn: addCalendarDays(shanghaiDate(), -7), endsOn: addCalendarDays(shanghaiDate(), -1) } } });
    expect((await stack.app.recheck.runSchedule()).noticesFinished).toBe(1);
    expect((await api.get(`/api/v1/staff/rechecks/${id}`, staff)).body.status).toBe('closed');
    // Nothing is paid from the month after the notice's last day (as decided: the stop counts from the notice).
    expect((await stack.app.applications.entitlement('ent-rx-zhou'))!.terms.endFromMonth).toBe(addMonths(decided.body.notice.endsOn.slice(0, 7), 1));
    expect(await stack.app.recheck.decisionFor(id)).toMatchObject({ id, kind: 'stop', programme: 'tekun', regionCode: '371402001', reasons: expect.arrayContaining(['有法定赡养人且具备赡养能力']) });
  });
});
