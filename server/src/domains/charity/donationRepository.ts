import type { Connection } from 'mongoose';
import { ensureIndexes } from '../../core/db/ensureIndexes';
import { insertWins } from '../../core/db/insertWins';
import { takeNumber } from '../../core/db/numbered';
import { registerDonationModels, type DonationDoc, type DonationPaymentDoc, type DonationRefundDoc } from './models/donation';
import { registerReceiptModels, type DonationReceiptDoc } from './models/receipt';

export type { DonationDoc, DonationPaymentDoc, DonationRefundDoc, DonationReceiptDoc };

/**
 * Every database access of donations, payments, refunds and receipts (docs/charity.md). Registers
 * the models and creates their indexes (awaited), so the unique keys exist before the first request.
 */
export async function donationRepository(conn: Connection) {
  const m = { ...registerDonationModels(conn), ...registerReceiptModels(conn) };
  await ensureIndexes({ Donation: m.Donation, DonationPayment: m.DonationPayment, DonationRefund: m.DonationRefund, Receipt: m.Receipt, ReceiptNumbers: m.receiptNumbers.numbers, ReceiptHints: m.receiptNumbers.hints });
  const lean = <T>(q: { lean<R>(): { exec(): Promise<R> } }) => q.lean<T>().exec();

  return {
    insertDonation: (doc: DonationDoc) => insertWins(m.Donation, doc),
    donation: (id: string) => lean<DonationDoc | null>(m.Donation.findById(id)),
    /** A person's donations, newest first. */
    donationsOf: (donorId: string, limit: number) => m.Donation.find({ donorId }).sort({ createdAt: -1, _id: 1 }).limit(limit).lean<DonationDoc[]>().exec(),
    setDonation: (id: string, set: Partial<DonationDoc>) => m.Donation.updateOne({ _id: id }, { $set: { ...set, updatedAt: new Date() } }).exec(),
    /** A state change from `from`; with FerretDB this filter is not a guard on its own (the insert-wins rows are). */
    moveDonation: (id: string, from: DonationDoc['status'][], set: Partial<DonationDoc>) =>
      m.Donation.updateOne({ _id: id, status: { $in: from } }, { $set: { ...set, updatedAt: new Date() } }).exec().then((r) => r.modifiedCount > 0),

    /** Insert wins: true for the one confirmation that counts the donation. */
    insertPayment: (doc: DonationPaymentDoc) => insertWins(m.DonationPayment, doc),
    payment: (id: string) => lean<DonationPaymentDoc | null>(m.DonationPayment.findById(id)),

    /** Sum of paid donations of a project (the exact raised total: one row per donation, never a counter). */
    async raisedFen(projectId: string): Promise<number> {
      // Summed here from the amounts alone, read through the (projectId, status) index: FerretDB
      // v1.24 runs `$group` row by row in Go, several times slower than reading the same rows.
      let total = 0;
      for await (const d of m.Donation.find({ projectId, status: 'paid' }, { amountFen: 1 }).lean<Pick<DonationDoc, 'amountFen'>[]>().cursor()) total += d.amountFen;
      return total;
    },
    /** Paid (or, with `statuses`, other) donations of a project, as a cursor. */
    donationsOfProject: (projectId: string, statuses: DonationDoc['status'][]) =>
      m.Donation.find({ projectId, status: { $in: statuses } }).sort({ _id: 1 }).lean<DonationDoc[]>().cursor(),
    /** Pending orders made before `before`, oldest first (the reconcile job). */
    pendingBefore: (before: Date, limit: number) => m.Donation.find({ status: 'pending', createdAt: { $lt: before } }).sort({ createdAt: 1, _id: 1 }).limit(limit).lean<DonationDoc[]>().exec(),
    /** Paid donations without a receipt number yet (a confirmation interrupted before numbering). */
    paidWithoutReceipt: (limit: number) => m.Donation.find({ status: 'paid', receiptNumber: null }).limit(limit).lean<DonationDoc[]>().exec(),

    insertRefund: (doc: DonationRefundDoc) => insertWins(m.DonationRefund, doc),
    refund: (id: string) => lean<DonationRefundDoc | null>(m.DonationRefund.findById(id)),
    setRefund: (id: string, set: Partial<DonationRefundDoc>) => m.DonationRefund.updateOne({ _id: id }, { $set: set }).exec(),
    moveRefund: (id: string, from: DonationRefundDoc['status'][], set: Partial<DonationRefundDoc>) => m.DonationRefund.updateOne({ _id: id, status: { $in: from } }, { $set: set }).exec().then((r) => r.modifiedCount > 0),
    refundsNotDone: (limit: number) => m.DonationRefund.find({ status: { $in: ['requested', 'processing'] } }).sort({ status: 1, requestedAt: 1 }).limit(limit).lean<DonationRefundDoc[]>().exec(),

    receipt: (donationId: string) => lean<DonationReceiptDoc | null>(m.Receipt.findById(donationId)),
    insertReceipt: (doc: DonationReceiptDoc) => insertWins(m.Receipt, doc),
    /** The next number of a series (organisation and year), by insert. */
    takeReceiptNumber: (series: string, donationId: string) => takeNumber(m.receiptNumbers, series, donationId),
  };
}
export type DonationRepository = Awaited<ReturnType<typeof donationRepository>>;
