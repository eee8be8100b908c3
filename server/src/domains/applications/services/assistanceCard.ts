import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { maskName, programmeName, shanghaiMonth, type AssistanceCardView, type CardVerifyResult } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import type { Services } from '../../../core/services';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff } from '../../../core/scope/staffScope';
import type { EntitlementRecord } from '../api';

/**
 * 电子救助卡 (docs/supervision.md): the person's current programmes and a short-lived signed QR
 * token. The token is `<payload>.<HMAC-SHA256 of payload>` (base64url); the payload names the
 * account, the expiry (seconds) and a random nonce, so two cards shown a second apart differ and a
 * photo of the screen is useless after `ttlSeconds`. Nothing in it is personal data: a scan learns
 * only what `verify` answers.
 */
export interface CardSigner {
  issue(userId: string): { token: string; expiresAt: Date };
  /** The account a token names; CARD_TOKEN_INVALID (403) for a forged or altered one, CARD_TOKEN_EXPIRED (410) after its expiry. */
  open(token: string): { userId: string; expiresAt: Date };
}

export function cardSigner(key: string, ttlSeconds: number, now: () => Date = () => new Date()): CardSigner {
  const sign = (payload: string) => createHmac('sha256', key).update(`card:v1:${payload}`).digest('base64url');
  return {
    issue(userId) {
      const expiresAt = new Date(now().getTime() + ttlSeconds * 1000);
      const payload = Buffer.from(JSON.stringify({ u: userId, e: Math.floor(expiresAt.getTime() / 1000), n: randomBytes(9).toString('base64url') })).toString('base64url');
      return { token: `${payload}.${sign(payload)}`, expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000) };
    },
    open(token) {
      const [payload, signature] = token.split('.');
      const expected = Buffer.from(sign(payload ?? ''));
      const given = Buffer.from(signature ?? '');
      // The signature first, in constant time: nothing of a forged token is read.
      if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('CARD_TOKEN_INVALID');
      let body: { u?: unknown; e?: unknown };
      try { body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')); } catch { throw new AppError('CARD_TOKEN_INVALID'); }
      if (typeof body.u !== 'string' || typeof body.e !== 'number') throw new AppError('CARD_TOKEN_INVALID');
      const expiresAt = new Date(body.e * 1000);
      if (expiresAt.getTime() <= now().getTime()) throw new AppError('CARD_TOKEN_EXPIRED');
      return { userId: body.u, expiresAt };
    },
  };
}

/** The key that signs cards: the configured one, else one derived from the JWT secret (never the secret itself). */
export const cardKeyOf = (configured: string | undefined, jwtSecret: string) => configured ?? createHmac('sha256', jwtSecret).update('assistance-card-key:v1').digest('base64url');

export function assistanceCardService(deps: {
  /** The person's entitlements as others read them (effective status, the amount in force). */
  entitlementsOf: (blindIndex: string) => Promise<EntitlementRecord[]>;
  identity: Pick<Services['identity'], 'verifiedBlindIndexOf'>;
  profiles: Pick<Services['profiles'], 'findById'>;
  audit: AuditService;
  signer: CardSigner;
  ttlSeconds: number;
}) {
  /** The person's active entitlements, through their verified identity only. */
  async function holder(userId: string) {
    const blind = await deps.identity.verifiedBlindIndexOf(userId);
    const profile = blind ? await deps.profiles.findById(userId) : null;
    if (!blind || !profile) return null;
    // What is paid now: the amount in force (versions), nothing ended, stopped or suspended by this month.
    const month = shanghaiMonth();
    const active = (await deps.entitlementsOf(blind)).filter((e) => e.status === 'active' && !(e.terms.suspendedFromMonth && e.terms.suspendedFromMonth <= month));
    return { profile, active };
  }

  return {
    async card(ctx: ActionContext): Promise<AssistanceCardView> {
      const h = await holder(ctx.actor._id);
      if (!h) throw new AppError('CARD_IDENTITY_REQUIRED');
      const qr = deps.signer.issue(ctx.actor._id);
      return {
        holderNameMasked: maskName(h.profile.name),
        idNumberMasked: h.profile.idNumberMasked,
        regionCode: h.profile.regionCode || null,
        programmes: h.active.map((e) => ({ programme: e.programme, programmeName: programmeName(e.programme), monthlyAmountFen: e.monthlyAmountFen, startMonth: e.startMonth })),
        qr: { token: qr.token, expiresAt: qr.expiresAt.toISOString(), ttlSeconds: deps.ttlSeconds },
      };
    },

    /** A staff member or service point scans the card: valid, a masked name and the programmes' names, audited. */
    async verify(ctx: ActionContext, token: string): Promise<CardVerifyResult> {
      requireStaff(ctx.actor);
      const { userId, expiresAt } = deps.signer.open(token);
      const h = await holder(userId);
      // A signed token whose account is no longer verified proves nothing: the same refusal as a forgery.
      if (!h) throw new AppError('CARD_TOKEN_INVALID');
      await deps.audit.record({ actorId: ctx.actor._id, action: 'assistanceCard.verify', subjectId: userId, requestId: ctx.requestId, details: { programmes: h.active.map((e) => e.programme).join(','), staffRegion: ctx.actor.staff?.regionCode ?? '' } });
      return { status: 'valid', holderNameMasked: maskName(h.profile.name), programmes: h.active.map((e) => ({ programme: e.programme, programmeName: programmeName(e.programme) })), expiresAt: expiresAt.toISOString() };
    },
  };
}
export type AssistanceCardService = ReturnType<typeof assistanceCardService>;
