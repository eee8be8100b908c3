import { regionLineage } from '../rules/regionNames';

/**
 * 电子监察 (`supervision`): the automatic flags the desk lists (GLOSSARY: 应退未退 `shouldHaveExited`,
 * 错救 `wrongGrant`). Every flag has a region, an owner (the office that must act), a deadline and a
 * resolution. Its key names the condition, the subject and the period, so a second scan of the same
 * data adds nothing.
 */
export const FLAG_KINDS = [
  'shouldHaveExited', 'wrongGrant', 'paymentRunLate', 'amountMismatch', 'overdueAlert', 'overdueRecheck', 'relatedApplicant',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  shouldHaveExited: '应退未退：向已死亡或已停保人员发放',
  wrongGrant: '疑似错救：家庭名下有车辆、企业或房产',
  paymentRunLate: '发放迟缓：当月资金未按时发放',
  amountMismatch: '发放金额与核定标准不一致',
  overdueAlert: '预警未按期办结',
  overdueRecheck: '复核未按期完成',
  relatedApplicant: '近亲属备案：申请人是工作人员或村（居）干部的近亲属',
};

/** Who must act: the county for what rules give the county (备案 visits, payment runs), else the township (or the record's own region when above it). */
export const FLAG_OWNER_LEVEL: Record<FlagKind, 'township' | 'county'> = {
  shouldHaveExited: 'township', wrongGrant: 'township', paymentRunLate: 'county', amountMismatch: 'county',
  overdueAlert: 'township', overdueRecheck: 'township', relatedApplicant: 'county',
};

/** The office that owns a flag of `kind` raised in `regionCode`: its county (6 digits) or its township (9 digits; the region itself when it is a county or above). */
export function flagOwnerRegion(kind: FlagKind, regionCode: string): string {
  const lineage = regionLineage(regionCode);
  const county = regionCode.length >= 6 ? regionCode.slice(0, 6) : regionCode;
  if (FLAG_OWNER_LEVEL[kind] === 'county') return county;
  return regionCode.length >= 9 ? regionCode.slice(0, 9) : lineage[lineage.length - 1] ?? regionCode;
}

export const FLAG_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = { open: '待处理', resolved: '已纠正', dismissed: '核实无问题' };

export const FLAG_ACTIONS = ['resolve', 'dismiss'] as const;
export type FlagAction = (typeof FLAG_ACTIONS)[number];

/** The flag state machine: an open flag is resolved (the wrong was put right) or dismissed (checked, nothing wrong), once. */
export function flagTransition(from: FlagStatus, action: FlagAction): FlagStatus | null {
  if (from !== 'open') return null;
  return action === 'resolve' ? 'resolved' : 'dismissed';
}

/** The unique key of a flag: condition + subject + period (`_id` of supervision_flags). */
export function flagKey(kind: FlagKind, subjectId: string, period: string): string {
  return `${kind}:${subjectId}:${period}`;
}

export function isFlagKind(text: string): text is FlagKind {
  return (FLAG_KINDS as readonly string[]).includes(text);
}
