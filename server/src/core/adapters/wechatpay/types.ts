/** What the product needs of WeChat Pay API v3, in its own words (client.ts speaks WeChat's). */

/** trade_state of an order: SUCCESS paid, NOTPAY not yet, CLOSED closed, REFUND refunded (part or all), … */
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface Transaction {
  outTradeNo: string;
  transactionId: string;
  tradeState: TradeState;
  /** The order's amount, fen. */
  totalFen: number;
  successTime: string | null;
  mchId: string;
  appId: string;
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface Refund {
  outRefundNo: string;
  outTradeNo: string;
  refundId: string;
  status: RefundStatus;
  refundFen: number;
}

/** A verified, decrypted notification: a payment (TRANSACTION.*) or a refund (REFUND.*). */
export type PaymentNotification =
  | { id: string; kind: 'transaction'; eventType: string; transaction: Transaction }
  | { id: string; kind: 'refund'; eventType: string; refund: Refund };

export interface JsapiOrder {
  outTradeNo: string;
  description: string;
  amountFen: number;
  payerOpenid: string;
  notifyUrl: string;
  /** The order cannot be paid after this. */
  expiresAt: Date;
}

export interface WechatPayClient {
  /** JSAPI order (小程序下单); the same out_trade_no with the same content answers the same prepay_id. */
  createJsapiOrder(order: JsapiOrder): Promise<{ prepayId: string }>;
  /** The signed parameters of wx.requestPayment for a prepay_id. */
  requestPayment(prepayId: string): { appId: string; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string };
  /** null when WeChat does not know the order. */
  queryOrder(outTradeNo: string): Promise<Transaction | null>;
  closeOrder(outTradeNo: string): Promise<void>;
  /** Idempotent per out_refund_no: asking again answers the same refund. */
  refund(r: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string; notifyUrl: string }): Promise<Refund>;
  queryRefund(outRefundNo: string): Promise<Refund | null>;
  /**
   * Verifies a notification (signature by WeChat Pay's key over the raw body, serial, timestamp
   * within the allowed skew) and decrypts its resource. Throws AppError
   * PAYMENT_NOTIFICATION_INVALID (401) or PAYMENT_NOTIFICATION_MALFORMED (400).
   */
  parseNotification(headers: Record<string, string | string[] | undefined>, rawBody: string, now?: number): PaymentNotification;
}
