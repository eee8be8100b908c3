import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { DonorKind, IsoDateTime, StrictObject } from './common';
import { CREDIT_CODE_PATTERN } from '../charity/progress';

/** 慈善筹 donations, payments and receipts: request and response shapes (docs/charity.md, "Payments and receipts"). */

const literals = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {}) as unknown as TUnion<TLiteral<T[number]>[]>;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** A donation's life: pending (ordered, not paid) → paid (counted) → refunding → refunded; or closed (never paid), or flagged (paid amount differs: not counted, checked by hand). */
export const DONATION_STATUSES = ['pending', 'paid', 'closed', 'flagged', 'refunding', 'refunded'] as const;
export type DonationStatusName = (typeof DONATION_STATUSES)[number];
export const DonationStatus = literals(DONATION_STATUSES, 'pending 待支付 / paid 已到账 / closed 已关闭（未支付） / flagged 金额异常待核查 / refunding 退款中 / refunded 已退款');

/** The largest single donation: 1,000,000 yuan. */
export const DONATION_MAX_FEN = 100_000_000;
/** The donor display of an anonymous gift, wherever others can see it (and on its receipt). */
export const ANONYMOUS_DONOR = '匿名爱心人士';

const DonationId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

const donationFields = {
  projectId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '慈善项目 id' }),
  amountFen: Type.Integer({ minimum: 1, maximum: DONATION_MAX_FEN, description: '捐赠金额（分）' }),
  anonymous: Type.Boolean({ description: '匿名捐赠：项目页和票据上都显示“匿名爱心人士”' }),
  message: Type.Optional(Type.String({ maxLength: 100, description: '留言（可选）' })),
  requestKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '客户端为这次捐赠生成的随机键：重试同一请求得到同一笔订单' }),
};
/**
 * One flat body for both kinds (the phone builds it from one form): a company's donation
 * (donorKind company) needs companyName and taxNumber — 400 DONATION_COMPANY_DETAILS_REQUIRED
 * without them, 400 DONATION_TAX_NUMBER_INVALID when the check character is wrong.
 */
export const CreateDonationBody = StrictObject({
  ...donationFields,
  donorKind: DonorKind,
  donorName: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: '个人捐赠：票据上的捐赠人姓名（不填则为“爱心人士”）' })),
  companyName: Type.Optional(Type.String({ minLength: 2, maxLength: 80, description: '企业捐赠：企业名称（必填）' })),
  taxNumber: Type.Optional(Type.String({ minLength: 18, maxLength: 18, pattern: CREDIT_CODE_PATTERN, description: '企业捐赠：18 位统一社会信用代码（纳税人识别号，必填；校验位由服务器检查）' })),
});
export type CreateDonationBody = Static<typeof CreateDonationBody>;

export const DonationIdParams = StrictObject({ id: DonationId });
export type DonationIdParams = Static<typeof DonationIdParams>;

export const Donation = Type.Object({
  id: Type.String({ description: '捐赠编号（也是微信支付的商户订单号）' }),
  projectId: Type.String(),
  projectTitle: Type.String(),
  organizationName: Type.String(),
  amountFen: Type.Integer(),
  status: DonationStatus,
  donorKind: DonorKind,
  /** What others see: the name, the company, or 匿名爱心人士. */
  donorDisplay: Type.String(),
  anonymous: Type.Boolean(),
  message: Nullable(Type.String()),
  createdAt: IsoDateTime,
  paidAt: Nullable(IsoDateTime),
  receiptNumber: Nullable(Type.String({ description: '捐赠票据编号（到账后开具）' })),
  refundedAt: Nullable(IsoDateTime),
});
export type Donation = Static<typeof Donation>;

export const DonationList = Type.Object({ donations: Type.Array(Donation) });
export type DonationList = Static<typeof DonationList>;

/** What the mini-program passes to wx.requestPayment (signed by the server with the merchant key). */
export const RequestPaymentParams = Type.Object({
  timeStamp: Type.String(),
  nonceStr: Type.String(),
  package: Type.String({ description: 'prepay_id=…' }),
  signType: Type.Literal('RSA'),
  paySign: Type.String(),
});
export type RequestPaymentParams = Static<typeof RequestPaymentParams>;

export const CreatedDonation = Type.Object({
  donation: Donation,
  payment: Type.Object({
    provider: Type.Union([Type.Literal('wechat'), Type.Literal('fake')], { description: 'fake：开发环境的模拟支付，H5 显示“模拟支付”页' }),
    requestPayment: RequestPaymentParams,
    /** Only with the fake provider: POST here (signed in) to pay the order on the local fake payment server. */
    simulatePath: Nullable(Type.String({ description: '仅模拟支付：POST 此地址完成模拟支付' })),
  }),
});
export type CreatedDonation = Static<typeof CreatedDonation>;

/**
 * A WeChat Pay v3 notification as it arrives (the resource is encrypted; the signature is over the
 * raw body, checked before anything else). WeChat may add fields, so undeclared ones are allowed.
 */
export const WechatPayNotification = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64 }),
    create_time: Type.String({ maxLength: 64 }),
    event_type: Type.String({ minLength: 1, maxLength: 64 }),
    resource_type: Type.String({ maxLength: 64 }),
    summary: Type.Optional(Type.String({ maxLength: 128 })),
    resource: Type.Object(
      {
        algorithm: Type.String({ maxLength: 32 }),
        ciphertext: Type.String({ minLength: 1, maxLength: 16384 }),
        nonce: Type.String({ minLength: 1, maxLength: 32 }),
        associated_data: Type.Optional(Type.String({ maxLength: 64 })),
        original_type: Type.Optional(Type.String({ maxLength: 32 })),
      },
      { additionalProperties: true },
    ),
  },
  { additionalProperties: true, description: '微信支付 APIv3 回调通知（验签后解密）' },
);
