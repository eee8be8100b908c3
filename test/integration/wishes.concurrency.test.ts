/**
 * THE concurrency test of 微心愿, on the real database (the embedded FerretDB unless MONGODB_URI
 * is set), over real HTTP: 100 donors claim one wish at the same moment → exactly one claim;
 * 20 donors race over 50 wishes → every wish ends with at most one active claim, no donor holds
 * more than 5, and every claim that was answered 200 exists (none lost, none extra).
 */
import { checkCharFor } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope, type HttpResult } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';

jest.setTimeout(180_000);

let stack: Stack;
let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
let benToken: string;
let staffToken: string;

const W = '/api/v1/wishes';

async function approvedWish(i: number): Promise<string> {
  const posted = await api.post(W, { category: 'dailyLiving', title: `心愿${i}`, story: '一个小小的心愿。', budgetFen: 1000 + i }, benToken);
  expect(posted.status).toBe(201);
  expect((await api.post(`/api/v1/staff/wishes/${posted.body.id}/approve`, {}, staffToken)).status).toBe(200);
  return posted.body.id;
}

async function donors(prefix: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(await api.signIn(`${prefix}-${i}`, { role: 'donor' }));
  return out;
}

const col = (name: string) => stack.app.db.collection(name);

beforeAll(async () => {
  fake = await startFakeWechatContent();
  // Claims are rate limited per donor; this test fires 50 claims per donor in one burst.
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 2000 }, wishes: { claimRate: { max: 1000 } } } });
  api = client(stack.baseUrl);
  const ben = await api.signIn('c-ben');
  benToken = ben.accessToken;
  const first17 = '37140219600101003';
  expect((await api.put('/api/v1/me/profile', { name: '赵秀兰', idNumber: first17 + checkCharFor(first17), phone: '13800000003', hukou: 'urban', regionCode: '371402001001' }, benToken)).status).toBe(200);
  staffToken = (await api.signIn('c-staff', { role: 'staff', regionCode: '371402', level: 'county' })).accessToken;
});
afterAll(async () => { await stack.stop(); await fake.stop(); });

describe('concurrency on the real database', () => {
  it('100 simultaneous claims on one wish: exactly one 200, 99 × 409 已被认领, the wish shows one donor', async () => {
    const wishId = await approvedWish(0);
    const hundred = await donors('c100', 100);
    const started = Date.now();
    const results = await Promise.all(hundred.map((d) => api.post(`${W}/${wishId}/claim`, {}, d.accessToken)));
    const elapsed = Date.now() - started;

    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(99);
    for (const r of refused) {
      expectEnvelope(r, 409, 'WISH_ALREADY_CLAIMED');
      expect(r.body.error.message).toBe('该心愿已被认领');
    }
    const winner = hundred[results.indexOf(ok[0])];

    const wish = await col('wishes').findOne({ _id: wishId as any });
    expect(wish).toMatchObject({ status: 'claimed', claimDonorId: winner.user.id, activeClaimId: ok[0].body.id });
    expect(await col('wish_claims').countDocuments({ wishId })).toBe(1);
    expect(await col('wish_active_claims').countDocuments({ _id: wishId as any })).toBe(1);
    // Losers gave their slot back: only the winner holds one.
    expect(await col('wish_donor_slots').countDocuments({ wishId })).toBe(1);
    expect((await col('wish_events').find({ wishId }).toArray()).map((e) => e.sequence).sort()).toEqual([1, 2, 3]);
    const pub = await api.get(`${W}/${wishId}`);
    expect(pub.body).toMatchObject({ status: 'claimed', donorName: '爱心人士' });
    console.log(`[concurrency] 100 claims on one wish: 1 × 200, ${refused.length} × 409 WISH_ALREADY_CLAIMED, ${elapsed} ms`);
  });

  it('20 donors racing over 50 wishes: at most one active claim per wish, at most 5 per donor, no claim lost', async () => {
    const wishIds: string[] = [];
    for (let i = 1; i <= 50; i += 1) wishIds.push(await approvedWish(i));
    const twenty = await donors('c20', 20);
    // Every donor tries every wish, each in its own shuffled order, all at once (1,000 requests).
    const attempts: { donor: string; wishId: string; res: Promise<HttpResult> }[] = [];
    for (const d of twenty) {
      const order = [...wishIds].sort(() => Math.random() - 0.5);
      for (const wishId of order) attempts.push({ donor: d.user.id, wishId, res: api.post(`${W}/${wishId}/claim`, {}, d.accessToken) });
    }
    const started = Date.now();
    const done = await Promise.all(attempts.map(async (a) => ({ ...a, r: await a.res })));
    const elapsed = Date.now() - started;

    const ok = done.filter((d) => d.r.status === 200);
    const codes: Record<string, number> = {};
    for (const d of done.filter((x) => x.r.status !== 200)) {
      expect(d.r.status).toBe(409);
      codes[d.r.body.error.code] = (codes[d.r.body.error.code] ?? 0) + 1;
    }
    expect(Object.keys(codes).every((c) => ['WISH_ALREADY_CLAIMED', 'WISH_CLAIM_LIMIT', 'WISH_CHANGED'].includes(c))).toBe(true);

    // No claim lost, none extra: every 200 is one stored claim, and every stored claim was a 200.
    const claims = await col('wish_claims').find({ wishId: { $in: wishIds } }).toArray();
    expect(claims).toHaveLength(ok.length);
    expect(new Set(claims.map((c) => c._id as unknown as string))).toEqual(new Set(ok.map((d) => d.r.body.id)));

    // At most one active claim per wish, and it is the one the wish shows.
    const perWish = new Map<string, number>();
    for (const c of claims) perWish.set(c.wishId, (perWish.get(c.wishId) ?? 0) + 1);
    for (const [, n] of perWish) expect(n).toBe(1);
    for (const d of ok) {
      const wish = await col('wishes').findOne({ _id: d.wishId as any });
      expect(wish).toMatchObject({ status: 'claimed', claimDonorId: d.donor, activeClaimId: d.r.body.id });
    }
    const unclaimed = await col('wishes').countDocuments({ _id: { $in: wishIds as any[] }, status: 'open' });
    expect(unclaimed + ok.length).toBe(50);
    // The counts: some claims succeed, each 200 is exactly one stored active claim. All 50 wishes are
    // claimed in practice (measured: 50 in every run), but that is not guaranteed: a donor's 5 slots
    // can all be held for a moment by attempts that then lose the lock, so that donor is refused
    // WISH_CLAIM_LIMIT although they end with fewer than 5. So the strongest true statement: a wish
    // is left open only if every one of the 20 donors was refused it for the limit (never because a
    // claim was lost or a lock was left behind).
    expect(ok.length).toBeGreaterThan(0);
    expect(await col('wish_claims').countDocuments({ wishId: { $in: wishIds }, status: 'active' })).toBe(ok.length);
    const openIds = (await col('wishes').find({ _id: { $in: wishIds as any[] }, status: 'open' }).toArray()).map((w) => w._id as unknown as string);
    for (const wishId of openIds) {
      const refusals = done.filter((d) => d.wishId === wishId).map((d) => d.r.body?.error?.code);
      expect(refusals).toEqual(Array(20).fill('WISH_CLAIM_LIMIT'));
    }
    expect(await col('wish_active_claims').countDocuments({ _id: { $in: wishIds as any[] } })).toBe(ok.length);

    // At most 5 per donor, and the slots match the claims exactly.
    const perDonor = new Map<string, number>();
    for (const d of ok) perDonor.set(d.donor, (perDonor.get(d.donor) ?? 0) + 1);
    for (const [, n] of perDonor) expect(n).toBeLessThanOrEqual(5);
    const slots = await col('wish_donor_slots').find({ donorId: { $in: twenty.map((d) => d.user.id) } }).toArray();
    expect(slots).toHaveLength(ok.length);

    // The events of every wish have distinct sequences 1..n.
    for (const wishId of wishIds) {
      const seqs = (await col('wish_events').find({ wishId }).toArray()).map((e) => e.sequence).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    console.log(`[concurrency] 20 donors × 50 wishes (${done.length} requests, ${elapsed} ms): ${ok.length} claims succeeded = ${claims.length} stored; ${unclaimed} wishes still open; refusals ${JSON.stringify(codes)}; donors holding 5: ${[...perDonor.values()].filter((n) => n === 5).length}`);
  });

  it('rate limits claims per donor (429 with the envelope)', async () => {
    const limited = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl }, wishes: { claimRate: { max: 3 } } } });
    try {
      const c = client(limited.baseUrl);
      const d = await c.signIn('rl-donor', { role: 'donor' });
      const other = await c.signIn('rl-other', { role: 'donor' });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await c.post(`${W}/no-such-wish/claim`, {}, d.accessToken)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      expectEnvelope(await c.post(`${W}/no-such-wish/claim`, {}, d.accessToken), 429, 'RATE_LIMITED');
      // Per donor, not per address: another donor on the same address is not limited.
      expect((await c.post(`${W}/no-such-wish/claim`, {}, other.accessToken)).status).toBe(404);
    } finally {
      await limited.stop();
    }
  });
});
