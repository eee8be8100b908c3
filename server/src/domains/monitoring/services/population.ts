import { MONITORED_GROUPS, MONITORED_GROUP_LABELS, PROGRAMME_GROUPS, maskName, strongerGroup, type MonitoredGroup, type PopulationSummary } from '@dajiuzhu/shared';
import type { MonitoredPersonDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { EntitlementReader } from '../../applications/api';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { requireStaffCovering } from '../../../core/scope/staffScope';

/** One person arriving on the watch list (from an entitlement or an imported list). */
export type IncomingPerson = Omit<MonitoredPersonDoc, 'updatedAt' | 'origins'> & { origin: string };

/**
 * One person, once: a person already watched keeps the most protected group of the two, their
 * known household facts unless the newcomer states them, and every origin (entitlement, list:<id>).
 */
export function mergePerson(existing: MonitoredPersonDoc | null, p: IncomingPerson, at: Date): MonitoredPersonDoc {
  const { origin, ...facts } = p;
  if (!existing) return { ...facts, origins: [origin], updatedAt: at };
  return {
    ...existing,
    name: facts.name || existing.name,
    idNumberCipher: facts.idNumberCipher || existing.idNumberCipher,
    group: strongerGroup(existing.group, facts.group),
    regionCode: facts.regionCode || existing.regionCode,
    householdKey: facts.householdKey || existing.householdKey,
    householdIncomeFen: facts.householdIncomeFen ?? existing.householdIncomeFen,
    householdSize: facts.householdSize ?? existing.householdSize,
    origins: existing.origins.includes(origin) ? existing.origins : [...existing.origins, origin].slice(-20),
    updatedAt: at,
  };
}

/** Writes a batch of incoming people merged with who is already there; how many were new. */
export async function addPeople(repo: MonitoringRepository, batch: IncomingPerson[], at: Date): Promise<{ added: number; updated: number }> {
  // One person may appear twice in a batch: merge within the batch first.
  const byId = new Map<string, IncomingPerson[]>();
  for (const p of batch) byId.set(p._id, [...(byId.get(p._id) ?? []), p]);
  const existing = new Map((await repo.peopleByIds([...byId.keys()])).map((d) => [d._id, d]));
  const docs: MonitoredPersonDoc[] = [];
  let added = 0;
  for (const [id, list] of byId) {
    let doc = existing.get(id) ?? null;
    if (!doc) added++;
    for (const p of list) doc = mergePerson(doc, p, at);
    docs.push(doc!);
  }
  await repo.savePeople(docs);
  return { added, updated: docs.length - added };
}

/** The watch list of a region: built from the product's own beneficiaries and from imported lists. */
export function populationService(deps: { repo: MonitoringRepository; entitlements: EntitlementReader; audit: AuditService; batch: number }) {
  const { repo } = deps;

  /** Adds every active beneficiary of a monitored programme inside `scope` (through the applications domain's reader, never its collection). */
  async function syncFromEntitlements(scope: string): Promise<{ added: number; updated: number }> {
    let batch: IncomingPerson[] = [];
    const total = { added: 0, updated: 0 };
    const flush = async () => {
      const r = await addPeople(repo, batch, new Date());
      total.added += r.added;
      total.updated += r.updated;
      batch = [];
    };
    for await (const e of deps.entitlements.inRegion(scope, { activeOnly: true })) {
      const group: MonitoredGroup | undefined = PROGRAMME_GROUPS[e.programme];
      if (!group) continue;
      batch.push({
        _id: e.beneficiary.idNumberBlindIndex, name: e.beneficiary.name, idNumberMasked: e.beneficiary.idNumberMasked, idNumberCipher: '', group, regionCode: e.regionCode,
        householdKey: e.beneficiary.idNumberBlindIndex, householdIncomeFen: null, householdSize: null, origin: 'entitlement',
      });
      if (batch.length >= deps.batch) await flush();
    }
    if (batch.length) await flush();
    return total;
  }

  return {
    syncFromEntitlements,

    async sync(ctx: ActionContext, regionCode: string | undefined) {
      const scope = regionCode ?? ctx.actor.staff?.regionCode;
      requireStaffCovering(ctx.actor, scope);
      const r = await syncFromEntitlements(scope!);
      const total = (await repo.countPeopleByGroup(scope!)).reduce((s, g) => s + g.n, 0);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.population.sync', requestId: ctx.requestId, details: { regionCode: scope!, added: r.added } });
      return { regionCode: scope!, added: r.added, updated: r.updated, total };
    },

    /** Counts by group and a first page of people (masked). A staff read of people: audited. */
    async summary(ctx: ActionContext, q: { regionCode?: string; group?: MonitoredGroup; limit?: number }): Promise<PopulationSummary> {
      const scope = q.regionCode ?? ctx.actor.staff?.regionCode;
      requireStaffCovering(ctx.actor, scope);
      const counts = new Map((await repo.countPeopleByGroup(scope!)).map((g) => [g._id, g.n]));
      const people = await repo.peopleInRegion(scope!, q.group, q.limit ?? 50);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.population.read', requestId: ctx.requestId, details: { regionCode: scope!, rows: people.length, subjectKeys: people.map((p) => p._id).join(',') } });
      return {
        regionCode: scope!,
        total: [...counts.values()].reduce((a, b) => a + b, 0),
        byGroup: MONITORED_GROUPS.map((g) => ({ group: g, label: MONITORED_GROUP_LABELS[g], count: counts.get(g) ?? 0 })),
        people: people.map((p) => ({
          id: p._id.slice(0, 12), nameMasked: p.name ? maskName(p.name) : '', idNumberMasked: p.idNumberMasked, group: p.group, regionCode: p.regionCode,
          householdSize: p.householdSize, origins: p.origins.map((o) => (o.startsWith('list:') ? 'list' : o)).filter((o, i, a) => a.indexOf(o) === i),
        })),
      };
    },
  };
}
export type PopulationService = ReturnType<typeof populationService>;
