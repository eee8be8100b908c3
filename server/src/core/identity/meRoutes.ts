import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DonorInput, ProfileInput, UserView } from '@dajiuzhu/shared';
import type { Services } from '../services';
import { actionContext } from '../auth/authPlugin';
import { bearer, errorResponses } from '../http/schemaHelpers';

export default async function meRoutes(base: FastifyInstance, opts: { services: Services }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;

  app.get('/me', {
    preHandler: app.authenticate,
    schema: { tags: ['me'], summary: '当前用户', security: bearer, response: { 200: UserView, ...errorResponses(401) } },
  }, async (request) => services.users.view(request.actor));

  app.put('/me/profile', {
    preHandler: app.authenticate,
    schema: { tags: ['me'], summary: '实名信息（身份证号加密保存，返回脱敏）', security: bearer, body: ProfileInput, response: { 200: UserView, ...errorResponses(401, 409) } },
  }, async (request) => {
    const profile = await services.profiles.save(actionContext(request), request.body);
    return services.users.view(request.actor, profile);
  });

  app.put('/me/donor', {
    preHandler: app.authenticate,
    schema: { tags: ['me'], summary: '成为爱心人士/爱心企业', security: bearer, body: DonorInput, response: { 200: UserView, ...errorResponses(401) } },
  }, async (request) => services.users.view(await services.users.becomeDonor(actionContext(request), request.body)));
}
