import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, CreateInvitationBody, InvitationView } from '@dajiuzhu/shared';
import type { Services } from '../services';
import { actionContext } from '../auth/authPlugin';
import { bearer, errorResponses } from '../http/schemaHelpers';

export default async function adminRoutes(base: FastifyInstance, opts: { services: Services }) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;

  app.post('/admin/staff-invitations', {
    preParsing: app.requireRole('admin'),
    schema: { tags: ['admin'], summary: '创建工作人员邀请码（一次性）', security: bearer, body: CreateInvitationBody, response: { 201: InvitationView, ...errorResponses(401, 403) } },
  }, async (request, reply) => reply.code(201).send(await services.invitations.create(actionContext(request), request.body)));

  app.get('/admin/audit', {
    preParsing: app.requireRole('admin'),
    schema: { tags: ['admin'], summary: '审计日志（只读）', security: bearer, querystring: AuditQuery, response: { 200: AuditList, ...errorResponses(401, 403) } },
  }, async (request) => {
    const entries = await services.audit.list({ subjectId: request.query.subjectId, actorId: request.query.actorId }, request.query.limit ?? 50);
    await services.audit.record({ actorId: request.actor._id, action: 'audit.read', subjectId: request.query.subjectId, requestId: String(request.id) });
    return {
      entries: entries.map((e) => ({ id: e._id, at: e.at.toISOString(), actorId: e.actorId, action: e.action, ...(e.subjectId ? { subjectId: e.subjectId } : {}), requestId: e.requestId, details: e.details })),
    };
  });
}
