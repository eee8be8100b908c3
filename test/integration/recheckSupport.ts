import { addMonths, shanghaiMonth } from '@dajiuzhu/shared';
import type { Stack } from '../support/stack';
import { client } from '../support/http';
import { waitForJob } from './ledgerSupport';

/** Helpers of the 动态管理 tests: entitlements as the applications domain writes them, payment runs, the statement. */
export function recheckKit(stack: Stack) {
  const api = client(stack.baseUrl);
  const db = stack.app.db;

  const blindIndexOf = async (userId: string) => (await db.collection('profiles').findOne({ _id: userId } as never))!.idNumberBlindIndex as string;

  /** An approved entitlement (no version history: the shape every document had before versions). */
  async function entitlement(id: string, blindIndex: string, opts: { programme?: string; monthlyFen?: number; startMonth?: string; nextRecheckOn?: string | null; regionCode?: string; name?: string } = {}) {
    await db.collection('entitlements').insertOne({
      _id: id, applicationId: id, programme: opts.programme ?? 'dibao', beneficiary: { userId: null, name: opts.name ?? '王建国', idNumberCipher: 'x', idNumberMasked: '3***************01', idNumberBlindIndex: blindIndex },
      regionCode: opts.regionCode ?? '371402001', regionKeys: [], payment: 'monthly', monthlyAmountFen: opts.monthlyFen ?? 75500, oneOffAmountFen: null,
      startMonth: opts.startMonth ?? addMonths(shanghaiMonth(), -6), nextRecheckOn: opts.nextRecheckOn ?? null, status: 'active', approvedAt: new Date(), approvedBy: 'test',
    } as never);
  }

  /** Runs the payment run of `period` for the staff member's region and waits for it. */
  async function pay(token: string, period: string) {
    const r = await api.post('/api/v1/staff/payment-runs', { period }, token);
    if (r.status !== 202) throw new Error(`payment run ${period}: ${r.status} ${JSON.stringify(r.body)}`);
    return waitForJob(stack, token, `/api/v1/staff/ledger-jobs/${r.body.id}`);
  }

  /** What the payment runs paid an entitlement, by month. */
  async function paid(entitlementId: string): Promise<Record<string, number>> {
    const rows = await db.collection('disbursements').find({ _id: { $regex: `^run:${entitlementId}:` } } as never).toArray();
    return Object.fromEntries(rows.map((r) => [r.period as string, r.amountFen as number]));
  }

  return { api, db, blindIndexOf, entitlement, pay, paid };
}
