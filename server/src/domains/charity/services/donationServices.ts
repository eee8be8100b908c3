import type { FastifyBaseLogger } from 'fastify';
import type { PaymentConfig } from '@dajiuzhu/config';
import type { Services } from '../../../core/services';
import type { CharityApi } from '../api';
import type { DonationRepository } from '../donationRepository';
import { donationService } from './donationService';
import { donationTotals } from './donationTotals';
import { paymentConfirmation } from './paymentConfirmation';
import { paymentNotifications } from './paymentNotifications';
import type { PaymentProvider } from './paymentProvider';
import { paymentReconcile } from './paymentReconcile';
import { receiptService } from './receiptService';
import { refundService } from './refundService';

/** Donations, payments, refunds and receipts, wired once per app (charity/index.ts). */
export function donationServices(deps: { repo: DonationRepository; payments: PaymentProvider; projects: CharityApi['projects']; core: Services; config: PaymentConfig; log: FastifyBaseLogger }) {
  const { repo, payments, log } = deps;
  const receipts = receiptService({ repo });
  const refunds = refundService({ repo, payments, log });
  const confirmation = paymentConfirmation({ repo, receipts, refunds, projects: deps.projects, log });
  return {
    donations: donationService({ repo, projects: deps.projects, payments, users: deps.core.users, config: deps.config }),
    notifications: paymentNotifications({ payments, confirmation, refunds }),
    receipts,
    refunds,
    reconcile: paymentReconcile({ repo, payments, confirmation, refunds, receipts, config: deps.config, log }),
    totals: donationTotals(repo),
    payments,
  };
}
export type DonationServices = ReturnType<typeof donationServices>;
