import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { shanghaiDate } from '@dajiuzhu/shared';

let stack: Stack;
let api: ReturnType<typeof client>;
beforeAll(async () => { stack = await startStack(); api = client(stack.baseUrl); });
afterAll(() => stack.stop());

const SOURCE = '德州市民政局 2027 年标准调整通知（演示）';
function period(effectiveFrom: string, urbanDibaoFen: number) {
  return {
    effectiveFrom,
    rates: { dibao: { urban: { fen: urbanDibaoFen, per: 'month', source: SOURCE }, rural: { fen: 60000, per: 'month', source: SOURCE } } },
    employmentDeduction: { value: 0, note: '未公布扣除比例' },
  };
}
const dayAfter = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));

describe('an admin adds a new period of standards', () => {
  it('applies from its effective date; earlier dates keep the old amounts', async () => {
    const admin = await api.signIn('pa-admin', { role: 'admin' });
    const from = dayAfter(30);
    const added = await api.post('/api/v1/admin/policy/periods', { regionCode: '371400', regionName: '德州市', period: period(from, 80000) }, admin.accessToken);
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ regionCode: '371400', effectiveFrom: from });

    const estimate = (date: string) => api.post('/api/v1/policy/estimate', { regionCode: '371400', date, hukou: 'urban', members: [{ age: 40 }] });
    const dibao = (r: { body: { results: { programme: string; monthlyAmountFen?: number }[] } }) => r.body.results.find((x) => x.programme === 'dibao')!.monthlyAmountFen;
    expect(dibao(await estimate(from))).toBe(80000);
    expect(dibao(await estimate('2021-06-01'))).toBe(75500);
    expect((await api.get(`/api/v1/policy/standards/371402001?date=${from}`)).body.effectiveFrom).toBe(from);
    expect(await stack.app.models.Audit.countDocuments({ action: 'policy.periodAdd', actorId: admin.user.id })).toBe(1);
  });

  it('refuses a period in the past, the same date twice, and non-admins', async () => {
    const admin = await api.signIn('pa-admin', { role: 'admin' });
    expectEnvelope(await api.post('/api/v1/admin/policy/periods', { regionCode: '371400', regionName: '德州市', period: period('2022-01-01', 90000) }, admin.accessToken), 409, 'POLICY_PERIOD_IN_PAST');
    const from = dayAfter(60);
    const [a, b] = await Promise.all([1, 2].map((i) => api.post('/api/v1/admin/policy/periods', { regionCode: '371500', regionName: '聊城市', period: period(from, 95000 + i) }, admin.accessToken)));
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const staff = await api.signIn('pa-staff', { role: 'staff', regionCode: '371400' });
    expectEnvelope(await api.post('/api/v1/admin/policy/periods', { regionCode: '371400', regionName: '德州市', period: period(dayAfter(90), 1) }, staff.accessToken), 403, 'FORBIDDEN');
    expectEnvelope(await api.post('/api/v1/admin/policy/periods', { regionCode: '371400', regionName: '德州市', period: { ...period(dayAfter(90), 1), extra: 1 } }, admin.accessToken), 400, 'VALIDATION_FAILED');
    // The 2021 standards are untouched by all of this.
    expect((await api.get('/api/v1/policy/standards/371400?date=2021-06-01')).body.rates.dibao.urban.fen).toBe(75500);
  });
});
