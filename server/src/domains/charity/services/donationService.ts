import { createHash } from 'node:crypto';
import { isCreditCode, type CreateDonationBody, type CreatedDonation, type Donation } from '@dajiuzhu/shared';
import type { PaymentConfig } from '@dajiuzhu/config';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import type { Services } from '../../../core/services';
import type { CharityApi } from '../api';
import type { DonationDoc, DonationRepository } from '../donationRepository';
import { donationView } from '../views/donationViews';
import type { PaymentProvider } from './paymentProvider';

/**
 * The id of a donation: derived from the donor and the client's request key, so a retried create
 * (the same key) is the same document and the same WeChat Pay order (out_trade_no: 6–32 of
 * [A-Za-z0-9_-]). "dn" + 30 hex characters of SHA-256.
 */
export function donationIdFor(userId: string, requestKey: string): string {
  return `dn${createHash('sha256').update(`${userId}\n${requestKey}`).digest('hex').slice(0, 30)}`;
}

export interface DonationDeps {
  repo: DonationRepository;
  projects: CharityApi['projects'];
  payments: PaymentProvider;
  users: Services['users'];
  config: PaymentConfig;
}

/** 捐赠: a signed-in person gives to a raising project; the answer carries what wx.requestPayment needs. */
export function donationService(deps: DonationDeps) {
  const { repo, payments } = deps;

  function checkDonor(body: CreateDonationBody): void {
    if (body.donorKind !== 'company') return;
    if (!body.companyName?.trim() || !body.taxNumber) throw new AppError('DONATION_COMPANY_DETAILS_REQUIRED');
    if (!isCreditCode(body.taxNumber)) throw new AppError('DONATION_TAX_NUMBER_INVALID');
  }

  async function newDonation(ctx: ActionContext, id: string, body: CreateDonationBody): Promise<DonationDoc> {
    const project = await deps.projects.forDonation(body.projectId);
    if (!project) throw new AppError('DONATION_PROJECT_NOT_FOUND');
    if (!project.acceptsDonations) throw new AppError('DONATION_PROJECT_NOT_RAISING');
    await payments.client(); // 503 before anything is stored when payments are not set up
    const now = new Date();
    const doc: DonationDoc = {
      _id: id,
      projectId: project.id,
      organizationId: project.organizationId,
      projectTitle: project.title,
      organizationName: project.organizationName,
      regionCode: project.regionCode,
      donorId: ctx.actor._id,
      donorKind: body.donorKind,
      donorName: body.donorKind === 'person' ? (body.donorName?.trim() ?? '') : '',
      companyName: body.donorKind === 'company' ? (body.companyName ?? '').trim() : '',
      taxNumber: body.donorKind === 'company' ? (body.taxNumber ?? '') : '',
      anonymous: body.anonymous,
      message: body.message?.trim() || null,
      amountFen: body.amountFen,
      status: 'pending',
      requestKey: body.requestKey,
      prepayId: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.config.orderTtlMinutes * 60_000),
      paidAt: null,
      transactionId: null,
      receiptNumber: null,
      flag: null,
      refundedAt: null,
      updatedAt: now,
    };
    // Insert wins: of two identical requests racing, one stores it; the other reads it back.
    if (await repo.insertDonation(doc)) return doc;
    return (await repo.donation(id))!;
  }

  return {
    async create(ctx: ActionContext, body: CreateDonationBody): Promise<CreatedDonation> {
      checkDonor(body);
      const id = donationIdFor(ctx.actor._id, body.requestKey);
      const d = (await repo.donation(id)) ?? (await newDonation(ctx, id, body));
      if (d.projectId !== body.projectId || d.amountFen !== body.amountFen || d.donorKind !== body.donorKind || d.anonymous !== body.anonymous) {
        throw new AppError('DONATION_REQUEST_KEY_REUSED');
      }
      if (d.status !== 'pending') throw new AppError('DONATION_NOT_PENDING');
      const client = await payments.client();
      let prepayId = d.prepayId;
      if (!prepayId) {
        // The payer's WeChat openid: the account's own sign-in (the fake accepts any, e.g. a dev sign-in).
        const openid = (await deps.users.openidOf(ctx.actor._id)) ?? (payments.kind === 'fake' ? `fake-${ctx.actor._id}` : null);
        if (!openid) throw new AppError('PAYMENT_REFUSED', { message: '请在微信小程序中完成捐赠（需要用微信登录）' });
        // WeChat answers the same prepay_id for the same out_trade_no and content, so a retry is safe.
        ({ prepayId } = await client.createJsapiOrder({
          outTradeNo: d._id, description: `慈善捐赠-${d.projectTitle}`, amountFen: d.amountFen, payerOpenid: openid, notifyUrl: payments.notifyUrl(), expiresAt: new Date(d.expiresAt),
        }));
        await repo.setDonation(d._id, { prepayId });
      }
      const { appId: _appId, ...requestPayment } = client.requestPayment(prepayId);
      return {
        donation: donationView({ ...d, prepayId }),
        payment: { provider: payments.kind, requestPayment, simulatePath: payments.kind === 'fake' ? `/api/v1/dev/payments/${d._id}/pay` : null },
      };
    },

    async mine(ctx: ActionContext): Promise<Donation[]> {
      return (await repo.donationsOf(ctx.actor._id, 100)).map(donationView);
    },

    /** The donor's own donation (anyone else: 404, as if it did not exist). */
    async own(ctx: ActionContext, id: string): Promise<DonationDoc> {
      const d = await repo.donation(id);
      if (!d || d.donorId !== ctx.actor._id) throw new AppError('DONATION_NOT_FOUND');
      return d;
    },

    /**
     * 模拟支付 (provider 'fake' only): the fake payment server marks the order paid and posts its
     * signed notification to this server, as WeChat would; answers the donation after that.
     */
    async simulatePay(ctx: ActionContext, id: string): Promise<Donation> {
      const fake = await payments.fake();
      if (!fake) throw new AppError('ROUTE_NOT_FOUND');
      const d = await this.own(ctx, id);
      if (d.status === 'paid') return donationView(d);
      if (d.status !== 'pending' || !fake.orders.has(id)) throw new AppError('DONATION_NOT_PENDING');
      await fake.pay(id);
      return donationView((await repo.donation(id))!);
    },
  };
}
export type DonationService = ReturnType<typeof donationService>;
