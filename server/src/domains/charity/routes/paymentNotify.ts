import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { NoContent, WechatPayNotification } from '@dajiuzhu/shared';
import { AppError } from '../../../core/errors/AppError';
import { errorResponses } from '../../../core/http/schemaHelpers';
import type { DonationServices } from '../services/donationServices';

/**
 * WeChat Pay's notifications (支付结果通知, 退款结果通知). The signature is over the exact bytes
 * sent, so this route keeps the raw body: its own JSON parser (encapsulated: only this route)
 * keeps the text beside the parsed object. No sign-in: the signature is the credential.
 */
export default async function paymentNotifyRoutes(base: FastifyInstance, opts: { donations: DonationServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const raw = new WeakMap<FastifyRequest, string>();
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    try {
      raw.set(request, body as string);
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('PAYMENT_NOTIFICATION_MALFORMED'), undefined);
    }
  });

  app.post('/payments/wechat/notify', {
    schema: {
      tags: ['charity'], summary: '微信支付回调通知（验签、解密后确认到账或退款；重复通知只计一次）',
      body: WechatPayNotification, response: { 204: NoContent, ...errorResponses(401, 404, 409) },
    },
  }, async (request, reply) => {
    await opts.donations.notifications.receive(request.headers, raw.get(request) ?? '');
    return reply.code(204).send(null);
  });
}
