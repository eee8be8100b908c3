import type { FastifyInstance, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ApproveWishBody, ClaimIdParams, ClaimWishBody, RemovePhotoBody, ConfirmBody, createWishBodyOf, DeliverBody, DonorContactBody, DonorContactView, editWishBodyOf, LapsingClaims, LapsingQuery,
  MyWish, MyWishList, PublicWish, PublicWishList, RejectWishBody, StaffWish, StaffWishList, StaffWishSummary, StaffWishNumbers, StaffWishQuery, ThankBody, WishCertificate,
  WishClaim, WishClaimList, WishIdParams, WishListQuery, WishNumbers, WishNumbersQuery, WishPhotoParams, WishRules, WishRulesQuery, formatPrice,
} from '@dajiuzhu/shared';
import type { WishConfig } from '@dajiuzhu/config';
import { actionContext } from '../../../core/auth/authPlugin';
import { AppError } from '../../../core/errors/AppError';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { WishServices } from '../services/wishServices';

/**
 * A budget over the schema's maximum (the highest cap in force) is over the cap: 400
 * WISH_OVER_BUDGET, as the service answers for a region's own lower cap, so the code does not
 * depend on which of the two refused it. Every other validation failure stays VALIDATION_FAILED.
 */
function budgetErrors(config: WishConfig) {
  const regional = Object.keys(config.budgetCapByRegion).length > 0;
  return (errors: FastifySchemaValidationError[], dataVar: string): Error => {
    const over = dataVar === 'body' && errors.length > 0 && errors.every((e) => e.instancePath === '/budgetFen' && e.keyword === 'maximum');
    if (!over) return new Error(`${dataVar} validation failed`);
    const max = Number((errors[0].params as { limit?: number }).limit);
    return new AppError('WISH_OVER_BUDGET', {
      // Without regional caps the maximum is the local cap, worded as the service words it.
      ...(regional ? {} : { message: `心愿预算不能超过${formatPrice(max)}（本地上限），请调低预算` }),
      details: { fields: [{ path: '/budgetFen', rule: 'budgetCap', max }] },
    });
  };
}

/** 微心愿 routes: public square and numbers, the person's wishes, donors' claims, staff review. Services answer in view shapes. */
export default async function wishRoutes(base: FastifyInstance, opts: { wishes: WishServices; config: WishConfig }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { wishes: { posting, review, square, numbers, claims, lapse, certificates, contacts }, config } = opts;
  const tags = ['wishes'];
  // The budget cap in force, stated in the schemas (config.wishes: the highest cap any region has).
  const CreateWishBody = createWishBodyOf(config);
  const EditWishBody = editWishBodyOf(config);
  const overBudget = budgetErrors(config);

  // ── Public ────────────────────────────────────────────────────────────────────────────────
  app.get('/wishes', {
    schema: { tags, summary: '微心愿广场（仅已通过审核的心愿；公开信息经统一脱敏规则）', querystring: WishListQuery, response: { 200: PublicWishList, ...errorResponses() } },
  }, async (request) => square.list(request.query));

  app.get('/wishes/:id', {
    schema: { tags, summary: '心愿详情（公开）', params: WishIdParams, response: { 200: PublicWish, ...errorResponses(404) } },
  }, async (request) => square.one(request.params.id));

  app.get('/wishes/:id/photos/:fileId', {
    schema: {
      tags, summary: '心愿的物品照片：审核通过后公开；之前仅本人和辖区工作人员可看', params: WishPhotoParams,
      response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses(401, 404) },
    },
  }, async (request, reply) => {
    if (request.headers.authorization) await app.authenticate(request, reply);
    const photo = await square.photo(request.headers.authorization ? actionContext(request) : null, request.params.id, request.params.fileId);
    return reply.type(photo.contentType).header('cache-control', photo.isPublic ? 'public, max-age=300' : 'private, no-store').send(photo.data);
  });

  app.get('/wish-numbers', {
    schema: { tags, summary: '各地微心愿数据（公开）：征集、待认领、已认领、已实现、超时', querystring: WishNumbersQuery, response: { 200: WishNumbers, ...errorResponses() } },
  }, async (request) => numbers.forPublic(request.query.regionCode));

  app.get('/wish-rules', {
    schema: { tags, summary: '本地规则：预算上限、故事字数、认领上限、送达期限', querystring: WishRulesQuery, response: { 200: WishRules, ...errorResponses() } },
  }, async (request) => posting.rules(request.query.regionCode));

  // ── The person ─────────────────────────────────────────────────────────────────────────────
  app.post('/wishes', {
    preParsing: app.authenticate,
    schemaErrorFormatter: overBudget,
    schema: { tags, summary: '发布心愿（本人，或工作人员代辖区居民发布）；提交后等待审核', security: bearer, body: CreateWishBody, response: { 201: MyWish, ...errorResponses(401, 403, 404, 409, 503) } },
  }, async (request, reply) => reply.code(201).send(await posting.post(actionContext(request), request.body)));

  app.get('/me/wishes', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的心愿', security: bearer, response: { 200: MyWishList, ...errorResponses(401) } },
  }, async (request) => ({ wishes: await posting.mine(actionContext(request)) }));

  app.post('/wishes/:id/confirm', {
    preParsing: app.authenticate,
    schema: { tags, summary: '确认心愿已实现（本人或辖区工作人员）', security: bearer, params: WishIdParams, body: ConfirmBody, response: { 200: MyWish, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => claims.confirm(actionContext(request), request.params.id, request.body.note));

  app.post('/wishes/:id/thanks', {
    preParsing: app.authenticate,
    schema: { tags, summary: '给爱心人士留言感谢（本人，一次）', security: bearer, params: WishIdParams, body: ThankBody, response: { 200: MyWish, ...errorResponses(401, 403, 404, 409, 503) } },
  }, async (request) => claims.thank(actionContext(request), request.params.id, request.body.message));

  // ── Donors ─────────────────────────────────────────────────────────────────────────────────
  app.post('/wishes/:id/claim', {
    preParsing: app.requireRole('donor'),
    // Per donor, after sign-in (the key is the account, not the address).
    config: { rateLimit: { max: config.claimRate.max, timeWindow: config.claimRate.windowMs, hook: 'preHandler', keyGenerator: (r: FastifyRequest) => `wish-claim:${r.actor?._id ?? r.ip}` } },
    schema: {
      tags, summary: '认领心愿（每个心愿同时只有一位认领人）；可选择公开显示的名字或匿名', security: bearer, params: WishIdParams, body: ClaimWishBody,
      response: { 200: WishClaim, ...errorResponses(400, 401, 403, 404, 409, 503) },
    },
  }, async (request) => claims.claim(actionContext(request), request.params.id, request.body ?? {}));

  app.get('/me/wish-claims', {
    preParsing: app.requireRole('donor'),
    schema: { tags, summary: '我的认领记录', security: bearer, response: { 200: WishClaimList, ...errorResponses(401, 403) } },
  }, async (request) => ({ claims: await claims.mine(actionContext(request)) }));

  app.post('/wish-claims/:id/release', {
    preParsing: app.requireRole('donor'),
    schema: { tags, summary: '放弃认领（心愿重新开放）', security: bearer, params: ClaimIdParams, response: { 200: WishClaim, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => claims.release(actionContext(request), request.params.id));

  app.post('/wish-claims/:id/deliver', {
    preParsing: app.requireRole('donor'),
    schema: { tags, summary: '标记已送达（送到社区服务站）', security: bearer, params: ClaimIdParams, body: DeliverBody, response: { 200: WishClaim, ...errorResponses(401, 403, 404, 409, 503) } },
  }, async (request) => claims.deliver(actionContext(request), request.params.id, request.body));

  app.get('/wish-claims/:id/certificate', {
    preParsing: app.requireRole('donor'),
    schema: { tags, summary: '爱心证书（心愿实现后）', security: bearer, params: ClaimIdParams, response: { 200: WishCertificate, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => certificates.forClaim(actionContext(request), request.params.id));

  app.get('/me/wish-donor-contact', {
    preParsing: app.requireRole('donor'),
    schema: { tags, summary: '我的联系方式（脱敏）', security: bearer, response: { 200: DonorContactView, ...errorResponses(401, 403) } },
  }, async (request) => contacts.mine(actionContext(request)));

  app.put('/me/wish-donor-contact', {
    preParsing: app.requireRole('donor'),
    schema: { tags, summary: '设置联系方式（加密保存，仅所认领心愿所在地的工作人员可见）', security: bearer, body: DonorContactBody, response: { 200: DonorContactView, ...errorResponses(401, 403) } },
  }, async (request) => contacts.set(actionContext(request), request.body.contact));

  // ── Staff ──────────────────────────────────────────────────────────────────────────────────
  app.get('/staff/wishes', {
    preParsing: app.requireRole('staff'),
    schema: { tags, summary: '辖区心愿（默认待审核）', security: bearer, querystring: StaffWishQuery, response: { 200: StaffWishList, ...errorResponses(401, 403) } },
  }, async (request) => ({ wishes: await review.list(actionContext(request), request.query.status ?? 'pendingReview', request.query.limit ?? 50) }));

  app.get('/staff/wishes/:id', {
    preParsing: app.requireRole('staff'),
    schema: { tags, summary: '心愿详情（工作人员；含认领人联系方式，查看留痕）', security: bearer, params: WishIdParams, response: { 200: StaffWish, ...errorResponses(401, 403, 404) } },
  }, async (request) => review.detail(actionContext(request), request.params.id));

  app.post('/staff/wishes/:id/approve', {
    preParsing: app.requireRole('staff'),
    schema: { tags, summary: '审核通过', security: bearer, params: WishIdParams, body: ApproveWishBody, response: { 200: StaffWishSummary, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => review.approve(actionContext(request), request.params.id, request.body.note));

  app.post('/staff/wishes/:id/edit', {
    preParsing: app.requireRole('staff'),
    schemaErrorFormatter: overBudget,
    schema: { tags, summary: '修改后通过（附修改说明）', security: bearer, params: WishIdParams, body: EditWishBody, response: { 200: StaffWishSummary, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => review.edit(actionContext(request), request.params.id, request.body));

  app.post('/staff/wishes/:id/photos/:fileId/remove', {
    preParsing: app.requireRole('staff'),
    schema: {
      tags, summary: '移除照片（心愿照片或送达照片，例如拍到了儿童面部；附原因，发布人可见）', security: bearer, params: WishPhotoParams, body: RemovePhotoBody,
      response: { 200: StaffWishSummary, ...errorResponses(401, 403, 404, 409) },
    },
  }, async (request) => review.removePhoto(actionContext(request), request.params.id, request.params.fileId, request.body.reason));

  app.post('/staff/wishes/:id/reject', {
    preParsing: app.requireRole('staff'),
    schema: { tags, summary: '不通过（附原因）', security: bearer, params: WishIdParams, body: RejectWishBody, response: { 200: StaffWishSummary, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => review.reject(actionContext(request), request.params.id, request.body.reason));

  app.get('/staff/wish-claims/lapsing', {
    preParsing: app.requireRole('staff'),
    schema: { tags, summary: '即将超时的认领（含认领人联系方式，查看留痕）', security: bearer, querystring: LapsingQuery, response: { 200: LapsingClaims, ...errorResponses(401, 403) } },
  }, async (request) => lapse.lapsing(actionContext(request), request.query.withinHours ?? 48));

  app.get('/staff/wish-numbers', {
    preParsing: app.requireRole('staff'),
    schema: { tags, summary: '辖区微心愿数据：按社区、按类别', security: bearer, response: { 200: StaffWishNumbers, ...errorResponses(401, 403) } },
  }, async (request) => numbers.forStaff(actionContext(request)));
}
