import { client, expectEnvelope } from '../support/http';
import { charityProject, donationBody, startPaymentStack, type PaymentStack } from '../support/fakeWechatPay';
import { eventually } from '../support/eventually';

/**
 * WeChat Pay notifications against the real API, over real HTTP, from the local fake payment
 * server (its own platform key signs them; the API verifies and decrypts as in production).
 * The reconcile job runs every 300 ms here and asks about orders pending for 2 s.
 */
let env: PaymentStack;
let api: ReturnType<typeof client>;
let projectId: string;
let donor: string;

beforeAll(async () => {
  env = await startPaymentStack({ payment: { lateAfterSeconds: 2, reconcileIntervalMs: 300 } });
  api = client(env.stack.baseUrl);
  projectId = (await charityProject(env.stack)).id;
  donor = (await api.signIn('pay-donor')).accessToken;
}, 60_000);
afterAll(() => env?.stop());

async function order(amountFen: number): Promise<string> {
  const res = await api.post('/api/v1/donations', donationBody(projectId, amountFen), donor);
  expect(res.status).toBe(201);
  return res.body.donation.id as string;
}
const donation = async (id: string) => (await api.get(`/api/v1/me/donations/${id}`, donor)).body;
const raised = async () => (await api.get(`/api/v1/charity/projects/${projectId}`)).body.raisedFen as number;

describe('payment notifications', () => {
  it('a signed notification confirms the payment once: counted, numbered receipt', async () => {
    const before = await raised();
    const id = await order(5_000);
    expect(await env.pay.pay(id)).toEqual([204]);
    const d = await donation(id);
    expect(d).toMatchObject({ status: 'paid', amountFen: 5_000, receiptNumber: expect.stringMatching(/^CS.+-\d{4}-\d{6}$/) });
    expect(await raised()).toBe(before + 5_000);
    // WeChat retrying the same notification later (a fresh signature) is answered 204 and counts nothing.
    expect(await env.pay.notify(id)).toEqual([204]);
    expect(await raised()).toBe(before + 5_000);
  });

  it('100 notifications for one order at once: all acknowledged, counted once, one receipt number', async () => {
    const before = await raised();
    const id = await order(12_345);
    await env.pay.pay(id, { notify: false });
    const statuses = await env.pay.notify(id, { times: 100 });
    expect(statuses.filter((s) => s === 204)).toHaveLength(100);
    expect(await raised()).toBe(before + 12_345);
    const mine = (await api.get('/api/v1/me/donations', donor)).body.donations.filter((x: { id: string }) => x.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'paid', receiptNumber: expect.any(String) });
  });

  it('a forged notification (not signed by WeChat Pay) is refused with 401 and nothing is counted', async () => {
    const before = await raised();
    const id = await order(7_000);
    // The order is not paid at WeChat Pay: someone claims it is, with a key that is not WeChat Pay's.
    expect(await env.pay.notify(id, { forge: true })).toEqual([401]);
    expect((await donation(id)).status).toBe('pending');
    expect(await raised()).toBe(before);
    // Unsigned bytes, a JSON body without any signature headers, and a body that is not JSON.
    const unsigned = await api.raw('POST', '/api/v1/payments/wechat/notify', JSON.stringify({ id: 'x', create_time: 'x', event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'AAAA', nonce: 'n' } }), { 'content-type': 'application/json' });
    expectEnvelope(unsigned, 401, 'PAYMENT_NOTIFICATION_INVALID');
    expectEnvelope(await api.raw('POST', '/api/v1/payments/wechat/notify', '{not json', { 'content-type': 'application/json' }), 400);
  });

  it('a notification replayed long after it was signed (stale timestamp) is refused', async () => {
    const id = await order(3_000);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect(await env.pay.notify(id, { timestamp: tenMinutesAgo })).toEqual([401]);
    expect((await donation(id)).status).toBe('pending');
  });

  it('an amount that differs from the order: 409, flagged for a hand check, never counted', async () => {
    const before = await raised();
    const id = await order(10_000);
    expect(await env.pay.notify(id, { amountFen: 1 })).toEqual([409]);
    const d = await donation(id);
    expect(d.status).toBe('flagged');
    expect(d.receiptNumber).toBeNull();
    expect(await raised()).toBe(before);
    // The reconcile job's query (the order is unpaid at WeChat Pay) changes nothing either.
    await new Promise((r) => setTimeout(r, 2_600));
    expect((await donation(id)).status).toBe('flagged');
    expect(await raised()).toBe(before);
  });

  it('a notification for an order we never made answers 404', async () => {
    const id = await order(2_000);
    expect(await env.pay.notify(id, { outTradeNo: 'dn000000000000000000000000000000' })).toEqual([404]);
  });

  it('a late (never sent) notification: the reconcile job asks WeChat Pay and confirms the payment', async () => {
    const before = await raised();
    const id = await order(4_200);
    await env.pay.pay(id, { notify: false });
    const d = await eventually(() => donation(id), (x) => x.status === 'paid', 'the late payment confirmed by query');
    expect(d.receiptNumber).toEqual(expect.any(String));
    expect(await raised()).toBe(before + 4_200);
    expect(env.pay.requests).toContain(`GET /v3/pay/transactions/out-trade-no/${id}`);
  });
});
