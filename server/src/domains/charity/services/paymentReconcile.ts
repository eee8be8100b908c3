import type { FastifyBaseLogger } from 'fastify';
import type { PaymentConfig } from '@dajiuzhu/config';
import type { DonationRepository } from '../donationRepository';
import type { PaymentConfirmation } from './paymentConfirmation';
import type { PaymentProvider } from './paymentProvider';
import type { ReceiptService } from './receiptService';
import type { RefundService } from './refundService';

export interface ReconcileResult { confirmed: number; closed: number; refundsFollowed: number; receiptsIssued: number }

const BATCH = 100;
/** A refund row still "requested" this long after it was made lost its request (a crash, WeChat unreachable): ask again. */
const REFUND_RETRY_MS = 30_000;

/**
 * The reconcile job (one API process at a time, core/jobs): WeChat Pay's notification can be late
 * or lost, so an order still pending `lateAfterSeconds` after it was made is asked about — paid →
 * confirmed as a notification would (once: the same insert-wins row); never paid and past its expiry
 * → closed at WeChat and here. Refunds not yet done are followed up, and a paid donation a crash
 * left without a receipt number gets one.
 */
export function paymentReconcile(deps: { repo: DonationRepository; payments: PaymentProvider; confirmation: PaymentConfirmation; refunds: RefundService; receipts: ReceiptService; config: PaymentConfig; log: FastifyBaseLogger }) {
  const { repo, payments, log } = deps;
  return {
    async run(now = new Date(), signal?: AbortSignal): Promise<ReconcileResult> {
      const result: ReconcileResult = { confirmed: 0, closed: 0, refundsFollowed: 0, receiptsIssued: 0 };
      const pending = await repo.pendingBefore(new Date(now.getTime() - deps.config.lateAfterSeconds * 1000), BATCH);
      const refunds = await repo.refundsNotDone(BATCH);
      // Nothing to ask WeChat about: no client needed (with the fake provider, none is started).
      const client = pending.length || refunds.length ? await payments.client().catch(() => null) : null;
      for (const d of client ? pending : []) {
        if (signal?.aborted) return result;
        try {
          const t = await client!.queryOrder(d._id);
          if (t?.tradeState === 'SUCCESS') {
            if ((await deps.confirmation.confirm(t, 'query')) === 'counted') result.confirmed += 1;
          } else if (!t || ['CLOSED', 'REVOKED', 'PAYERROR'].includes(t.tradeState) || now > new Date(d.expiresAt)) {
            if (t && t.tradeState !== 'CLOSED') await client!.closeOrder(d._id);
            if (await repo.moveDonation(d._id, ['pending'], { status: 'closed' })) result.closed += 1;
          }
        } catch (err) {
          log.warn({ err, donationId: d._id }, 'payment reconcile: order check failed, tried again next run');
        }
      }
      for (const r of client ? refunds : []) {
        if (signal?.aborted) return result;
        try {
          if (r.status === 'requested') {
            if (now.getTime() - new Date(r.requestedAt).getTime() < REFUND_RETRY_MS) continue;
            await deps.refunds.ask({ _id: r._id, amountFen: r.amountFen });
          } else {
            const found = await client!.queryRefund(r._id);
            if (found) await deps.refunds.applied(found);
          }
          result.refundsFollowed += 1;
        } catch (err) {
          log.warn({ err, donationId: r._id }, 'payment reconcile: refund follow-up failed, tried again next run');
        }
      }
      for (const d of await repo.paidWithoutReceipt(BATCH)) {
        await deps.receipts.issue(d).then(() => { result.receiptsIssued += 1; }, (err: unknown) => log.warn({ err, donationId: d._id }, 'receipt not issued'));
      }
      return result;
    },
  };
}
