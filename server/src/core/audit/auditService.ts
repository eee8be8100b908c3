import { randomUUID } from 'node:crypto';
import type { AuditRepository } from './auditRepository';

export type AuditAction =
  | 'auth.signIn'
  | 'auth.refreshReuse'
  | 'auth.signOut'
  | 'profile.update'
  | 'person.read'
  | 'staff.invitationCreate'
  | 'staff.invitationRedeem'
  | 'audit.read'
  | 'donor.register'
  | 'file.read'
  | (string & {});

export function auditService(repo: AuditRepository) {
  return {
    async record(e: { actorId: string; action: AuditAction; requestId: string; subjectId?: string; details?: Record<string, string | number | boolean> }) {
      await repo.append({ _id: randomUUID(), at: new Date(), actorId: e.actorId, action: e.action, subjectId: e.subjectId ?? '', requestId: e.requestId, details: e.details ?? {} });
    },
    list: repo.list,
  };
}
export type AuditService = ReturnType<typeof auditService>;
