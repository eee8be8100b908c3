import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  MONITORING_COLUMN_DEFAULTS, MONITORING_FIELD_LABELS, MONITORING_SOURCES, RECORD_PROBLEM_MESSAGES, SOURCE_SPECS, isMonitoringSource, resolveMonitoringColumns,
  type MonitoringField, type MonitoringImportReport, type MonitoringImportView, type MonitoringMappingView, type MonitoringSource, type RecordProblem,
} from '@dajiuzhu/shared';
import type { JobDoc } from '../models/monitoring';
import type { MonitoringRepository } from '../repository';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';
import { AppError } from '../../../core/errors/AppError';
import { readHead, sniffImportFile, type ImportFileCodes } from '../../../core/imports/fileReading';
import { safeFileName, storeUpload } from '../../../core/imports/upload';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import { newJob, newJobId, type MonitoringJobRunner, type Work } from './jobRunner';
import { toImportView } from '../views/importView';

export const MONITORING_FILE_CODES: ImportFileCodes = {
  empty: 'MONITORING_IMPORT_EMPTY', fileType: 'MONITORING_IMPORT_FILE_TYPE', encoding: 'MONITORING_IMPORT_ENCODING', unreadable: 'MONITORING_IMPORT_UNREADABLE',
};

const REASONS: Record<string, string> = { ...RECORD_PROBLEM_MESSAGES, unmatched: '此人不在本辖区监测名单中', duplicate: '该条数据已导入过（未重复记录）' };

/**
 * Department files (数据比对): column mappings per region and source, the upload (stored on disk
 * while it streams in, checked, queued), progress, resuming and the per-row report. The rows are
 * worked by importWorker, in the background, with the generic file reading of core/imports.
 */
export function importFileService(deps: { repo: MonitoringRepository; audit: AuditService; dataDir: string; runner: MonitoringJobRunner; work: Work; staleJobMs: number; now?: () => Date }) {
  const { repo, runner } = deps;
  const now = deps.now ?? (() => new Date());
  const dir = path.resolve(deps.dataDir, 'monitoring-imports');
  const knownSource = (code: string): MonitoringSource => {
    if (!isMonitoringSource(code)) throw new AppError('MONITORING_SOURCE_UNKNOWN');
    return code;
  };

  async function savedColumns(regionCode: string, source: MonitoringSource): Promise<Partial<Record<MonitoringField, string>> | null> {
    return ((await repo.findMapping(regionCode, source))?.columns as Partial<Record<MonitoringField, string>>) ?? null;
  }

  async function findOwnJob(ctx: ActionContext, importId: string): Promise<JobDoc> {
    requireStaff(ctx.actor);
    const job = await repo.findJob(importId);
    requireStaffCovering(ctx.actor, job?.kind === 'import' ? job.regionCode : null);
    return job!;
  }

  return {
    sources() {
      return MONITORING_SOURCES.map((code) => {
        const spec = SOURCE_SPECS[code];
        return {
          code, name: spec.name,
          fields: [...spec.required.map((f) => ({ f, required: true })), ...spec.optional.map((f) => ({ f, required: false }))]
            .map(({ f, required }) => ({ field: f, label: f === 'date' ? spec.dateLabel : f === 'amount' && spec.amountLabel ? spec.amountLabel : MONITORING_FIELD_LABELS[f], required, headers: [...MONITORING_COLUMN_DEFAULTS[f]] })),
        };
      });
    },

    async getMapping(ctx: ActionContext, source: string): Promise<MonitoringMappingView> {
      const scope = requireStaff(ctx.actor).regionCode;
      const code = knownSource(source);
      const saved = await savedColumns(scope, code);
      return { source: code, regionCode: scope, columns: (saved ?? {}) as Record<string, string>, saved: !!saved };
    },

    async saveMapping(ctx: ActionContext, source: string, columns: Partial<Record<MonitoringField, string>>): Promise<MonitoringMappingView> {
      const scope = requireStaff(ctx.actor).regionCode;
      const code = knownSource(source);
      const clean = Object.fromEntries(Object.entries(columns).filter(([, v]) => !!v && v.trim()).map(([k, v]) => [k, v!.trim()]));
      await repo.saveMapping({ regionCode: scope, source: code, columns: clean, updatedBy: ctx.actor._id });
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.mapping.save', requestId: ctx.requestId, details: { source: code, regionCode: scope } });
      return { source: code, regionCode: scope, columns: clean, saved: true };
    },

    /**
     * Stores the upload, checks it is a CSV or XLSX we can read and that its header has the source's
     * required columns (else 400 with the missing ones named, and nothing stored), then queues the
     * import and answers at once (202); progress at GET /staff/monitoring/imports/{id}.
     */
    async upload(ctx: ActionContext, input: { source: string; encoding?: 'auto' | 'utf8' | 'gbk'; fileName: string; stream: Readable }): Promise<MonitoringImportView> {
      const scope = requireStaff(ctx.actor).regionCode;
      if (!isMonitoringSource(input.source)) {
        input.stream.resume();
        throw new AppError('MONITORING_SOURCE_UNKNOWN');
      }
      const source = input.source;
      const id = newJobId('mim');
      const { filePath, sha256, size } = await storeUpload(dir, id, input.stream, 'MONITORING_IMPORT_TOO_LARGE');
      try {
        const kind = await sniffImportFile(filePath, (await stat(filePath)).size, input.encoding ?? 'auto', MONITORING_FILE_CODES);
        const head = await readHead(filePath, kind, MONITORING_FILE_CODES);
        if (head.length === 0) throw new AppError('MONITORING_IMPORT_EMPTY');
        const { columns, missing } = resolveMonitoringColumns(source, head[0], (await savedColumns(scope, source)) ?? {});
        if (missing.length) {
          const labels = missing.map((f) => (f === 'date' ? SOURCE_SPECS[source].dateLabel : f === 'amount' && SOURCE_SPECS[source].amountLabel ? SOURCE_SPECS[source].amountLabel : MONITORING_FIELD_LABELS[f]));
          throw new AppError('MONITORING_IMPORT_MISSING_COLUMNS', {
            message: `文件缺少必需的列：${labels.join('、')}。请检查表头，或在“列对应关系”中指定列名`,
            details: { missing, found: head[0].slice(0, 30) },
          });
        }
        if (head.length === 1) throw new AppError('MONITORING_IMPORT_EMPTY', { message: '文件只有表头，没有数据行' });
        const job = newJob({
          _id: id, kind: 'import', regionCode: scope, actorId: ctx.actor._id, source, fileName: safeFileName(input.fileName), filePath,
          format: kind.format, encoding: kind.encoding, sha256, columns: columns as Record<string, number>, counts: { rows: 0, accepted: 0, duplicates: 0, rejected: 0, unmatched: 0 },
        }, now());
        await repo.takeLease(id, 1);
        await repo.createJob(job);
        await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.import.start', requestId: ctx.requestId, details: { importId: id, source, size, sha256 } });
        void runner.start(job, deps.work);
        return toImportView(job);
      } catch (err) {
        await rm(filePath, { force: true });
        throw err;
      }
    },

    get: async (ctx: ActionContext, importId: string) => toImportView(await findOwnJob(ctx, importId)),
    list: async (ctx: ActionContext) => (await repo.listJobs('import', requireStaff(ctx.actor).regionCode, 50)).map(toImportView),

    /** Runs an interrupted import again from its last checkpoint (rows already stored are not stored twice). */
    async resume(ctx: ActionContext, importId: string): Promise<MonitoringImportView> {
      const job = await findOwnJob(ctx, importId);
      if (!existsSync(job.filePath)) throw new AppError('MONITORING_JOB_NOT_RESUMABLE', { message: '导入文件已不在服务器上，请重新上传同一文件（已导入的行不会重复导入）' });
      const taken = await runner.takeOver(job, deps.staleJobMs);
      void runner.start(taken, deps.work);
      return toImportView(taken);
    },

    /** At start: imports left running by a process that died are taken over and finished. */
    async resumeStale(log: { info: (o: object, m: string) => void }) {
      for (const job of await repo.staleRunningJobs(new Date(Date.now() - deps.staleJobMs))) {
        if (job.kind !== 'import' || !existsSync(job.filePath)) continue;
        try {
          const taken = await runner.takeOver(job, deps.staleJobMs);
          log.info({ jobId: job._id }, 'resuming interrupted monitoring import');
          void runner.start(taken, deps.work);
        } catch { /* someone else took it */ }
      }
    },

    /** What became of the rows that were not stored (rejected with their problems, unmatched, duplicates). Audited: staff read rows about people. */
    async report(ctx: ActionContext, importId: string, status: 'rejected' | 'unmatched' | 'duplicate' | undefined, limit: number): Promise<MonitoringImportReport> {
      const job = await findOwnJob(ctx, importId);
      const rows = await repo.issues(importId, status, limit + 1);
      await deps.audit.record({ actorId: ctx.actor._id, action: 'monitoring.importReport.read', requestId: ctx.requestId, details: { importId, status: status ?? 'all', rows: Math.min(rows.length, limit) } });
      return {
        import: toImportView(job),
        rows: rows.slice(0, limit).map((i) => ({ line: i.line, status: i.status, idNumberMasked: i.idNumberMasked, problems: i.problems, reason: i.problems.map((p) => REASONS[p as RecordProblem] ?? p).join('；') })),
        truncated: rows.length > limit,
      };
    },
  };
}
export type ImportFileService = ReturnType<typeof importFileService>;
