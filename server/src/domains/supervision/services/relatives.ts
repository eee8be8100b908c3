import { createHash } from 'node:crypto';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, maskIdNumber, maskName, normalizeIdNumber, type RelativeBody, type RelativeView } from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import type { RelativeDoc } from '../models/supervision';
import type { SupervisionRepository } from '../repository';

const view = (r: RelativeDoc): RelativeView => ({
  id: r._id, nameMasked: maskName(r.name), idNumberMasked: r.idNumberMasked, relation: r.relation,
  relatedTo: { nameMasked: maskName(r.relatedTo.name), role: r.relatedTo.role, post: r.relatedTo.post }, regionCode: r.regionCode, createdAt: r.createdAt.toISOString(),
});

/**
 * 近亲属备案 (民发〔2021〕57号): county staff register relatives of civil-affairs staff and village
 * cadres; their applications are flagged for a county visit (detectors/related.ts). The ID number
 * is stored encrypted with its blind index; lists show masks only.
 */
export function relativeService(deps: { repo: SupervisionRepository; pii: Pick<PiiCipher, 'encrypt' | 'blindIndex'>; audit: AuditService; afterRegister: (regionCode: string) => Promise<unknown> }) {
  return {
    async register(ctx: ActionContext, b: RelativeBody): Promise<RelativeView> {
      const scope = requireStaff(ctx.actor);
      if (scope.level !== 'county') throw new AppError('SUPERVISION_COUNTY_ONLY');
      requireStaffCovering(ctx.actor, b.regionCode);
      const id = normalizeIdNumber(b.idNumber);
      const problem = findIdNumberProblem(id);
      if (problem) throw new AppError('INVALID_ID_NUMBER', { message: ID_NUMBER_PROBLEM_MESSAGES[problem], details: { fields: [{ path: '/idNumber', rule: problem }] } });
      const personKey = deps.pii.blindIndex(id);
      const doc: RelativeDoc = {
        _id: `rl_${createHash('sha256').update(personKey).digest('base64url').slice(0, 24)}`, personKey, name: b.name.trim(), idNumberCipher: deps.pii.encrypt(id), idNumberMasked: maskIdNumber(id),
        relation: b.relation.trim(), relatedTo: { name: b.relatedTo.name.trim(), role: b.relatedTo.role, post: b.relatedTo.post.trim() }, regionCode: b.regionCode, createdBy: ctx.actor._id, createdAt: new Date(),
      };
      if (!(await deps.repo.insertRelative(doc))) throw new AppError('SUPERVISION_RELATIVE_EXISTS');
      await deps.audit.record({ actorId: ctx.actor._id, action: 'supervision.relative.register', subjectId: personKey, requestId: ctx.requestId, details: { regionCode: b.regionCode } });
      // Applications already filed are flagged at once, not at the next scheduled scan.
      await deps.afterRegister(b.regionCode);
      return view(doc);
    },

    async list(ctx: ActionContext, regionCode?: string): Promise<{ relatives: RelativeView[] }> {
      const scope = regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const rows = await deps.repo.relativesIn(scope, 500);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'supervision.relatives.read', requestId: ctx.requestId, details: { regionCode: scope, rows: rows.length, subjectKeys: rows.map((r) => r.personKey).join(',') } });
      return { relatives: rows.map(view) };
    },
  };
}
export type RelativeService = ReturnType<typeof relativeService>;
