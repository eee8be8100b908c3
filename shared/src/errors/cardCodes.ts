/** Error codes of 电子救助卡 (assistanceCard; same shape as ERROR_CODES in codes.ts). */
export const CARD_ERROR_CODES = {
  CARD_IDENTITY_REQUIRED: { status: 409, message: '请先完成实名核验，再出示电子救助卡' },
  // A token whose signature does not check out (forged, altered, or signed with another key): 403, nothing shown.
  CARD_TOKEN_INVALID: { status: 403, message: '二维码无效，请让对方刷新电子救助卡后重新扫码' },
  CARD_TOKEN_EXPIRED: { status: 410, message: '二维码已过期，请让对方刷新电子救助卡后重新扫码' },
} as const;
