import { formatYuanText } from '../money/index';

/**
 * The reasons a household reads in its exit letter (退出告知书): the staff's own lines, preceded by
 * what the product computed from the data check (the counted income against the standard).
 */
export interface DataCheckFigures { householdSize: number; monthlyIncomeFen: number; standardFen: number | null }

export function computedReasonLines(f: DataCheckFigures): string[] {
  const lines = [`核对的家庭月收入 ${formatYuanText(f.monthlyIncomeFen)}，共 ${f.householdSize} 人`];
  if (f.standardFen !== null && f.householdSize > 0) {
    const perHead = Math.floor(f.monthlyIncomeFen / f.householdSize);
    lines.push(`人均月收入 ${formatYuanText(perHead)}，${perHead >= f.standardFen ? '不低于' : '低于'}当地保障标准 ${formatYuanText(f.standardFen)}`);
  }
  return lines;
}

/** Reasons as given: trimmed, blank lines dropped, each line once. */
export function cleanReasons(lines: readonly string[]): string[] {
  return [...new Set(lines.map((l) => l.trim()).filter(Boolean))];
}
