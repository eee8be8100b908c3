import {
  ALERT_LEVELS, ALERT_LEVEL_LABELS, ALERT_STATUSES, ALERT_STATUS_LABELS, SOURCE_SPECS, isMonitoringSource, shanghaiDate, type MonitoringDashboard,
} from '@dajiuzhu/shared';
import type { MonitoringRepository } from '../repository';
import type { EntitlementReader } from '../../applications/api';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import { isOverdue } from '../views/alertView';

const ORIGIN_LABELS: Record<string, string> = { helpRequest: '一键求助', hardshipReport: '随手拍' };
const DAY_MS = 86_400_000;

/**
 * The county's and city's view (电子监察): alerts by level, source, township and status; open and
 * overdue; the median days to close; people brought into assistance through discovery (alerts
 * closed as 纳入救助) against those who came through applications (active entitlements).
 * Counted by aggregation where FerretDB's subset allows (one accumulator per $group), the rest by
 * streaming the few fields needed (bounded memory: the close times only).
 */
export function dashboardService(deps: { repo: MonitoringRepository; entitlements: EntitlementReader; audit: AuditService }) {
  const { repo } = deps;
  return {
    async get(ctx: ActionContext, regionCode: string | undefined): Promise<MonitoringDashboard> {
      const scope = regionCode ?? requireStaff(ctx.actor).regionCode;
      const staff = requireStaffCovering(ctx.actor, scope);
      if (staff.level !== 'county') throw new AppError('MONITORING_COUNTY_ONLY');
      const today = shanghaiDate();
      const [byLevel, bySource, byStatus] = await Promise.all([repo.countAlertsBy(scope, 'level'), repo.countAlertsBy(scope, 'source'), repo.countAlertsBy(scope, 'status')]);
      const towns = new Map<string, { open: number; overdue: number; total: number }>();
      const closeDays: number[] = [];
      let overdue = 0;
      let discovered = 0;
      for await (const a of repo.alertFactsCursor(scope)) {
        const town = a.regionCode.length >= 9 ? a.regionCode.slice(0, 9) : a.regionCode;
        const t = towns.get(town) ?? { open: 0, overdue: 0, total: 0 };
        t.total++;
        if (a.status !== 'closed') t.open++;
        if (isOverdue(a, today)) { t.overdue++; overdue++; }
        towns.set(town, t);
        if (a.status === 'closed' && a.closedAt) {
          closeDays.push((new Date(a.closedAt).getTime() - new Date(a.createdAt).getTime()) / DAY_MS);
          if (a.outcome === 'enrol') discovered++;
        }
      }
      closeDays.sort((x, y) => x - y);
      const mid = closeDays.length >> 1;
      const median = closeDays.length === 0 ? null : Math.round((closeDays.length % 2 ? closeDays[mid] : (closeDays[mid - 1] + closeDays[mid]) / 2) * 10) / 10;
      let entitlements = 0;
      for await (const e of deps.entitlements.inRegion(scope, { activeOnly: true })) if (e) entitlements++;
      const throughApplications = Math.max(0, entitlements - discovered);
      const n = (rows: { _id: string; n: number }[], key: string) => rows.find((r) => r._id === key)?.n ?? 0;
      const total = byStatus.reduce((s, r) => s + r.n, 0);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.dashboard.read', requestId: ctx.requestId, details: { regionCode: scope } });
      return {
        regionCode: scope, asOf: today, total, open: total - n(byStatus, 'closed'), overdue, closed: n(byStatus, 'closed'),
        byLevel: ALERT_LEVELS.map((level) => ({ level, label: ALERT_LEVEL_LABELS[level], count: n(byLevel, level) })),
        bySource: bySource.map((r) => ({ source: r._id, label: isMonitoringSource(r._id) ? SOURCE_SPECS[r._id].name : ORIGIN_LABELS[r._id] ?? r._id, count: r.n })).sort((a, b) => b.count - a.count),
        byStatus: ALERT_STATUSES.map((status) => ({ status, label: ALERT_STATUS_LABELS[status], count: n(byStatus, status) })),
        byTownship: [...towns.entries()].map(([code, t]) => ({ regionCode: code, ...t })).sort((a, b) => b.open - a.open || a.regionCode.localeCompare(b.regionCode)),
        medianDaysToClose: median,
        enrolledThroughDiscovery: discovered,
        enrolledThroughApplications: throughApplications,
        discoverySharePercent: discovered + throughApplications ? Math.round((discovered * 1000) / (discovered + throughApplications)) / 10 : null,
      };
    },
  };
}
export type DashboardService = ReturnType<typeof dashboardService>;
