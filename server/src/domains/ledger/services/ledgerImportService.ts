import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { LedgerConfig } from '@dajiuzhu/config';
import { IMPORT_FIELD_LABELS, resolveColumns, type ImportColumns, type ImportField, type ImportMappingView, type ImportReport, type ImportView } from '@dajiuzhu/shared';
import type { ImportRowStatus } from './importReport';
import type { LedgerJobDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { toImportView } from '../views/importView';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { AuditService } from '../../../core/audit/auditService';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { requireStaff, requireStaffCovering } from '../../../core/scope/staffScope';
import { readImportRows, sniffImportFile } from './ledgerFile';
import { safeFileName, storeUpload } from '../../../core/imports/upload';
import type { BeneficiarySources } from './beneficiaryDirectory';
import { newJob, newJobId, type JobRunner } from './ledgerJobs';
import { importWorker } from './importWorker';
import { importReports } from './importReport';
import { importSourceOf } from './importSources';


/**
 * Imports from other departments: column mappings per region and source, the upload (stored on
 * disk, checked, queued), progress, resuming, and the report. The rows are worked by importWorker.
 */
export function ledgerImportService(deps: {
  repo: LedgerRepository; beneficiaries: BeneficiarySources; pii: PiiCipher; audit: AuditService; config: LedgerConfig; dataDir: string; runner: JobRunner; now?: () => Date;
}) {
  const { repo, config, runner } = deps;
  const now = deps.now ?? (() => new Date());
  const dir = path.resolve(deps.dataDir, 'ledger-imports');
  const sourceName = (code: string) => importSourceOf(config, code)?.name ?? code;
  /** The named source, or LEDGER_SOURCE_UNKNOWN (400): `constructor` is no source. */
  const knownSource = (code: string) => {
    const source = importSourceOf(config, code);
    if (!source) throw new AppError('LEDGER_SOURCE_UNKNOWN');
    return source;
  };
  const view = (j: LedgerJobDoc) => toImportView(j, sourceName(j.source));
  const work = importWorker({ repo, pii: deps.pii, config, beneficiaries: deps.beneficiaries, runner, now });
  const reports = importReports({ repo, audit: deps.audit });

  async function mappingFor(regionCode: string, source: string): Promise<{ columns: Partial<Record<ImportField, string>>; amountUnit: 'yuan' | 'fen'; saved: boolean }> {
    const known = knownSource(source);
    const saved = await repo.findMapping(regionCode, source);
    if (saved) return { columns: saved.columns as Partial<Record<ImportField, string>>, amountUnit: saved.amountUnit, saved: true };
    return { columns: {}, amountUnit: known.amountUnit, saved: false };
  }

  /** An import inside the caller's region; NOT_FOUND otherwise, as if it did not exist. */
  async function findOwnJob(ctx: ActionContext, importId: string): Promise<LedgerJobDoc> {
    requireStaff(ctx.actor);
    const job = await repo.findJob(importId);
    requireStaffCovering(ctx.actor, job?.kind === 'import' ? job.regionCode : null);
    return job!;
  }

  /** Stores the upload while it streams in, hashing it (bounded memory); the file's path and digest. */
  const store = (id: string, stream: Readable) => storeUpload(dir, id, stream, 'LEDGER_IMPORT_TOO_LARGE');

  return {
    sources() {
      return Object.entries(config.sources).map(([code, s]) => ({ code, name: s.name, defaultProgramme: s.defaultProgramme, programmes: [...s.programmes], amountUnit: s.amountUnit }));
    },

    async getMapping(ctx: ActionContext, source: string): Promise<ImportMappingView> {
      const scope = requireStaff(ctx.actor).regionCode;
      const m = await mappingFor(scope, source);
      return { source, regionCode: scope, columns: m.columns as ImportColumns, amountUnit: m.amountUnit, defaults: config.columnDefaults, saved: m.saved };
    },

    async saveMapping(ctx: ActionContext, source: string, body: { columns: ImportColumns; amountUnit: 'yuan' | 'fen' }): Promise<ImportMappingView> {
      const scope = requireStaff(ctx.actor).regionCode;
      knownSource(source);
      const columns = Object.fromEntries(Object.entries(body.columns).filter(([, v]) => !!v && v.trim()).map(([k, v]) => [k, v!.trim()]));
      await repo.saveMapping({ regionCode: scope, source, columns, amountUnit: body.amountUnit, updatedBy: ctx.actor._id });
      return this.getMapping(ctx, source);
    },

    /**
     * Stores the upload on disk while it streams in (hashing it, bounded memory), checks it is a
     * CSV or XLSX we can read and that the header has the required columns, then queues the import
     * and answers at once; the rows are worked in the background with progress.
     */
    async upload(ctx: ActionContext, input: { source: string; amountUnit?: 'yuan' | 'fen'; encoding?: 'auto' | 'utf8' | 'gbk'; fileName: string; stream: Readable }): Promise<ImportView> {
      const scope = requireStaff(ctx.actor).regionCode;
      if (!importSourceOf(config, input.source)) {
        input.stream.resume();
        throw new AppError('LEDGER_SOURCE_UNKNOWN');
      }
      const id = newJobId('imp');
      const { filePath, sha256, size } = await store(id, input.stream);
      try {
        const kind = await sniffImportFile(filePath, (await stat(filePath)).size, input.encoding ?? 'auto');
        const mapping = await mappingFor(scope, input.source);
        // The header and the first data row, read now so a wrong file is refused at once.
        const head: string[][] = [];
        for await (const row of readImportRows(filePath, kind)) {
          head.push(row.cells);
          if (head.length === 2) break;
        }
        if (head.length === 0) throw new AppError('LEDGER_IMPORT_EMPTY');
        const { columns, missing } = resolveColumns(head[0], mapping.columns, config.columnDefaults);
        if (missing.length) {
          throw new AppError('LEDGER_IMPORT_MISSING_COLUMNS', {
            message: `文件缺少必需的列：${missing.map((f) => IMPORT_FIELD_LABELS[f]).join('、')}。请检查表头，或在“列对应关系”中指定列名`,
            details: { missing, found: head[0].slice(0, 30) },
          });
        }
        if (head.length === 1) throw new AppError('LEDGER_IMPORT_EMPTY', { message: '文件只有表头，没有数据行' });
        const job = newJob({
          _id: id, kind: 'import', regionCode: scope, actorId: ctx.actor._id,
          source: input.source, fileName: safeFileName(input.fileName), filePath, format: kind.format, encoding: kind.encoding,
          amountUnit: input.amountUnit ?? mapping.amountUnit, sha256, size, columns: columns as Record<string, number>,
        }, now());
        job.sameFileAs = (await repo.sameFile(input.source, sha256, id))[0]?._id ?? null;
        await repo.takeLease(id, 1);
        await repo.createJob(job);
        void runner.start(job, work);
        return view(job);
      } catch (err) {
        await rm(filePath, { force: true });
        throw err;
      }
    },

    async get(ctx: ActionContext, importId: string): Promise<ImportView> {
      return view(await findOwnJob(ctx, importId));
    },

    async list(ctx: ActionContext): Promise<ImportView[]> {
      return (await repo.listJobs('import', requireStaff(ctx.actor).regionCode, 50)).map(view);
    },

    /** Runs an interrupted import again from its last checkpoint (its stored file is kept until it is done). */
    async resume(ctx: ActionContext, importId: string): Promise<ImportView> {
      const job = await findOwnJob(ctx, importId);
      if (!existsSync(job.filePath)) throw new AppError('LEDGER_JOB_NOT_RESUMABLE', { message: '导入文件已不在服务器上，请重新上传同一文件（已入账的行不会重复入账）' });
      const taken = await runner.takeOver(job._id, config.staleJobMs);
      void runner.start(taken, work);
      return view(taken);
    },

    /** At start: imports left running by a process that died are taken over and finished. */
    async resumeStale(log: { info: (o: object, m: string) => void }) {
      for (const job of await repo.staleRunningJobs(new Date(Date.now() - config.staleJobMs))) {
        if (job.kind !== 'import' || !existsSync(job.filePath)) continue;
        try {
          const taken = await runner.takeOver(job._id, config.staleJobMs);
          log.info({ jobId: job._id }, 'resuming interrupted import');
          void runner.start(taken, work);
        } catch { /* someone else took it */ }
      }
    },

    /** A page of the report (audited: staff read the rows of people). */
    async report(ctx: ActionContext, importId: string, status: ImportRowStatus | undefined, limit: number): Promise<ImportReport> {
      const job = await findOwnJob(ctx, importId);
      return reports.report(ctx, job, view(job), status, limit);
    },

    /** The whole report as CSV, streamed (audited once, for the whole import). */
    async *reportCsv(ctx: ActionContext, importId: string): AsyncGenerator<string> {
      yield* reports.csv(ctx, await findOwnJob(ctx, importId));
    },

    fileNameOf: async (ctx: ActionContext, importId: string) => (await findOwnJob(ctx, importId)).fileName,
  };
}
export type LedgerImportService = ReturnType<typeof ledgerImportService>;
