import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';

let stack: Stack;
let api: ReturnType<typeof client>;
beforeAll(async () => { stack = await startStack(); api = client(stack.baseUrl); });
afterAll(() => stack.stop());

const household = { regionCode: '371402001', date: '2021-06-01', hukou: 'urban', members: [{ age: 45, incomes: [{ kind: 'wage', monthlyFen: 30000 }, { kind: 'assistance', monthlyFen: 20000 }] }, { age: 12 }] };

describe('POST /api/v1/policy/estimate (no sign-in)', () => {
  it('estimates with the standards in effect for the region and date', async () => {
    const res = await api.post('/api/v1/policy/estimate', household);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ regionCode: '371402001', regionName: '德州市', date: '2021-06-01', effectiveFrom: '2021-01-01' });
    const dibao = res.body.results.find((r: { programme: string }) => r.programme === 'dibao');
    // 2 × 755 − 300 (assistance not counted; Dezhou publishes no wage deduction).
    expect(dibao).toMatchObject({ eligible: true, monthlyAmountFen: 2 * 75500 - 30000 });
    expect(dibao.reasons).toContain('德州市城市低保标准 755.00 元/人·月');
    expect(res.body.results.map((r: { programme: string }) => r.programme)).toContain('heating');
  });

  it('defaults the date to today in Asia/Shanghai', async () => {
    const { date, ...rest } = household;
    const res = await api.post('/api/v1/policy/estimate', { ...rest, regionCode: '371500' });
    expect(res.status).toBe(200);
    expect(res.body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.effectiveFrom).toBe('2024-01-01');
  });

  it('answers 404 for a region without standards, or a date before them', async () => {
    const unknown = await api.post('/api/v1/policy/estimate', { ...household, regionCode: '110000' });
    expectEnvelope(unknown, 404, 'NOT_FOUND');
    expect(unknown.body.error.message).toBe('该地区暂无救助标准数据');
    expectEnvelope(await api.post('/api/v1/policy/estimate', { ...household, date: '2020-12-31' }), 404, 'NOT_FOUND');
  });

  it('refuses malformed input with the 400 envelope', async () => {
    const negative = { ...household, members: [{ age: 40, incomes: [{ kind: 'wage', monthlyFen: -1 }] }] };
    expectEnvelope(await api.post('/api/v1/policy/estimate', negative), 400, 'VALIDATION_FAILED');
    expectEnvelope(await api.post('/api/v1/policy/estimate', { ...household, members: Array.from({ length: 21 }, () => ({ age: 30 })) }), 400, 'VALIDATION_FAILED');
    const unknownField = await api.post('/api/v1/policy/estimate', { ...household, income: 5 });
    expectEnvelope(unknownField, 400, 'VALIDATION_FAILED');
    expect(unknownField.body.error.details.fields[0]).toMatchObject({ rule: 'additionalProperties', field: 'income' });
    expectEnvelope(await api.post('/api/v1/policy/estimate', { ...household, members: [{ age: 40, incomes: [{ kind: 'wage', monthlyFen: '300' }] }] }), 400, 'VALIDATION_FAILED');
    expectEnvelope(await api.post('/api/v1/policy/estimate', { ...household, date: '2021-02-30' }), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /api/v1/policy/standards/:regionCode', () => {
  it('returns the published standards in effect, with their sources', async () => {
    const res = await api.get('/api/v1/policy/standards/431300?date=2023-06-01');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ regionCode: '431300', regionName: '娄底市', effectiveFrom: '2023-01-01' });
    expect(res.body.rates.dibao.rural).toMatchObject({ fen: 507400, per: 'year', source: 'loudi-2023-four-assistances.txt' });
  });

  it('answers 404 before the first period and 400 for a bad code', async () => {
    expectEnvelope(await api.get('/api/v1/policy/standards/371400?date=2020-06-01'), 404, 'NOT_FOUND');
    expectEnvelope(await api.get('/api/v1/policy/standards/37a400'), 400, 'VALIDATION_FAILED');
  });
});
