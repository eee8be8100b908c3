import { addMonths, shanghaiMonth } from '@dajiuzhu/shared';
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
