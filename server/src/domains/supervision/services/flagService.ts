import { createHash } from 'node:crypto';
import {
  addWorkingDays, FLAG_KIND_LABELS, FLAG_KINDS, flagKey, flagOwnerRegion, FLAG_OWNER_LEVEL, flagTransition, regionLineage, regionName, shanghaiDate, shanghaiMonth,
  type CalendarIndex, type FlagKind, type FlagStatus, type FlagView, type ScanResult, type SupervisionSummary,
} from '@dajiuzhu/shared';
import type { ActionContext } from '../../../core/context';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering, staffCovers } from '../../../core/scope/staffScope';
import type { FlagDoc } from '../models/supervision';
import type { SupervisionRepository } from '../repository';
import { toFlagView } from './flagViews';
import type { Detector, FlagCandidate, ScanSources } from './detectors/types';
import { amountMismatch, paymentRunLate, shouldHaveExited } from './detectors/payments';
import { overdueAlert, overdueRecheck, wrongGrant } from './detectors/signals';
import { relatedApplicant } from './detectors/related';

const DETECTORS: [FlagKind, Detector][] = [
  ['shouldHaveExited', shouldHaveExited], ['wrongGrant', wrongGrant], ['paymentRunLate', paymentRunLate], ['amountMismatch', amountMismatch],
  ['overdueAlert', overdueAlert], ['overdueRecheck', overdueRecheck], ['relatedApplicant', relatedApplicant],
];

export const flagIdOf = (key: string) => `fl_${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;

/** The county level and above use the desk; a township owns flags but sees them through its county. */
function requireCounty(ctx: ActionContext) {
  const scope = requireStaff(ctx.actor);
  if (scope.level !== 'county') throw new AppError('SUPERVISION_COUNTY_ONLY');
  return scope;
}

/**
 * 电子监察 (docs/supervision.md): a scan runs every detector over a region through the owners'
 * APIs and inserts one flag per condition, subject and period (a re-run adds 0); the desk lists,
 * counts and drills down; the owner resolves or dismisses a flag once.
 */
export function flagService(deps: {
  repo: SupervisionRepository;
  sources: () => Omit<ScanSources, 'today' | 'month' | 'paymentRunDay'>;
  audit: AuditService;
  calendar: CalendarIndex;
  settings: { flagWorkingDays: number; paymentRunDay: number };
  now?: () => Date;
}) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());

  function toDoc(c: FlagCandidate, at: Date): FlagDoc {
    const key = flagKey(c.kind, c.subject.id, c.period);
    return {
      _id: flagIdOf(key), key, kind: c.kind, status: 'open', regionCode: c.regionCode, period: c.period, subject: c.subject, summary: c.summary, facts: c.facts,
      ownerLevel: FLAG_OWNER_LEVEL[c.kind], ownerRegion: flagOwnerRegion(c.kind, c.regionCode),
      deadline: addWorkingDays(shanghaiDate(at), deps.settings.flagWorkingDays, deps.calendar), raisedAt: at, resolution: null, updatedAt: at,
    };
  }

  /** Runs every detector over `scope`; each candidate inserted once (a flag already there is left as it is, resolved or not). */
  async function scanRegion(scope: string, kinds: readonly FlagKind[] = FLAG_KINDS): Promise<ScanResult> {
    const at = now();
    const sources: ScanSources = { ...deps.sources(), today: shanghaiDate(at), month: shanghaiMonth(at), paymentRunDay: deps.settings.paymentRunDay };
    const raised: ScanResult['raised'] = [];
    for (const [kind, detect] of DETECTORS) {
      if (!kinds.includes(kind)) continue;
      const docs = [...new Map((await detect(scope, sources)).map((c) => toDoc(c, at)).map((d) => [d._id, d])).values()];
      const dups = docs.length ? await repo.insertFlags(docs) : new Set<number>();
      raised.push({ kind, found: docs.length, new: docs.length - dups.size });
    }
    return { regionCode: scope, raised, scannedAt: at.toISOString() };
  }

  async function ownFlag(ctx: ActionContext, id: string): Promise<FlagDoc> {
    requireStaff(ctx.actor);
    let f = await repo.findFlag(id);
    requireStaffCovering(ctx.actor, f?.regionCode);
    // A resolution stored but not applied (its writer stopped half-way) is applied now.
    if (f!.status === 'open') {
      const r = await repo.findResolution(id);
      if (r) {
        const set = { status: flagTransition('open', r.action)!, resolution: r, updatedAt: r.at };
        await repo.applyResolution(id, set);
        f = { ...f!, ...set };
      }
    }
    return f!;
  }

  const today = () => shanghaiDate(now());

  return {
    scanRegion,

    async scan(ctx: ActionContext, regionCode?: string): Promise<ScanResult> {
      const scope = regionCode ?? requireCounty(ctx).regionCode;
      requireCounty(ctx);
      requireStaffCovering(ctx.actor, scope);
      const result = await scanRegion(scope);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'supervision.scan', requestId: ctx.requestId, details: { regionCode: scope, new: result.raised.reduce((n, r) => n + r.new, 0) } });
      return result;
    },

    /** The flags of a region (the owner's and those below), nearest deadline first; audited with every person shown. */
    async list(ctx: ActionContext, q: { regionCode?: string; kind?: FlagKind; status?: FlagStatus; limit?: number }): Promise<{ flags: FlagView[]; capped: boolean }> {
      const scope = q.regionCode ?? requireStaff(ctx.actor).regionCode;
      requireStaffCovering(ctx.actor, scope);
      const limit = q.limit ?? 50;
      const rows = await repo.listFlags(scope, { ...(q.status ? { status: q.status } : {}), ...(q.kind ? { kind: q.kind } : {}) }, limit + 1);
      const shown = rows.slice(0, limit);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'supervision.flags.read', requestId: ctx.requestId, details: { regionCode: scope, rows: shown.length, subjectKeys: shown.map((f) => f.subject.personKey).filter(Boolean).join(',') } });
      return { flags: shown.map((f) => toFlagView(f, today())), capped: rows.length > limit };
    },

    async get(ctx: ActionContext, id: string): Promise<FlagView> {
      const f = await ownFlag(ctx, id);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'supervision.flag.read', subjectId: f.subject.personKey, requestId: ctx.requestId, details: { flagId: f._id, kind: f.kind } });
      return toFlagView(f, today());
    },

    /** The owner (or the county above it) resolves or dismisses an open flag, once; a second answer 409. */
    async resolve(ctx: ActionContext, id: string, body: { action: 'resolve' | 'dismiss'; note: string }): Promise<FlagView> {
      const f = await ownFlag(ctx, id);
      // Only the owner or an office above it: a county matter (a relative's application, a payment run) is not the township's to close.
      if (!staffCovers(ctx.actor, f.ownerRegion)) throw new AppError('SUPERVISION_COUNTY_ONLY');
      const to = flagTransition(f.status, body.action);
      if (!to) throw new AppError('SUPERVISION_ACTION_NOT_ALLOWED', { details: { status: f.status } });
      const resolution = { _id: f._id, action: body.action, note: body.note.trim(), byId: ctx.actor._id, at: now() };
      if (!(await repo.insertResolution(resolution))) throw new AppError('SUPERVISION_ACTION_NOT_ALLOWED');
      const set = { status: to, resolution, updatedAt: resolution.at };
      await repo.applyResolution(f._id, set);
      await deps.audit.record({ actorId: ctx.actor._id, action: `supervision.flag.${body.action}`, subjectId: f.subject.personKey, requestId: ctx.requestId, details: { flagId: f._id, kind: f.kind } });
      return toFlagView({ ...f, ...set }, today());
    },

    /** Counts by kind and by region one level down (drill-down: ask again with a row's code). County and city staff. */
    async summary(ctx: ActionContext, regionCode?: string): Promise<SupervisionSummary> {
      const scope = regionCode ?? requireCounty(ctx).regionCode;
      requireCounty(ctx);
      requireStaffCovering(ctx.actor, scope);
      const t = today();
      const byKind = new Map(FLAG_KINDS.map((k) => [k, { kind: k, kindName: FLAG_KIND_LABELS[k], open: 0, overdue: 0, closed: 0 }]));
      const byRegion = new Map<string, { regionCode: string; regionName: string; open: number; overdue: number; closed: number }>();
      const cap = 50_000;
      let n = 0;
      for await (const f of repo.flagFacts(scope)) {
        if (++n > cap) break;
        const lineage = regionLineage(f.regionCode);
        const i = lineage.indexOf(scope);
        const child = i >= 0 && i + 1 < lineage.length ? lineage[i + 1] : scopeChild(scope, f.regionCode);
        let row = byRegion.get(child);
        if (!row) byRegion.set(child, (row = { regionCode: child, regionName: regionName(child), open: 0, overdue: 0, closed: 0 }));
        for (const x of [byKind.get(f.kind)!, row]) {
          if (f.status === 'open') { x.open++; if (f.deadline < t) x.overdue++; } else x.closed++;
        }
      }
      await deps.audit.record({ actorId: ctx.actor._id, action: 'supervision.summary.read', requestId: ctx.requestId, details: { regionCode: scope } });
      return { regionCode: scope, regionName: regionName(scope), byKind: [...byKind.values()], byRegion: [...byRegion.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)), capped: n > cap };
    },
  };
}
export type FlagService = ReturnType<typeof flagService>;

/** The code one level below `scope` holding `code`, when `scope` is not in its lineage as written (a city code 371400 and its county 371402). */
function scopeChild(scope: string, code: string): string {
  const lineage = regionLineage(code);
  const deeper = lineage.filter((c) => c.length >= scope.length && c !== scope && c.startsWith(scope.replace(/0+$/, '')));
  return deeper[0] ?? code;
}
