import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AssistanceCardView, CardVerifyBody, CardVerifyResult } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { AssistanceCardService } from '../services/assistanceCard';

/** 电子救助卡: the person's card with its QR token; a staff member's (or service point's) scan. */
export default async function assistanceCardRoutes(base: FastifyInstance, opts: { cards: AssistanceCardService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['assistanceCard'];

  app.get('/me/assistance-card', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的电子救助卡：正在享受的救助项目和约5分钟有效的二维码', security: bearer, response: { 200: AssistanceCardView, ...errorResponses(401, 409) } },
  }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return opts.cards.card(actionContext(request));
  });

  app.post('/staff/assistance-card/verify', {
    preParsing: app.requireRole('staff'),
    schema: { tags, summary: '扫码核验电子救助卡：只回答有效与否、姓名（打码）和救助项目', security: bearer, body: CardVerifyBody, response: { 200: CardVerifyResult, ...errorResponses(401, 403, 410) } },
  }, async (request) => opts.cards.verify(actionContext(request), request.body.token));
}
