import { ANONYMOUS_DONOR, type Donation } from '@dajiuzhu/shared';
import type { DonationDoc } from '../donationRepository';

/** What others see of the donor: 匿名爱心人士, the company, or the name (爱心人士 when none was given). */
export function donorDisplay(d: Pick<DonationDoc, 'anonymous' | 'donorKind' | 'companyName' | 'donorName'>): string {
  if (d.anonymous) return ANONYMOUS_DONOR;
  if (d.donorKind === 'company') return d.companyName;
  return d.donorName || '爱心人士';
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A donation as its donor sees it (GET /me/donations). */
export function donationView(d: DonationDoc): Donation {
  return {
    id: d._id,
    projectId: d.projectId,
    projectTitle: d.projectTitle,
    organizationName: d.organizationName,
    amountFen: d.amountFen,
    status: d.status,
    donorKind: d.donorKind,
    donorDisplay: donorDisplay(d),
    anonymous: d.anonymous,
    message: d.message,
    createdAt: new Date(d.createdAt).toISOString(),
    paidAt: iso(d.paidAt),
    receiptNumber: d.receiptNumber,
    refundedAt: iso(d.refundedAt),
  };
}
