import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  DecisionParams, DecisionReasonsView, DecisionLine, ReviewAnswerBody, ReviewCounts, ReviewCountsQuery, ReviewIdParams, ReviewList, ReviewRequestBody, ReviewView, StaffReviewQuery,
} from '@dajiuzhu/shared';
import { actionContext } from '../../../core/auth/authPlugin';
import { bearer, errorResponses } from '../../../core/http/schemaHelpers';
import type { ReviewService } from '../services/reviewService';

const StaffReviewDetail = Type.Intersect([ReviewView, Type.Object({ decision: Type.Object({ kind: Type.String(), decidedOn: Type.String(), lines: Type.Array(DecisionLine), rule: Type.String() }) })]);

/** 复查/异议: the person's side (a decision's reasons, asking for a review, the answers) and the office's. */
export default async function reviewRoutes(base: FastifyInstance, opts: { reviews: ReviewService }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { reviews } = opts;
  const tags = ['reviews'];
  const staff = app.requireRole('staff');

  app.get('/me/decisions/:subjectKind/:subjectId', {
    preParsing: app.authenticate,
    schema: { tags, summary: '决定的理由（逐条）、适用的规定和申请复查的期限', security: bearer, params: DecisionParams, response: { 200: DecisionReasonsView, ...errorResponses(401, 404, 409) } },
  }, async (request) => reviews.decision(actionContext(request), request.params.subjectKind, request.params.subjectId));

  app.post('/me/reviews', {
    preParsing: app.authenticate,
    schema: { tags, summary: '申请复查（对不予批准、减发、停发或免审办理的决定有异议）', security: bearer, body: ReviewRequestBody, response: { 200: ReviewView, 201: ReviewView, ...errorResponses(401, 404, 409) } },
  }, async (request, reply) => {
    const r = await reviews.request(actionContext(request), request.body);
    return reply.code(r.created ? 201 : 200).send(r.review);
  });

  app.get('/me/reviews', {
    preParsing: app.authenticate,
    schema: { tags, summary: '我的复查申请和答复', security: bearer, response: { 200: ReviewList, ...errorResponses(401) } },
  }, async (request) => reviews.mine(actionContext(request)));

  app.get('/staff/reviews', {
    preParsing: staff,
    schema: { tags, summary: '本辖区的复查申请（期限近的在前，留痕）', security: bearer, querystring: StaffReviewQuery, response: { 200: ReviewList, ...errorResponses(401, 403, 404) } },
  }, async (request) => reviews.list(actionContext(request), request.query));

  app.get('/staff/reviews/counts', {
    preParsing: staff,
    schema: { tags, summary: '复查申请数量（按下一级地区）', security: bearer, querystring: ReviewCountsQuery, response: { 200: ReviewCounts, ...errorResponses(401, 403, 404) } },
  }, async (request) => reviews.counts(actionContext(request), request.query.regionCode));

  app.get('/staff/reviews/:reviewId', {
    preParsing: staff,
    schema: { tags, summary: '复查申请详情（含原决定的理由，留痕）', security: bearer, params: ReviewIdParams, response: { 200: StaffReviewDetail, ...errorResponses(401, 403, 404) } },
  }, async (request) => reviews.get(actionContext(request), request.params.reviewId));

  app.post('/staff/reviews/:reviewId/answer', {
    preParsing: staff,
    schema: { tags, summary: '答复复查申请（维持或改变原决定，书面理由）', security: bearer, params: ReviewIdParams, body: ReviewAnswerBody, response: { 200: ReviewView, ...errorResponses(401, 403, 404, 409) } },
  }, async (request) => reviews.answer(actionContext(request), request.params.reviewId, request.body));
}
