/**
 * The monitoring screens' rules, apart from the pages so they are tested alone: idempotency keys,
 * task order, deadline words, what each visit outcome needs, the visit body, and chart scaling.
 */
import type { AlertSummaryView, RecordVisitBody, VisitOutcomeBody } from '@dajiuzhu/shared';
import { ALERT_LEVELS, OUTCOME_KINDS, OUTCOME_LABELS, type AlertLevel, type OutcomeKind } from '@dajiuzhu/shared/src/monitoring';
import { programmeName } from '@dajiuzhu/shared/src/programmes';
import { parseYuanInput } from '@dajiuzhu/shared/src/money';
import type { Tone } from '../../styles/tokens';

/**
 * A key made once per form (visitKey, requestKey): a retried or double-tapped submit sends the same
 * key, so the server records one visit / one report. 8–64 of [A-Za-z0-9_-].
 */
export function newFormKey(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  return `${prefix.replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}-${Date.now().toString(36)}-${random}`;
}

/** One colour role per level (the words 红色预警 … always beside it: colour is never the only sign). */
export const LEVEL_TONE: Record<AlertLevel, Tone> = { red: 'danger', orange: 'warning', yellow: 'neutral' };

/** Red first, then the nearest deadline (overdue ones have the earliest). */
export function sortTasks<T extends Pick<AlertSummaryView, 'level' | 'deadline'>>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => ALERT_LEVELS.indexOf(a.level) - ALERT_LEVELS.indexOf(b.level) || a.deadline.localeCompare(b.deadline));
}

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** The deadline in words, from today's Shanghai date: 已超期 3 天 / 今天到期 / 还剩 2 天. */
export function deadlineWords(deadline: string, today: string, overdue: boolean): string {
  const days = dayNumber(deadline) - dayNumber(today);
  if (overdue || days < 0) return `已超期 ${Math.max(1, -days)} 天`;
  if (days === 0) return '今天到期';
  return `还剩 ${days} 天`;
}

/** Programmes a grid worker can start on the person's behalf (纳入救助): the ones the applications domain takes (not 低保边缘). */
export const ENROL_PROGRAMMES = ['dibao', 'tekun', 'expenditureHardship', 'temporary', 'disabilityLiving', 'disabilityCare'] as const;
export type EnrolProgramme = (typeof ENROL_PROGRAMMES)[number];
export const ENROL_PROGRAMME_CHOICES = ENROL_PROGRAMMES.map((p) => ({ value: p, label: programmeName(p) }));

/**
 * The outcomes this alert allows: a 随手拍 is about someone not yet named, so no application can be
 * started for them (409 MONITORING_ENROL_PERSON_UNKNOWN): 纳入救助 is not offered, 转介 is.
 */
export function outcomeChoicesFor(alert: { origin: string }): { value: OutcomeKind; label: string }[] {
  return OUTCOME_KINDS.filter((k) => !(k === 'enrol' && alert.origin === 'hardshipReport')).map((k) => ({ value: k, label: OUTCOME_LABELS[k] }));
}

/** The extra fields each outcome needs (the API refuses the outcome without them). */
export const OUTCOME_NEEDS: Record<OutcomeKind, { programme?: true; consent?: true; referTo?: true; reason?: 'required' | 'optional' }> = {
  enrol: { programme: true, consent: true },
  emergencyAid: { reason: 'optional' },
  refer: { referTo: true },
  noAssistanceNeeded: { reason: 'required' },
  notFound: { reason: 'optional' },
};

export interface VisitForm {
  seen: string;
  householdSize: string;
  /** Monthly household income in yuan, as typed. */
  householdIncome: string;
  note: string;
  photoFileIds: string[];
  outcome: OutcomeKind | undefined;
  programme: EnrolProgramme | undefined;
  referTo: string;
  reason: string;
  consentAgreed: boolean;
  signedName: string;
}

/** The form prefilled from what the data says about the household. */
export function prefilledVisitForm(situation: { householdSize: number | null; householdIncomeFen: number | null }): VisitForm {
  return {
    seen: '',
    householdSize: situation.householdSize ? String(situation.householdSize) : '',
    householdIncome: situation.householdIncomeFen !== null && situation.householdIncomeFen !== undefined ? (situation.householdIncomeFen / 100).toFixed(2).replace(/\.00$/, '') : '',
    note: '',
    photoFileIds: [],
    outcome: undefined,
    programme: undefined,
    referTo: '',
    reason: '',
    consentAgreed: false,
    signedName: '',
  };
}

/** What is still missing, in words, in the order of the form (empty: ready to submit). */
export function visitProblems(f: VisitForm): string[] {
  const problems: string[] = [];
  if (!f.seen.trim()) problems.push('请填写看到的情况');
  const size = f.householdSize.trim();
  if (size && !(/^\d{1,2}$/.test(size) && Number(size) >= 1 && Number(size) <= 30)) problems.push('家庭人口应为 1–30 的整数');
  if (f.householdIncome.trim()) {
    const income = parseYuanInput(f.householdIncome.trim());
    if ('problem' in income) problems.push('家庭月收入请填写金额（元）');
  }
  if (!f.outcome) {
    problems.push('请选择核查结果');
    return problems;
  }
  const needs = OUTCOME_NEEDS[f.outcome];
  if (needs.programme && !f.programme) problems.push('请选择申请的救助项目');
  if (needs.consent && !f.consentAgreed) problems.push('请本人勾选同意代为申请');
  if (needs.consent && !f.signedName.trim()) problems.push('请本人签写姓名');
  if (needs.referTo && !f.referTo.trim()) problems.push('请填写转介给哪个单位或组织');
  if (needs.reason === 'required' && !f.reason.trim()) problems.push('请填写无需救助的理由');
  return problems;
}

/** The request body of a complete form (call visitProblems first). */
export function visitBody(f: VisitForm, visitKey: string, visitedAt: string): RecordVisitBody {
  const kind = f.outcome as OutcomeKind;
  const needs = OUTCOME_NEEDS[kind];
  const outcome: VisitOutcomeBody = { kind };
  if (needs.programme && f.programme) outcome.programme = f.programme;
  if (needs.consent) outcome.consent = { agreed: true, signedName: f.signedName.trim() };
  if (needs.referTo) outcome.referTo = f.referTo.trim();
  if (needs.reason && f.reason.trim()) outcome.reason = f.reason.trim();
  const situation: RecordVisitBody['situation'] = {};
  if (f.householdSize.trim()) situation.householdSize = Number(f.householdSize.trim());
  const income = f.householdIncome.trim() ? parseYuanInput(f.householdIncome.trim()) : null;
  if (income && 'fen' in income && income.fen !== null) situation.householdIncomeFen = income.fen;
  if (f.note.trim()) situation.note = f.note.trim();
  return { visitKey, visitedAt, seen: f.seen.trim(), photoFileIds: f.photoFileIds, situation, outcome };
}

/** A bar's length in percent of the largest count (a non-zero count stays visible: at least 2 %). */
export function barPercent(count: number, max: number): number {
  if (max <= 0 || count <= 0) return 0;
  return Math.max(2, Math.round((count / max) * 100));
}
