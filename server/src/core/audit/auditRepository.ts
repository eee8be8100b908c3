import type { AuditDoc, Models } from '../models';

/** Append and read only: there is deliberately no update or delete here. */
export function auditRepository(m: Models) {
  return {
    append: (entry: AuditDoc) => m.Audit.create(entry),
    list(filter: { subjectId?: string; actorId?: string }, limit: number) {
      const q: Record<string, string> = {};
      if (filter.subjectId) q.subjectId = filter.subjectId;
      if (filter.actorId) q.actorId = filter.actorId;
      return m.Audit.find(q).sort({ at: -1 }).limit(limit).lean<AuditDoc[]>().exec();
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
