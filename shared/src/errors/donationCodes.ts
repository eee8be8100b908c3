/** Error codes of donations, payments and receipts (慈善筹; same shape as ERROR_CODES in codes.ts). */
export const DONATION_ERROR_CODES = {
  DONATION_PROJECT_NOT_FOUND: { status: 404, message: '未找到该慈善项目' },
  DONATION_PROJECT_NOT_RAISING: { status: 409, message: '该项目目前不接受捐赠（尚未发布、已结束或已取消）' },
  DONATION_COMPANY_DETAILS_REQUIRED: { status: 400, message: '企业捐赠请填写企业名称和 18 位统一社会信用代码（纳税人识别号）' },
  DONATION_TAX_NUMBER_INVALID: { status: 400, message: '统一社会信用代码（纳税人识别号）不正确，请核对后重新填写' },
  DONATION_REQUEST_KEY_REUSED: { status: 409, message: '这笔捐赠已经提交过，内容不同；请刷新后重新发起捐赠' },
  DONATION_NOT_FOUND: { status: 404, message: '未找到该捐赠记录' },
  DONATION_NOT_PENDING: { status: 409, message: '这笔捐赠已支付、已关闭或已退款，不能再次支付' },
  DONATION_RECEIPT_NOT_READY: { status: 409, message: '捐赠支付确认后才能开具捐赠票据' },
  PAYMENT_UNAVAILABLE: { status: 503, message: '微信支付暂时不可用，请稍后再试' },
  PAYMENT_NOT_CONFIGURED: { status: 503, message: '捐赠支付尚未开通，请稍后再试' },
  PAYMENT_REFUSED: { status: 409, message: '微信支付未受理这笔订单，请稍后重新发起捐赠' },
  PAYMENT_NOTIFICATION_INVALID: { status: 401, message: '支付通知的签名无效或已过期' },
  PAYMENT_NOTIFICATION_MALFORMED: { status: 400, message: '支付通知无法解密或内容不完整' },
  PAYMENT_AMOUNT_MISMATCH: { status: 409, message: '支付金额与订单金额不一致，已记录待核查，未计入筹款' },
  PAYMENT_ORDER_UNKNOWN: { status: 404, message: '未找到该支付订单' },
} as const;
