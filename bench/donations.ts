/**
 * Donations benchmark (issue 12): the real API in this process on a fresh embedded FerretDB, WeChat
 * Pay the local fake payment server (real HTTP, real signatures and AES-GCM both ways), as in the
 * integration tests. Figures, each beside a baseline measured in the same run:
 *   1. a payment notification that counts a donation (verify, decrypt, insert-wins, receipt number)
 *      and a repeated one (verified, decrypted, refused by the insert), serially, p50/p90, vs a
 *      signed-in `GET /me/donations`;
 *   2. 100 notifications of one order at once: wall time, statuses, times counted;
 *   3. 50 donors ordering and paying at once: wall time, the raised total vs the sum;
 *   4. the receipt PDF (`GET /me/donations/{id}/receipt.pdf`): p50 and size.
 * Run: `npm run bench:donations` (BENCH_ORDERS serial notifications, default 100). Prints markdown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../server/src/core/db/embedded';
import { charityProject, donationBody, startPaymentStack } from '../test/support/fakeWechatPay';
import { client } from '../test/support/http';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> { const t = performance.now(); const r = await fn(); return [performance.now() - t, r]; }

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'donations-bench-'));
  const db = await startEmbeddedDatabase({ dataDir });
  process.env.TEST_MONGODB_URI = db.uri;
  // The reconcile job stays out of the way (it would query the orders the bench leaves unpaid on purpose).
  const env = await startPaymentStack({ logLevel: 'silent', payment: { reconcileIntervalMs: 3_600_000, timeoutMs: 30_000 } });
  const api = client(env.stack.baseUrl);
  try {
    const project = await charityProject(env.stack, { goalFen: 1_000_000_000 });
    const donor = (await api.signIn('bench-donor')).accessToken;
    const order = async (fen: number, token = donor) => {
      const res = await api.post('/api/v1/donations', donationBody(project.id, fen), token);
      if (res.status !== 201) throw new Error(`donation answered ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.donation.id as string;
    };

    const first: number[] = [];
    const repeat: number[] = [];
    const reads: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < ORDERS; i += 1) {
      const id = await order(100 + i);
      ids.push(id);
      await env.pay.pay(id, { notify: false });
      const [t1, s1] = await timed(() => env.pay.notify(id));
      const [t2, s2] = await timed(() => env.pay.notify(id));
      if (s1[0] !== 204 || s2[0] !== 204) throw new Error(`notification answered ${s1} / ${s2}`);
      first.push(t1); repeat.push(t2);
      reads.push((await timed(() => api.get('/api/v1/me/donations', donor)))[0]);
    }

    const burstId = await order(12_345);
    await env.pay.pay(burstId, { notify: false });
    const before = (await api.get(`/api/v1/charity/projects/${project.id}`)).body.raisedFen as number;
    const [burstMs, statuses] = await timed(() => env.pay.notify(burstId, { times: 100 }));
    const afterBurst = (await api.get(`/api/v1/charity/projects/${project.id}`)).body.raisedFen as number;

    const tokens = await Promise.all(Array.from({ length: 50 }, async (_, i) => (await api.signIn(`bench-crowd-${i}`)).accessToken));
    const amounts = tokens.map((_, i) => 1_000 + i * 7);
    const [crowdMs] = await timed(() => Promise.all(tokens.map(async (t, i) => { const id = await order(amounts[i], t); await env.pay.pay(id); })));
    const afterCrowd = (await api.get(`/api/v1/charity/projects/${project.id}`)).body.raisedFen as number;

    const pdfTimes: number[] = [];
    let pdfBytes = 0;
    for (const id of ids.slice(0, 20)) {
      const [t, res] = await timed(() => fetch(`${env.stack.baseUrl}/api/v1/me/donations/${id}/receipt.pdf`, { headers: { authorization: `Bearer ${donor}` } }).then((r) => r.arrayBuffer()));
      pdfTimes.push(t); pdfBytes = res.byteLength;
    }

    const ms = (xs: number[]) => `p50 ${fmt(pct(xs, 0.5), 1)} ms, p90 ${fmt(pct(xs, 0.9), 1)} ms`;
    console.log(`\n## Donations (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, embedded FerretDB)\n`);
    console.log('| figure | measured | baseline (same run) |');
    console.log('|---|---|---|');
    console.log(`| a notification that counts a donation (${ORDERS}, one at a time; includes the fake's signing and encryption) | ${ms(first)} | signed-in \`GET /me/donations\`: ${ms(reads)} |`);
    console.log(`| the same notification again (verified, decrypted, not counted) | ${ms(repeat)} | same |`);
    console.log(`| 100 notifications of one order at once | ${fmt(burstMs)} ms in all; ${statuses.filter((s) => s === 204).length}×204; raised +${fmt(afterBurst - before)} fen (order 12,345) | — |`);
    console.log(`| 50 donors order and pay at once | ${fmt(crowdMs)} ms in all; raised +${fmt(afterCrowd - afterBurst)} fen | sum of the 50 amounts: ${fmt(amounts.reduce((a, b) => a + b, 0))} fen |`);
    console.log(`| receipt PDF (20 reads) | ${ms(pdfTimes)}, ${fmt(pdfBytes / 1024, 1)} KB | — |`);
  } finally {
    await env.stop();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
