import type { ConfigLayer } from '@dajiuzhu/config';
import { withCreditCheck } from '@dajiuzhu/shared';
import { startFakeWechatPay, type FakeWechatPay } from '../../server/src/core/adapters/wechatpay/fakeServer';
import { startStack, type Stack } from './stack';
import { client } from './http';

/**
 * WeChat Pay for integration tests: the local fake payment server (server/src/core/adapters/
 * wechatpay/fakeServer.ts — the same one `payment.provider: 'fake'` runs in development) on a free
 * port, with its own merchant and platform keys, and the API configured as in production
 * (`provider: 'wechat'`, the real client) but pointed at it. The fake can pay an order with or
 * without notifying, and send duplicate, late, altered or forged notifications (`pay`, `notify`).
 */
export { startFakeWechatPay, type FakeWechatPay };

export interface PaymentStack { stack: Stack; pay: FakeWechatPay; stop(): Promise<void> }

/** The real API whose WeChat Pay is this fake; notifications reach the stack's own address. */
export async function startPaymentStack(overrides: ConfigLayer = {}): Promise<PaymentStack> {
  const pay = await startFakeWechatPay();
  const payment = { provider: 'wechat' as const, ...pay.clientOptions, notifyUrl: 'https://pay.example.invalid/api/v1/payments/wechat/notify', ...(overrides.payment ?? {}) };
  // The projects' content check is WeChat's; these tests are about money, so it is off (tests of the check are C1's).
  const stack = await startStack({ overrides: { ...overrides, charity: { contentCheck: 'off', ...(overrides.charity ?? {}) }, payment } });
  pay.notifyOrigin = stack.baseUrl;
  return { stack, pay, async stop() { await stack.stop(); await pay.stop(); } };
}

let serial = 0;
const fresh = (prefix: string) => `${prefix}${process.pid}x${(serial += 1)}x${Date.now().toString(36)}`;

export interface TestProject { id: string; organizationId: string; charityToken: string; staffToken: string }

/**
 * A charity project made the way the product makes one: an admin invites an organisation (德州市
 * 慈善总会-like, region 371402), it redeems the code, creates and submits a project, and county
 * staff of the region approve it (published). `publish: false` leaves it pending review.
 */
export async function charityProject(stack: Stack, opts: { publish?: boolean; goalFen?: number } = {}): Promise<TestProject> {
  const api = client(stack.baseUrl);
  const admin = await api.signIn(fresh('admin-'), { role: 'admin' });
  const creditCode = withCreditCheck(`91371400MA${String(serial).padStart(7, '0')}`.slice(0, 17));
  const invite = await api.post('/api/v1/admin/staff-invitations', { role: 'charity', regionCode: '371402', organization: { name: '德州市德城区慈善总会', creditCode, registrationNo: `鲁民慈${serial}` } }, admin.accessToken);
  if (invite.status !== 201 && invite.status !== 200) throw new Error(`charityProject: invitation ${invite.status} ${JSON.stringify(invite.body)}`);
  const charity = await api.signIn(fresh('charity-'));
  const redeemed = await api.post('/api/v1/staff-invitations/redeem', { code: invite.body.code }, charity.accessToken);
  if (redeemed.status !== 200) throw new Error(`charityProject: redeem ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
  // Redeeming starts a fresh session carrying the new role.
  const charityToken = (redeemed.body.accessToken as string | undefined) ?? charity.accessToken;
  const goalFen = opts.goalFen ?? 10_000_000;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 8 * 3600_000 + 60 * 86_400_000).toISOString().slice(0, 10);
  const created = await api.post('/api/v1/charity/organization/projects', {
    requestKey: fresh('proj-'), title: '困难学生助学金', story: '为德城区家庭困难的中小学生提供学习用品和生活补助。', targetGroup: 'students',
    regionCode: '371402', goalFen, startDate: today, endDate: end, budgetLines: [{ label: '助学金', amountFen: goalFen }],
  }, charityToken);
  if (created.status !== 201 && created.status !== 200) throw new Error(`charityProject: create ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const submitted = await api.post(`/api/v1/charity/organization/projects/${id}/submit`, {}, charityToken);
  if (submitted.status !== 200) throw new Error(`charityProject: submit ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const staff = await api.signIn(fresh('staff-'), { role: 'staff', level: 'county', regionCode: '371402' });
  if (opts.publish !== false) {
    const approved = await api.post(`/api/v1/staff/charity/projects/${id}/approve`, {}, staff.accessToken);
    if (approved.status !== 200) throw new Error(`charityProject: approve ${approved.status} ${JSON.stringify(approved.body)}`);
  }
  return { id, organizationId: created.body.organizationId as string, charityToken, staffToken: staff.accessToken };
}

/** A donation body; `key` makes it a new donation (the same key again is a retry). */
export function donationBody(projectId: string, amountFen: number, extra: Record<string, unknown> = {}) {
  return { projectId, amountFen, donorKind: 'person', anonymous: false, requestKey: fresh('don-'), ...extra };
}
