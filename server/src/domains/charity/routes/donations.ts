import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CreateDonationBody, CreatedDonation, Donation, DonationIdParams, DonationList } from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { DonationServices } from '../services/donationServices';
import { donationView } from '../views/donationViews';

/** 捐赠: give to a raising project, my donations, my receipts; 模拟支付 only with the fake payment provider. */
export default async function donationRoutes(base: FastifyInstance, opts: { donations: DonationServices }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { donations, receipts, payments } = opts.donations;
  const tags = ['charity'];

  app.post('/donations', {
    preParsing: app.authenticate,
    schema: {
      tags, summary: '捐赠：为募捐中的慈善项目下单，返回 wx.requestPayment 的参数（同一 requestKey 重试得到同一笔订单）', security: bearer,
      body: CreateDonationBody, response: { 201: CreatedDonation, ...errorResponses(401, 404, 409) },
    },
  }, async (request, reply) => reply.code(201).send(await donations.create(actionContext(request), request.body)));

  app.get('/me/donations', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的捐赠（最近 100 笔）', security: bearer, response: { 200: DonationList, ...errorResponses(401) } },
  }, async (request) => ({ donations: await donations.mine(actionContext(request)) }));

  app.get('/me/donations/:id', {
    preParsing: app.authenticate,
    schema: { tags, summary: '一笔捐赠（支付后查看是否到账）', security: bearer, params: DonationIdParams, response: { 200: Donation, ...errorResponses(401, 404) } },
  }, async (request) => donationView(await donations.own(actionContext(request), request.params.id)));

  app.get('/me/donations/:id/receipt.pdf', {
    preParsing: app.authenticate,
    schema: {
      tags, summary: '捐赠票据（PDF，到账后开具）', security: bearer, params: DonationIdParams,
      response: { 200: Type.Unsafe({ type: 'string', format: 'binary', description: 'application/pdf' }), ...errorResponses(401, 404, 409) },
    },
  }, async (request, reply) => {
    const ctx = actionContext(request);
    const { pdf, filename } = await receipts.pdf(ctx, await donations.own(ctx, request.params.id));
    return reply.type('application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(pdf);
  });

  // 模拟支付: exists only with the fake payment provider (development, tests); production refuses that provider.
  if (payments.kind === 'fake') {
    app.post('/dev/payments/:id/pay', {
      preParsing: app.authenticate,
      schema: {
        tags, summary: '模拟支付（仅开发环境的模拟支付服务器）：本地模拟微信支付完成付款并发送签名通知', security: bearer, params: DonationIdParams,
        response: { 200: Donation, ...errorResponses(401, 404, 409) },
      },
    }, async (request) => donations.simulatePay(actionContext(request), request.params.id));
  }
}
