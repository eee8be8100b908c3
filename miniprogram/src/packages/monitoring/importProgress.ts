import type { MonitoringImportView } from '@dajiuzhu/shared';
import { MONITORING_FIELD_LABELS, type MonitoringField } from '@dajiuzhu/shared/src/monitoring';

const ENDED = new Set(['done', 'failed', 'interrupted']);

/** True once a background job (import or evaluation) will not change any more by itself. */
export function importFinished(status: string): boolean {
  return ENDED.has(status);
}

/** The import's state and counts in one line. */
export function importLine(job: MonitoringImportView): string {
  const c = job.counts;
  const counts = `已读 ${c.rows} 行：导入 ${c.accepted}，重复 ${c.duplicates}，有误 ${c.rejected}，不在监测名单 ${c.unmatched}`;
  switch (job.status) {
    case 'queued': return '排队中…';
    case 'running': return `正在导入… ${counts}`;
    case 'done': return `导入完成。${counts}`;
    case 'interrupted': return `导入中断（可继续）。${counts}`;
    default: return `导入失败：${job.error?.message ?? '请检查文件后重试'}`;
  }
}

/** MONITORING_IMPORT_MISSING_COLUMNS details.missing (field codes) → the columns to add, in words. */
export function missingColumnsText(missing: string[] | undefined): string | null {
  if (!missing || missing.length === 0) return null;
  const names = missing.map((f) => (f in MONITORING_FIELD_LABELS ? MONITORING_FIELD_LABELS[f as MonitoringField] : f));
  return `文件缺少这些列：${names.join('、')}`;
}
