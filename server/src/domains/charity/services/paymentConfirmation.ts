import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from '../../../core/adapters/wechatpay/types';
import type { CharityApi } from '../api';
import type { DonationDoc, DonationRepository } from '../donationRepository';
import type { ReceiptService } from './receiptService';
import type { RefundService } from './refundService';

export type ConfirmOutcome = 'counted' | 'alreadyCounted' | 'mismatch' | 'unknownOrder' | 'notPaid';

/**
 * Confirms a payment WeChat Pay reported (a notification, or the answer to our query), exactly
 * once: the donation is counted by the one insert of its row in charity_donation_payments (`_id` =
 * donation id). A hundred notifications for one order at once: one insert wins, the rest are
 * answered as received and change nothing. An amount that is not the order's is flagged for a
 * hand check and never counted.
 */
export function paymentConfirmation(deps: { repo: DonationRepository; receipts: ReceiptService; refunds: RefundService; projects: CharityApi['projects']; log: FastifyBaseLogger }) {
  const { repo } = deps;

  const paidAtOf = (t: Transaction) => {
    const at = t.successTime ? new Date(t.successTime) : new Date();
    return Number.isNaN(at.getTime()) ? new Date() : at;
  };

  /** Paid, with its receipt number in the same write (numbered first), so a paid donation shows its number at once. */
  async function markPaid(d: DonationDoc, t: Transaction): Promise<DonationDoc> {
    const paid: DonationDoc = { ...d, status: 'paid', paidAt: paidAtOf(t), transactionId: t.transactionId };
    paid.receiptNumber = await deps.receipts.numberFor(paid);
    // A closed order WeChat still reports paid (paid as it was closed): the money is there, count it.
    await repo.moveDonation(d._id, ['pending', 'closed'], { status: 'paid', paidAt: paid.paidAt, transactionId: paid.transactionId, receiptNumber: paid.receiptNumber });
    return paid;
  }

  return {
    async confirm(t: Transaction, via: 'notification' | 'query'): Promise<ConfirmOutcome> {
      if (t.tradeState !== 'SUCCESS') return 'notPaid';
      const d = await repo.donation(t.outTradeNo);
      if (!d) return 'unknownOrder';
      // A donation flagged for a hand check stays out of the totals until someone has looked at it.
      if (d.status === 'flagged') return 'mismatch';
      if (t.totalFen !== d.amountFen) {
        deps.log.warn({ donationId: d._id, orderFen: d.amountFen, reportedFen: t.totalFen, via }, 'payment amount differs from the order: flagged, not counted');
        await repo.moveDonation(d._id, ['pending', 'closed'], { status: 'flagged', flag: { reason: 'amountMismatch', reportedFen: t.totalFen, transactionId: t.transactionId, at: new Date() } });
        return 'mismatch';
      }
      const won = await repo.insertPayment({ _id: d._id, transactionId: t.transactionId, amountFen: t.totalFen, via, at: new Date() });
      if (!won) {
        // Counted before. A query finding it still pending repairs a confirmation interrupted midway.
        if (via === 'query' && d.status === 'pending') await markPaid(d, t);
        return 'alreadyCounted';
      }
      const paid = await markPaid(d, t);
      // Paid after its project was cancelled (a late payment): straight back to the donor.
      const project = await deps.projects.forDonation(d.projectId);
      if (project?.status === 'cancelled') await deps.refunds.refundOne(paid);
      return 'counted';
    },
  };
}
export type PaymentConfirmation = ReturnType<typeof paymentConfirmation>;
