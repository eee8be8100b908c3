import { createPublicKey, createVerify } from 'node:crypto';
import { withCreditCheck } from '@dajiuzhu/shared';
import { client, expectEnvelope } from '../support/http';
import { charityProject, donationBody, startPaymentStack, type PaymentStack } from '../support/fakeWechatPay';
import { eventually } from '../support/eventually';

/** Donations through the real API and the local fake WeChat Pay: ordering, retries, who may give to what, totals, receipts, refunds. */
let env: PaymentStack;
let api: ReturnType<typeof client>;
let projectId: string;
let donor: string;

beforeAll(async () => {
  env = await startPaymentStack();
  api = client(env.stack.baseUrl);
  projectId = (await charityProject(env.stack)).id;
  donor = (await api.signIn('donations-donor')).accessToken;
}, 60_000);
afterAll(() => env?.stop());

const raisedOf = async (id: string) => (await api.get(`/api/v1/charity/projects/${id}`)).body.raisedFen as number;

describe('giving', () => {
  it('answers the signed wx.requestPayment parameters; a retry with the same key is the same order', async () => {
    const body = donationBody(projectId, 8_800, { donorName: '张先生', message: '加油' });
    const first = await api.post('/api/v1/donations', body, donor);
    expect(first.status).toBe(201);
    const { donation, payment } = first.body;
    expect(donation).toMatchObject({ status: 'pending', amountFen: 8_800, donorDisplay: '张先生', anonymous: false, receiptNumber: null });
    expect(payment).toMatchObject({ provider: 'wechat', simulatePath: null, requestPayment: { signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx/) } });
    // paySign: the merchant key over appId, timeStamp, nonceStr, package (what WeChat checks in wx.requestPayment).
    const { timeStamp, nonceStr, package: pkg, paySign } = payment.requestPayment;
    const merchantPublic = createPublicKey(env.pay.clientOptions.merchantPrivateKeyPem);
    const appId = 'wx-development'; // config.wechat.appId of the test configuration
    expect(createVerify('RSA-SHA256').update(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`).verify(merchantPublic, paySign, 'base64')).toBe(true);

    const again = await api.post('/api/v1/donations', body, donor);
    expect(again.status).toBe(201);
    expect(again.body.donation.id).toBe(donation.id);
    expect(again.body.payment.requestPayment.package).toBe(pkg);
    expect(env.pay.orders.get(donation.id)?.creates).toBe(1);

    expectEnvelope(await api.post('/api/v1/donations', { ...body, amountFen: 9_900 }, donor), 409, 'DONATION_REQUEST_KEY_REUSED');
  });

  it('a company gives with its name and a valid 统一社会信用代码; anonymous gifts show no name', async () => {
    expectEnvelope(await api.post('/api/v1/donations', donationBody(projectId, 100, { donorKind: 'company', companyName: '德州爱心建材有限公司' }), donor), 400, 'DONATION_COMPANY_DETAILS_REQUIRED');
    expectEnvelope(await api.post('/api/v1/donations', donationBody(projectId, 100, { donorKind: 'company', companyName: '  ', taxNumber: withCreditCheck('91371400MA3C12345') }), donor), 400, 'DONATION_COMPANY_DETAILS_REQUIRED');
    const good = withCreditCheck('91371400MA3C12345');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expectEnvelope(await api.post('/api/v1/donations', donationBody(projectId, 100, { donorKind: 'company', companyName: '德州爱心建材有限公司', taxNumber: bad }), donor), 400, 'DONATION_TAX_NUMBER_INVALID');
    const company = await api.post('/api/v1/donations', donationBody(projectId, 100_000, { donorKind: 'company', companyName: '德州爱心建材有限公司', taxNumber: good }), donor);
    expect(company.status).toBe(201);
    expect(company.body.donation.donorDisplay).toBe('德州爱心建材有限公司');
    const anonymous = await api.post('/api/v1/donations', donationBody(projectId, 100, { donorName: '李四', anonymous: true }), donor);
    expect(anonymous.body.donation.donorDisplay).toBe('匿名爱心人士');
  });

  it('refuses a project that does not exist, is not yet published, or has closed', async () => {
    expectEnvelope(await api.post('/api/v1/donations', donationBody('no-such-project', 100), donor), 404, 'DONATION_PROJECT_NOT_FOUND');
    const unpublished = await charityProject(env.stack, { publish: false });
    expectEnvelope(await api.post('/api/v1/donations', donationBody(unpublished.id, 100), donor), 409, 'DONATION_PROJECT_NOT_RAISING');
    const closing = await charityProject(env.stack);
    const closed = await api.post(`/api/v1/charity/organization/projects/${closing.id}/close`, { reason: '目标已达成，提前结束' }, closing.charityToken);
    expect(closed.status).toBe(200);
    expectEnvelope(await api.post('/api/v1/donations', donationBody(closing.id, 100), donor), 409, 'DONATION_PROJECT_NOT_RAISING');
    expectEnvelope(await api.post('/api/v1/donations', donationBody(projectId, 100)), 401);
  });

  it('50 donors giving at once sum exactly', async () => {
    const project = await charityProject(env.stack);
    const amounts = Array.from({ length: 50 }, (_, i) => 100 * (i + 1) + i);
    await Promise.all(amounts.map(async (amountFen, i) => {
      const token = (await api.signIn(`crowd-donor-${i}`)).accessToken;
      const res = await api.post('/api/v1/donations', donationBody(project.id, amountFen), token);
      expect(res.status).toBe(201);
      expect(await env.pay.pay(res.body.donation.id)).toEqual([204]);
    }));
    expect(await raisedOf(project.id)).toBe(amounts.reduce((a, b) => a + b, 0));
  }, 60_000);
});

describe('receipts', () => {
  it('a paid donation has a numbered PDF receipt for its donor only; none before payment', async () => {
    const res = await api.post('/api/v1/donations', donationBody(projectId, 123_456, { donorName: '王秀英' }), donor);
    const id = res.body.donation.id as string;
    expectEnvelope(await api.get(`/api/v1/me/donations/${id}/receipt.pdf`, donor), 409, 'DONATION_RECEIPT_NOT_READY');
    await env.pay.pay(id);
    const pdf = await fetch(`${env.stack.baseUrl}/api/v1/me/donations/${id}/receipt.pdf`, { headers: { authorization: `Bearer ${donor}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers.get('content-disposition') ?? '')).toMatch(/捐赠票据-CS.+\.pdf/);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const other = (await api.signIn('someone-else')).accessToken;
    expectEnvelope(await api.get(`/api/v1/me/donations/${id}/receipt.pdf`, other), 404, 'DONATION_NOT_FOUND');
    const listed = (await api.get('/api/v1/me/donations', donor)).body.donations.find((d: { id: string }) => d.id === id);
    expect(listed).toMatchObject({ status: 'paid', receiptNumber: expect.any(String), paidAt: expect.any(String) });
  });

  it('receipt numbers of one organisation and year are consecutive', async () => {
    const project = await charityProject(env.stack);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await api.post('/api/v1/donations', donationBody(project.id, 1_000), donor);
      await env.pay.pay(res.body.donation.id);
      numbers.push((await api.get(`/api/v1/me/donations/${res.body.donation.id}`, donor)).body.receiptNumber);
    }
    expect(numbers.map((n) => n.slice(-6))).toEqual(['000001', '000002', '000003']);
  });
});

describe('refunds', () => {
  it('cancelling a project refunds every paid donation once and closes unpaid orders', async () => {
    const project = await charityProject(env.stack);
    const paid: string[] = [];
    for (const amountFen of [1_000, 2_000, 3_000]) {
      const res = await api.post('/api/v1/donations', donationBody(project.id, amountFen), donor);
      await env.pay.pay(res.body.donation.id);
      paid.push(res.body.donation.id);
    }
    const unpaid = (await api.post('/api/v1/donations', donationBody(project.id, 500), donor)).body.donation.id as string;
    expect(await raisedOf(project.id)).toBe(6_000);

    const cancelled = await api.post(`/api/v1/charity/organization/projects/${project.id}/cancel`, { reason: '受助对象已获其他救助，项目取消' }, project.charityToken);
    expect(cancelled.status).toBe(200);
    for (const id of paid) {
      await eventually(async () => (await api.get(`/api/v1/me/donations/${id}`, donor)).body, (d) => d.status === 'refunded', `refund of ${id}`);
      expect(env.pay.refunds.get(id)).toMatchObject({ refundFen: expect.any(Number), calls: 1 });
    }
    expect((await api.get(`/api/v1/me/donations/${unpaid}`, donor)).body.status).toBe('closed');
    expect(env.pay.orders.get(unpaid)?.state).toBe('CLOSED');
    // No longer public; the organisation's own view shows nothing raised any more.
    expect((await api.get(`/api/v1/charity/organization/projects/${project.id}`, project.charityToken)).body.raisedFen).toBe(0);
    // A second cancellation is refused by the project, and nothing is refunded twice.
    expect((await api.post(`/api/v1/charity/organization/projects/${project.id}/cancel`, { reason: '再次取消' }, project.charityToken)).status).toBe(409);
    expect(paid.map((id) => env.pay.refunds.get(id)?.calls)).toEqual([1, 1, 1]);
    expectEnvelope(await api.get(`/api/v1/me/donations/${paid[0]}/receipt.pdf`, donor), 409, 'DONATION_RECEIPT_NOT_READY');
  });
});
