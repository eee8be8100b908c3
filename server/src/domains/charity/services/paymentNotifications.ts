import { AppError } from '../../../core/errors/AppError';
import type { PaymentConfirmation } from './paymentConfirmation';
import type { PaymentProvider } from './paymentProvider';
import type { RefundService } from './refundService';

/**
 * A WeChat Pay notification (POST /payments/wechat/notify): verified (signature over the raw body,
 * serial, timestamp) and decrypted by the client, then applied. The answer is what WeChat expects:
 * 204 when handled (a repeat of a counted payment too, so WeChat stops retrying); a 4xx otherwise
 * (401 forged or stale, 400 undecryptable, 404 unknown order, 409 amount differs — recorded, not counted).
 */
export function paymentNotifications(deps: { payments: PaymentProvider; confirmation: PaymentConfirmation; refunds: RefundService }) {
  return {
    async receive(headers: Record<string, string | string[] | undefined>, rawBody: string): Promise<void> {
      const client = await deps.payments.client();
      const n = client.parseNotification(headers, rawBody);
      if (n.kind === 'refund') {
        await deps.refunds.applied(n.refund);
        return;
      }
      const outcome = await deps.confirmation.confirm(n.transaction, 'notification');
      if (outcome === 'unknownOrder') throw new AppError('PAYMENT_ORDER_UNKNOWN');
      if (outcome === 'mismatch') throw new AppError('PAYMENT_AMOUNT_MISMATCH');
    },
  };
}
