import type { FastifyBaseLogger } from 'fastify';
import type { Refund } from '../../../core/adapters/wechatpay/types';
import type { DonationDoc, DonationRepository } from '../donationRepository';
import type { PaymentProvider } from './paymentProvider';

/**
 * Refunds of a cancelled project (慈善项目取消，善款原路退回). Each donation is refunded once: the
 * refund row's insert (`_id` = donation id = out_refund_no) decides who asks WeChat Pay, and WeChat
 * refunds an out_refund_no once however often it is asked, so a retry (the reconcile job) is safe.
 * Unpaid orders of the project are closed.
 */
export function refundService(deps: { repo: DonationRepository; payments: PaymentProvider; log: FastifyBaseLogger }) {
  const { repo, payments } = deps;

  async function ask(d: Pick<DonationDoc, '_id' | 'amountFen'>): Promise<void> {
    const client = await payments.client();
    const r = await client.refund({ outTradeNo: d._id, outRefundNo: d._id, refundFen: d.amountFen, totalFen: d.amountFen, reason: '慈善项目已取消，善款原路退回', notifyUrl: payments.notifyUrl() });
    await applied(r);
  }

  /** What WeChat Pay says of a refund (its answer, a REFUND.* notification, or a query). */
  async function applied(r: Refund): Promise<void> {
    const id = r.outRefundNo;
    if (r.status === 'SUCCESS') {
      const now = new Date();
      await repo.setRefund(id, { status: 'done', refundId: r.refundId, doneAt: now });
      await repo.moveDonation(id, ['paid', 'refunding'], { status: 'refunded', refundedAt: now });
    } else if (r.status === 'PROCESSING') {
      // Only while the row is still "requested": a SUCCESS that overtook this answer stays final.
      const moved = await repo.moveRefund(id, ['requested'], { status: 'processing', refundId: r.refundId });
      if (moved) await repo.moveDonation(id, ['paid'], { status: 'refunding' });
    } else {
      // CLOSED / ABNORMAL (the payer's account cannot take it): WeChat's merchant desk resolves it by hand.
      deps.log.error({ donationId: id, status: r.status }, 'refund not completed by WeChat Pay: needs a hand check');
    }
  }

  async function refundOne(d: DonationDoc): Promise<void> {
    const won = await repo.insertRefund({ _id: d._id, projectId: d.projectId, amountFen: d.amountFen, status: 'requested', refundId: null, requestedAt: new Date(), doneAt: null });
    if (!won) return; // asked already (by another cancellation call, or a retry): the reconcile job follows it
    await ask(d);
  }

  return {
    refundOne,
    applied,
    ask,
    /** Every paid donation of the project refunded once; every unpaid order closed. */
    async refundAll(projectId: string): Promise<{ refunded: number; closed: number }> {
      let refunded = 0;
      let closed = 0;
      for await (const d of repo.donationsOfProject(projectId, ['paid', 'pending'])) {
        try {
          if (d.status === 'pending') {
            const client = await payments.client();
            // An order paid a moment ago refuses to close (ORDERPAID): its payment is confirmed and refunded later.
            await client.closeOrder(d._id).then(() => repo.moveDonation(d._id, ['pending'], { status: 'closed' })).then(() => { closed += 1; }, () => {});
            continue;
          }
          await refundOne(d);
          refunded += 1;
        } catch (err) {
          deps.log.error({ err, donationId: d._id, projectId }, 'refund failed; the reconcile job retries it');
        }
      }
      return { refunded, closed };
    },
  };
}
export type RefundService = ReturnType<typeof refundService>;
