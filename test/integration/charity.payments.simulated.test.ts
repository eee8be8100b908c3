import { client, expectEnvelope } from '../support/http';
import { startStack, type Stack } from '../support/stack';
import { charityProject, donationBody } from '../support/fakeWechatPay';

/**
 * `payment.provider: 'fake'` (development's 模拟支付, and the default of the test configuration):
 * the API runs the fake payment server itself; POST simulatePath pays the order there, and the
 * fake's signed notification comes back to this server through its real notification route.
 */
let stack: Stack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startStack({ overrides: { charity: { contentCheck: 'off' } } });
  api = client(stack.baseUrl);
}, 60_000);
afterAll(() => stack?.stop());

it('模拟支付: the donor pays on the local fake and the donation is confirmed through the signed notification', async () => {
  const project = await charityProject(stack);
  const donor = (await api.signIn('simulated-donor')).accessToken;
  const created = await api.post('/api/v1/donations', donationBody(project.id, 6_600), donor);
  expect(created.status).toBe(201);
  expect(created.body.payment.provider).toBe('fake');
  const path = created.body.payment.simulatePath as string;
  expect(path).toBe(`/api/v1/dev/payments/${created.body.donation.id}/pay`);

  // Only the donor may pay their own order.
  const other = (await api.signIn('simulated-other')).accessToken;
  expectEnvelope(await api.post(path, {}, other), 404, 'DONATION_NOT_FOUND');

  const paid = await api.post(path, {}, donor);
  expect(paid.status).toBe(200);
  expect(paid.body).toMatchObject({ status: 'paid', amountFen: 6_600, receiptNumber: expect.any(String) });
  expect((await api.get(`/api/v1/charity/projects/${project.id}`)).body.raisedFen).toBe(6_600);
  // Paying again changes nothing.
  expect((await api.post(path, {}, donor)).body.status).toBe('paid');
  expect((await api.get(`/api/v1/charity/projects/${project.id}`)).body.raisedFen).toBe(6_600);
});
