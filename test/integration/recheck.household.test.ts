import { addMonths, indexCalendar, recheckDeadline, shanghaiDate, shanghaiMonth } from '@dajiuzhu/shared';
import { loadHolidayCalendar } from '@dajiuzhu/config';
import { startStack, type Stack } from '../support/stack';
import { expectEnvelope } from '../support/http';
import { idNumber, resident, staffIn } from './ledgerSupport';
import { recheckKit } from './recheckSupport';

let stack: Stack;
let kit: ReturnType<typeof recheckKit>;

beforeAll(async () => {
  // The window opens on 1 January and closed the same day: every day after it, a missing confirmation is late.
  stack = await startStack({ overrides: { recheck: { yearlyConfirmation: { opensOn: '01-01', dueOn: '01-01' } } } });
  kit = recheckKit(stack);
});
afterAll(() => stack.stop());

describe('the yearly confirmation', () => {
  it('is given once a year by the person; a missing one opens a recheck and never stops the aid', async () => {
    const { api } = kit;
    const month = shanghaiMonth();
    const staff = (await staffIn(stack, 'rh-staff', '371402')).accessToken;
    const sun = await resident(stack, 'rh-sun', idNumber(61), '371402001', '孙玉兰');
    const qian = await resident(stack, 'rh-qian', idNumber(62), '371402001', '钱德福');
    await kit.entitlement('ent-rh-sun', await kit.blindIndexOf(sun.user.id), { name: '孙玉兰', startMonth: addMonths(month, -14) });
    await kit.entitlement('ent-rh-qian', await kit.blindIndexOf(qian.user.id), { name: '钱德福', startMonth: addMonths(month, -14) });

    const households = await api.get('/api/v1/recheck/households', sun.accessToken);
    expect(households.body.households).toEqual([expect.objectContaining({ entitlementId: 'ent-rh-sun', relation: 'person', confirmationOpen: true, confirmedThisYear: false })]);
    const first = await api.post('/api/v1/recheck/confirmations', { entitlementId: 'ent-rh-sun', unchanged: true }, sun.accessToken);
    expect(first.status).toBe(200);
    const second = await api.post('/api/v1/recheck/confirmations', { entitlementId: 'ent-rh-sun', unchanged: true }, sun.accessToken);
    expect(second.body).toEqual(first.body);
    // Someone else's household: as if it did not exist.
    expectEnvelope(await api.post('/api/v1/recheck/confirmations', { entitlementId: 'ent-rh-sun', unchanged: true }, qian.accessToken), 404, 'RECHECK_ENTITLEMENT_NOT_FOUND');

    const pass = await stack.app.recheck.runSchedule();
    expect(pass.missingConfirmations).toBe(1);
    expect((await stack.app.recheck.runSchedule()).missingConfirmations).toBe(0);
    const queue = (await api.get('/api/v1/staff/rechecks', staff)).body.rechecks;
    expect(queue.map((r: { entitlementId: string; trigger: string }) => [r.entitlementId, r.trigger])).toEqual([['ent-rh-qian', 'missingConfirmation']]);
    // The aid goes on: this month is paid to both.
    await kit.pay(staff, month);
    expect(await kit.paid('ent-rh-qian')).toEqual({ [month]: 75500 });
    expect(await kit.paid('ent-rh-sun')).toEqual({ [month]: 75500 });
  });
});

describe('a change report joining an open recheck', () => {
  it('moves the deadline up to its shorter time limit (特困: 10 working days), never back', async () => {
    const { api } = kit;
    const staff = (await staffIn(stack, 'rh-join-staff', '371402')).accessToken;
    const zhou = await resident(stack, 'rh-zhou', idNumber(63), '371402001', '周桂芝');
    const today = shanghaiDate();
    await kit.entitlement('ent-rh-zhou', await kit.blindIndexOf(zhou.user.id), { programme: 'tekun', name: '周桂芝', nextRecheckOn: today });
    await stack.app.recheck.runSchedule();
    const deadlineOf = async () => (await api.get('/api/v1/staff/rechecks', staff)).body.rechecks.filter((r: { entitlementId: string }) => r.entitlementId === 'ent-rh-zhou').map((r: { trigger: string; deadline: string }) => [r.trigger, r.deadline]);
    const rules = { defaultWorkingDays: 20, tekunChangeWorkingDays: 10, deathMonths: 3 };
    const calendar = indexCalendar(loadHolidayCalendar());
    const scheduled = recheckDeadline({ trigger: 'schedule', programme: 'tekun', openedOn: today, dueOn: today }, rules, calendar);
    const tenDays = recheckDeadline({ trigger: 'changeReport', programme: 'tekun', openedOn: today }, rules, calendar);
    expect(tenDays < scheduled).toBe(true);
    expect(await deadlineOf()).toEqual([['schedule', scheduled]]);

    const report = await api.post('/api/v1/recheck/change-reports', { entitlementId: 'ent-rh-zhou', kind: 'income', text: '女儿每月给500元', happenedOn: today, requestKey: 'rh-zhou-income-1' }, zhou.accessToken);
    expect(report.status).toBe(201);
    expect(report.body.recheckDeadline).toBe(tenDays);
    // Still the one recheck (joined, not a second), now due within 10 working days; the step is in the audit log.
    expect(await deadlineOf()).toEqual([['schedule', tenDays]]);
    const audit = await stack.app.db.collection('audit_entries').find({ action: 'recheck.tightenDeadline' } as never).toArray();
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ trigger: 'changeReport', from: scheduled, to: tenDays })]);

    // A later trigger with a longer limit (a member's death: 3 months) joins without moving it back.
    const later = await api.post('/api/v1/recheck/change-reports', { entitlementId: 'ent-rh-zhou', kind: 'memberDied', text: '老伴去世', happenedOn: today, requestKey: 'rh-zhou-died-1' }, zhou.accessToken);
    expect(later.status).toBe(201);
    expect(later.body.recheckDeadline).toBe(tenDays);
    expect(await deadlineOf()).toEqual([['schedule', tenDays]]);
  });
});
