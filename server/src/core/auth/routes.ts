import type { FastifyInstance } from 'fastify';
import { AuthOptions, DevSignInBody, RefreshBody, SignInResponse, TokenPair, WechatSignInBody, NoContent } from '@dajiuzhu/shared';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../services';
import { bearer, errorResponses } from '../http/schemaHelpers';

export default async function authRoutes(base: FastifyInstance, opts: { services: Services; devSignIn: boolean; authRateMax: number }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;
  const limited = { rateLimit: { max: opts.authRateMax, timeWindow: 60_000 } };

  async function signIn(identityId: string, requestId: string, grant?: DevSignInBody) {
    let user = await services.users.accountFor(identityId);
    if (grant) user = await services.users.grantDemoRole(user, grant);
    const tokens = await services.tokens.startSession(user._id);
    await services.audit.record({ actorId: user._id, action: 'auth.signIn', subjectId: user._id, requestId, details: { via: identityId.split(':')[0] } });
    return { ...tokens, user: await services.users.view(user) };
  }

  app.get('/auth/options', { schema: { tags: ['auth'], summary: '登录方式', response: { 200: AuthOptions, ...errorResponses() } } }, async () => ({ devSignIn: opts.devSignIn }));

  app.post('/auth/wechat', {
    config: limited,
    schema: { tags: ['auth'], summary: '微信登录 (code2Session)', body: WechatSignInBody, response: { 200: SignInResponse, ...errorResponses(401, 403, 503) } },
  }, async (request) => {
    const session = await services.wechat.code2Session(request.body.code);
    return signIn(`wechat:${session.openid}`, String(request.id));
  });

  if (opts.devSignIn) {
    // Registered only when configuration enables it; configuration refuses it in production.
    app.post('/auth/dev', {
      config: limited,
      schema: { tags: ['auth'], summary: '开发/演示登录（生产环境不存在）', body: DevSignInBody, response: { 200: SignInResponse, ...errorResponses() } },
    }, async (request) => signIn(`dev:${request.body.openid}`, String(request.id), request.body));
  }

  app.post('/auth/refresh', {
    config: limited,
    schema: { tags: ['auth'], summary: '刷新登录凭证（轮换）', body: RefreshBody, response: { 200: TokenPair, ...errorResponses(401) } },
  }, async (request) => services.tokens.refresh(request.body.refreshToken, String(request.id)));

  app.post('/auth/logout', {
    preParsing: app.authenticate,
    schema: { tags: ['auth'], summary: '退出登录（吊销本次会话的所有凭证）', security: bearer, response: { 204: NoContent, ...errorResponses(401) } },
  }, async (request, reply) => {
    await services.tokens.revoke(request.sessionId, 'logout');
    await services.audit.record({ actorId: request.actor._id, action: 'auth.signOut', subjectId: request.actor._id, requestId: String(request.id) });
    return reply.code(204).send(null);
  });
}
