import { SOURCE_SPECS, isMonitoringSource, type MonitoringImportView } from '@dajiuzhu/shared';
import type { JobDoc } from '../models/monitoring';

export function toImportView(j: JobDoc): MonitoringImportView {
  const c = j.counts ?? {};
  return {
    id: j._id,
    source: j.source as MonitoringImportView['source'],
    sourceName: isMonitoringSource(j.source) ? SOURCE_SPECS[j.source].name : j.source,
    fileName: j.fileName,
    format: j.format as 'csv' | 'xlsx',
    encoding: j.encoding,
    regionCode: j.regionCode,
    status: j.status,
    counts: { rows: c.rows ?? 0, accepted: c.accepted ?? 0, duplicates: c.duplicates ?? 0, rejected: c.rejected ?? 0, unmatched: c.unmatched ?? 0 },
    evaluationId: j.evaluationId,
    error: j.error,
    createdAt: new Date(j.createdAt).toISOString(),
    finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}
