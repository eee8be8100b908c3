import type { FastifyBaseLogger } from 'fastify';
import type { ApplicationsApi, HouseholdGroup } from '../../applications/api';
import type { MonitoringRepository } from '../repository';

const HOUSEHOLD_GROUPS: Record<string, HouseholdGroup> = { dibao: 'dibao', tekun: 'tekun', dibaoEdge: 'dibaoEdge' };

/**
 * 免审秒办 from 残联 rows (docs/supervision.md): each certificate of a watched person is handed to
 * the applications domain, which grants the subsidies it gives (or finds them already granted).
 * The person's group on the watch list tells whether the household is 低保/特困/低保边缘. A refusal
 * of one person never stops the import: it is logged (no personal data) and the next row goes on.
 */
export function autoGrantHook(repo: Pick<MonitoringRepository, 'peopleByIds'>, applications: Pick<ApplicationsApi, 'grantFromDisabilityRecord'>, log: FastifyBaseLogger) {
  return async (rows: { personKey: string; grade: number; date: string; reference: string; importId: string }[]) => {
    const people = new Map((await repo.peopleByIds([...new Set(rows.map((r) => r.personKey))])).map((p) => [p._id, p]));
    for (const r of rows) {
      const p = people.get(r.personKey);
      if (!p) continue;
      try {
        await applications.grantFromDisabilityRecord({ actorId: `system:${r.importId}`, requestId: r.importId }, {
          person: { idNumberBlindIndex: p._id, name: p.name, idNumberMasked: p.idNumberMasked, idNumberCipher: p.idNumberCipher, regionCode: p.regionCode },
          disabilityGrade: r.grade, certificateDate: r.date, householdGroup: HOUSEHOLD_GROUPS[p.group] ?? 'none', source: { kind: 'disabilityRecord', ref: r.reference },
        });
      } catch (err) {
        log.error({ err, importId: r.importId, reference: r.reference }, 'autoGrant from a disability record failed');
      }
    }
  };
}
