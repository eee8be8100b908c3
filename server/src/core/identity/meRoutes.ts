import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DonorInput, FaceVerificationBody, IdentityStatusView, ProfileInput, UserView } from '@dajiuzhu/shared';
import type { Services } from '../services';
import { actionContext } from '../auth/authPlugin';
import { bearer, errorResponses } from '../http/schemaHelpers';

export default async function meRoutes(base: FastifyInstance, opts: { services: Services }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;

  app.get('/me', {
    preParsing: app.authenticate,
    schema: { tags: ['me'], summary: '当前用户', security: bearer, response: { 200: UserView, ...errorResponses(401) } },
  }, async (request) => services.users.view(request.actor));

  app.put('/me/profile', {
    preParsing: app.authenticate,
    schema: {
      tags: ['me'],
      summary: '填写实名信息（本人声明，核验前不关联任何记录；身份证号加密保存，返回脱敏）',
      security: bearer,
      body: ProfileInput,
      response: { 200: UserView, ...errorResponses(401, 409) },
    },
  }, async (request) => {
    const profile = await services.profiles.save(actionContext(request), request.body);
    return services.users.view(request.actor, profile);
  });

  app.put('/me/donor', {
    preParsing: app.authenticate,
    schema: { tags: ['me'], summary: '成为爱心人士/爱心企业', security: bearer, body: DonorInput, response: { 200: UserView, ...errorResponses(401) } },
  }, async (request) => services.users.view(await services.users.becomeDonor(actionContext(request), request.body)));

  app.get('/me/identity', {
    preParsing: app.authenticate,
    schema: { tags: ['me'], summary: '实名核验状态（未核验/已核验、方式、是否被本人核验取代）与本服务使用的核验方式', security: bearer, response: { 200: IdentityStatusView, ...errorResponses(401) } },
  }, async (request) => services.identity.status(request.actor._id));

  // Only the configured verifier has a route: the demo verifier does not exist where WeChat's is used.
  if (services.identity.verifier === 'wechat') {
    app.post('/me/identity/face-verification', {
      preParsing: app.authenticate,
      schema: {
        tags: ['me'],
        summary: '微信人脸核身：提交 wx.startFacialRecognitionVerify 返回的 verifyResult，由服务器向微信核实',
        security: bearer,
        body: FaceVerificationBody,
        response: { 200: IdentityStatusView, ...errorResponses(401, 403, 409, 503) },
      },
    }, async (request) => services.identity.verifyByFace(actionContext(request), request.body.verifyResult));
  } else {
    app.post('/me/identity/demo-verification', {
      preParsing: app.authenticate,
      schema: { tags: ['me'], summary: '演示核验（仅开发环境的演示账号；不是真实的实名核验）', security: bearer, response: { 200: IdentityStatusView, ...errorResponses(401, 403, 409) } },
    }, async (request) => services.identity.verifyDemo(actionContext(request)));
  }
}
