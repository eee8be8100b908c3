import { RECHECK_STATUS_LABELS, type RecheckStatus } from '@dajiuzhu/shared';
import type { Detector } from './types';

/**
 * 疑似错救: a beneficiary household with a vehicle, company or real estate on record (monitoring's
 * asset rule) — also when the township closed the alert: the county sees every such signal with the
 * township's conclusion, and resolves or dismisses it (watching for lax review).
 */
export const wrongGrant: Detector = async (scope, s) =>
  (await s.monitoring.alertsOfRule(scope, 'assetOnBeneficiary')).map((a) => ({
    kind: 'wrongGrant' as const, regionCode: a.regionCode, period: a.period || a.evidenceDate.slice(0, 7),
    subject: { kind: 'alert', id: a.id, name: a.subjectName, idNumberMasked: a.idNumberMasked, personKey: a.personKey },
    summary: a.summary || '救助家庭名下有资产，可能不符合条件',
    facts: [{ label: '数据日期', value: a.evidenceDate }, { label: '预警状态', value: a.status === 'closed' ? '乡镇（街道）已办结' : '核查中' }],
  }));

/** 预警未按期办结: an alert still open after its deadline. */
export const overdueAlert: Detector = async (scope, s) =>
  (await s.monitoring.overdueAlerts(scope, s.today)).map((a) => ({
    kind: 'overdueAlert' as const, regionCode: a.regionCode, period: a.deadline,
    subject: { kind: 'alert', id: a.id, name: a.subjectName, idNumberMasked: a.idNumberMasked, personKey: a.personKey },
    summary: `预警应于${a.deadline}前办结，仍未办结`,
    facts: [{ label: '办结期限', value: a.deadline }, { label: '预警状态', value: a.status }],
  }));

/** 复核未按期完成: a recheck not decided by its deadline (10 working days after a 特困 change, 3 months after a death…). */
export const overdueRecheck: Detector = async (scope, s) =>
  (await s.rechecks.overdue(scope, s.today)).map((r) => ({
    kind: 'overdueRecheck' as const, regionCode: r.regionCode, period: r.deadline,
    subject: { kind: 'recheck', id: r.id, name: r.nameMasked, idNumberMasked: r.idNumberMasked, personKey: r.personKey },
    summary: `复核应于${r.deadline}前作出决定，仍未办结`,
    facts: [{ label: '办结期限', value: r.deadline }, { label: '复核状态', value: RECHECK_STATUS_LABELS[r.status as RecheckStatus] ?? r.status }],
  }));
