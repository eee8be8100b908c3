import { amountInCapitals, formatYuan, shanghaiDate, shanghaiYear } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import type { DonationDoc, DonationRepository } from '../donationRepository';
import { donorDisplay } from '../views/donationViews';
import { renderReceiptPdf, type ReceiptView } from './receiptPdf';

/**
 * 捐赠票据: each confirmed donation gets the next number of its organisation's series for the
 * year (Beijing time of payment), by insert (core/db/numbered.ts): no number twice, no gaps.
 * Called by the one confirmation that counted the donation; the reconcile job numbers any paid
 * donation a crash left without one.
 */
export function receiptService(deps: { repo: DonationRepository }) {
  const { repo } = deps;

  /** The receipt number of a paid donation: its receipt row's, or the next of the series (a new row). */
  async function numberFor(d: DonationDoc): Promise<string> {
    const existing = await repo.receipt(d._id);
    let number = existing?.number;
    if (!number) {
      const paidAt = d.paidAt ? new Date(d.paidAt) : new Date();
      const year = shanghaiYear(paidAt);
      const n = (await repo.takeReceiptNumber(`${d.organizationId}:${year}`, d._id))!;
      const org = d.organizationId.replace(/[^A-Za-z0-9]/g, '').slice(-6).toUpperCase();
      const candidate = { _id: d._id, number: `CS${org}-${year}-${String(n).padStart(6, '0')}`, organizationId: d.organizationId, year, n, issuedAt: new Date() };
      number = (await repo.insertReceipt(candidate)) ? candidate.number : (await repo.receipt(d._id))!.number;
    }
    return number;
  }

  /** Numbers a paid donation that has no number on it yet (the reconcile job's repair, a receipt asked for). */
  async function issue(d: DonationDoc): Promise<string> {
    const number = await numberFor(d);
    await repo.setDonation(d._id, { receiptNumber: number });
    return number;
  }

  function view(d: DonationDoc, number: string): ReceiptView {
    const paidAt = new Date(d.paidAt ?? d.createdAt);
    return {
      number,
      organizationName: d.organizationName,
      projectTitle: d.projectTitle,
      donor: donorDisplay(d),
      taxNumber: d.donorKind === 'company' && !d.anonymous ? d.taxNumber : null,
      amountFigures: `¥${formatYuan(d.amountFen)}`,
      amountWords: `人民币${amountInCapitals(d.amountFen)}`,
      date: shanghaiDate(paidAt),
      donationId: d._id,
      transactionId: d.transactionId ?? '',
    };
  }

  return {
    numberFor,
    issue,
    /** The PDF of the donor's own receipt; 409 before the payment is confirmed (or after a refund). */
    async pdf(_ctx: ActionContext, d: DonationDoc): Promise<{ pdf: Buffer; filename: string }> {
      if (d.status !== 'paid') throw new AppError('DONATION_RECEIPT_NOT_READY');
      const number = d.receiptNumber ?? (await issue(d));
      return { pdf: await renderReceiptPdf(view(d, number)), filename: `捐赠票据-${number}.pdf` };
    },
  };
}
export type ReceiptService = ReturnType<typeof receiptService>;
