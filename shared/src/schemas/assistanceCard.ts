import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, RegionCode, StrictObject } from './common';

/** 电子救助卡: what the person's card shows, and what a scan tells the staff member or service point. */
export const CardProgramme = Type.Object({
  programme: Type.String(),
  programmeName: Type.String(),
  /** Monthly amount (fen); null for a one-off grant. */
  monthlyAmountFen: Type.Union([Type.Integer(), Type.Null()]),
  startMonth: Type.String({ description: 'YYYY-MM：开始发放的月份' }),
});
export type CardProgramme = Static<typeof CardProgramme>;

/** A short-lived signed QR token: `<payload>.<signature>` (base64url), the payload naming the account, the expiry and a nonce. */
export const CardToken = Type.String({ minLength: 20, maxLength: 400, pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', description: '电子救助卡二维码的内容（有效期约5分钟）' });

export const AssistanceCardView = Type.Object({
  holderNameMasked: Type.String(),
  idNumberMasked: Type.String(),
  regionCode: Type.Union([RegionCode, Type.Null()]),
  programmes: Type.Array(CardProgramme),
  qr: Type.Object({ token: CardToken, expiresAt: IsoDateTime, ttlSeconds: Type.Integer() }),
});
export type AssistanceCardView = Static<typeof AssistanceCardView>;

export const CardVerifyBody = StrictObject({ token: CardToken });
export type CardVerifyBody = Static<typeof CardVerifyBody>;

/** Only what confirming the card needs: valid, a masked name and the programmes' names — never an ID number, phone or amount. */
export const CardVerifyResult = Type.Object({
  status: Type.Literal('valid'),
  holderNameMasked: Type.String(),
  programmes: Type.Array(Type.Object({ programme: Type.String(), programmeName: Type.String() })),
  expiresAt: IsoDateTime,
});
export type CardVerifyResult = Static<typeof CardVerifyResult>;
