import type { ChangeReportKind } from '@dajiuzhu/shared';

/** Words of the 动态管理 screens (kept apart from the pages so they can be tested without Taro). */
export const CHANGE_KINDS: { value: ChangeReportKind; label: string }[] = [
  { value: 'income', label: '收入变化' },
  { value: 'memberAdded', label: '家里添了人' },
  { value: 'memberDied', label: '家人去世' },
  { value: 'address', label: '搬家了' },
  { value: 'beneficiaryDied', label: '本人去世（代办人申报）' },
  { value: 'other', label: '其他' },
];

/** A client key that makes a retried report one report (the server's `requestKey`). */
export function newRequestKey(): string {
  return `cr-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12).padEnd(10, '0')}`;
}

/** What is wrong with a change report before it is sent, or null. */
export function reportProblem(kind: ChangeReportKind | undefined, text: string): string | null {
  if (!kind) return '请选择发生了什么变化';
  if (!text.trim()) return '请简单说明变化的情况';
  if (text.trim().length > 500) return '说明请不超过 500 字';
  return null;
}

/** A yuan amount typed by staff → fen, or null when it is not a positive amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return fen > 0 ? fen : null;
}
