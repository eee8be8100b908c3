import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Connection } from 'mongoose';
import type { LedgerConfig } from '@dajiuzhu/config/src/ledger';
import {
  formatYuan,
  IMPORT_FIELDS,
  IMPORT_FIELD_LABELS,
  IMPORT_ROW_PROBLEM_MESSAGES,
  maskIdNumber,
  periodYear,
  regionCovers,
  regionPrefix,
  resolveColumns,
  shanghaiDate,
  validateImportRow,
  type ImportColumns,
  type ImportField,
  type ImportMappingView,
  type ImportReport,
  type ImportReportRow,
  type ImportRowProblem,
  type ImportView,
  type RawImportRow,
} from '@dajiuzhu/shared';
import type { DisbursementDoc, LedgerImportIssueDoc, LedgerJobDoc } from '../models/ledger';
import { emptyCounts } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import type { ActionContext } from '../../../core/context';
import { readImportRows, sniffImportFile, type FileKind } from './ledgerFile';
import { loadBeneficiaries } from './beneficiaryDirectory';
import { ledgerTestHooks, newJobId, type JobRunner } from './ledgerJobs';

export function staffScope(ctx: ActionContext): string {
  const scope = ctx.actor.staff?.regionCode;
  if (!scope || !ctx.actor.roles.includes('staff')) throw new AppError('FORBIDDEN');
  return scope;
}

function toImportView(j: LedgerJobDoc, sourceName: string): ImportView {
  const c = { ...emptyCounts(), ...j.counts };
  return {
    id: j._id,
    source: j.source,
    sourceName,
    fileName: j.fileName,
    format: (j.format || 'csv') as 'csv' | 'xlsx',
    encoding: j.encoding,
    amountUnit: j.amountUnit,
    regionCode: j.regionCode,
    status: j.status,
    counts: { rows: c.rows, accepted: c.accepted, duplicates: c.duplicates, rejected: c.rejected, unmatched: c.unmatched },
    acceptedFen: j.totalFen,
    sameFileAs: j.sameFileAs,
    resumes: j.resumes,
    error: j.error,
    createdAt: new Date(j.createdAt).toISOString(),
    finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}

/** The natural key of an imported row: the department's own reference when it sends one, else the payment's facts. */
function rowKey(source: string, blindIndex: string, row: { programme: string; period: string; amountFen: number; reference: string }): string {
  const natural = row.reference ? `ref|${row.reference}` : `${blindIndex}|${row.programme}|${row.period}|${row.amountFen}`;
  return `import:${source}:${createHash('sha256').update(natural).digest('base64url').slice(0, 32)}`;
}

export function ledgerImportService(deps: { repo: LedgerRepository; db: Connection; pii: PiiCipher; config: LedgerConfig; dataDir: string; runner: JobRunner; now?: () => Date }) {
  const { repo, config, runner } = deps;
  const now = deps.now ?? (() => new Date());
  const dir = path.resolve(deps.dataDir, 'ledger-imports');
  const sourceName = (code: string) => config.sources[code]?.name ?? code;
  const view = (j: LedgerJobDoc) => toImportView(j, sourceName(j.source));

  async function mappingFor(regionCode: string, source: string): Promise<{ columns: Partial<Record<ImportField, string>>; amountUnit: 'yuan' | 'fen'; saved: boolean }> {
    const saved = await repo.findMapping(regionCode, source);
    if (saved) return { columns: saved.columns as Partial<Record<ImportField, string>>, amountUnit: saved.amountUnit, saved: true };
    return { columns: {}, amountUnit: config.sources[source].amountUnit, saved: false };
  }

  async function findOwnJob(ctx: ActionContext, importId: string): Promise<LedgerJobDoc> {
    const scope = staffScope(ctx);
    const job = await repo.findJob(importId);
    if (!job || job.kind !== 'import' || !regionCovers(scope, job.regionCode)) throw new AppError('NOT_FOUND');
    return job;
  }

  /** Works an import from its checkpoint to the end. Every row ends up exactly once: inserted, or a duplicate of a row already there. */
  async function work(job: LedgerJobDoc, shouldStop: () => boolean): Promise<void> {
    const src = config.sources[job.source];
    const kind: FileKind = { format: job.format as 'csv' | 'xlsx', encoding: job.encoding as 'utf8' | 'gbk' | 'n/a' };
    const columns = job.columns as Partial<Record<ImportField, number>>;
    const beneficiaries = await loadBeneficiaries(deps.db, job.regionCode);
    const counts = { ...emptyCounts(), ...job.counts };
    let totalFen = job.totalFen;
    let checkpoint = job.checkpoint;
    let batchNo = 0;
    // After a takeover, the first batch may have been partly inserted by the attempt that died.
    let recheckOwn = job.attempt > 1;
    const today = shanghaiDate(now());
    const rules = { amountUnit: job.amountUnit, allowedProgrammes: src.programmes, defaultProgramme: src.defaultProgramme, currentPeriod: today.slice(0, 7), today, programmeAliases: config.programmeAliases };

    let batch: { line: number; raw: RawImportRow }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const docs: DisbursementDoc[] = [];
      const docLines: number[] = [];
      const issues: LedgerImportIssueDoc[] = [];
      const at = now();
      for (const { line, raw } of batch) {
        counts.rows++;
        const result = validateImportRow(raw, rules);
        const idMasked = raw.idNumber ? maskIdNumber(raw.idNumber.trim().toUpperCase()) : '';
        if (!result.ok) {
          counts.rejected++;
          issues.push({ _id: `${job._id}:${line}`, importId: job._id, line, status: 'rejected', idNumberMasked: idMasked, programme: raw.programme ?? '', period: raw.period ?? '', amountFen: null, problems: result.problems });
          continue;
        }
        const r = result.row;
        const blindIndex = deps.pii.blindIndex(r.idNumber);
        const who = beneficiaries.get(blindIndex);
        if (!who) {
          counts.unmatched++;
          counts.rejected++;
          issues.push({ _id: `${job._id}:${line}`, importId: job._id, line, status: 'rejected', idNumberMasked: idMasked, programme: r.programme, period: r.period, amountFen: r.amountFen, problems: ['unmatched'] });
          continue;
        }
        docs.push({
          _id: rowKey(job.source, blindIndex, r),
          beneficiaryKey: blindIndex,
          idNumberMasked: idMasked,
          regionCode: who.regionCode,
          programme: r.programme,
          amountFen: r.amountFen,
          period: r.period,
          year: periodYear(r.period),
          paidOn: r.paidOn,
          source: 'import',
          sourceRef: job._id,
          line,
          correctsId: '',
          reason: '',
          createdBy: job.actorId,
          createdAt: at,
        });
        docLines.push(line);
      }
      const dups = await repo.insertDisbursements(docs);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        let duplicate = dups.has(i);
        if (duplicate && recheckOwn) {
          const existing = await repo.findDisbursement(d._id);
          if (existing?.sourceRef === job._id) duplicate = false; // inserted by this import before it was interrupted
        }
        if (duplicate) {
          counts.duplicates++;
          issues.push({ _id: `${job._id}:${docLines[i]}`, importId: job._id, line: docLines[i], status: 'duplicate', idNumberMasked: d.idNumberMasked, programme: d.programme, period: d.period, amountFen: d.amountFen, problems: ['duplicate'] });
        } else {
          counts.accepted++;
          totalFen += d.amountFen;
        }
      }
      await repo.insertIssues(issues);
      checkpoint = batch[batch.length - 1].line;
      batch = [];
      recheckOwn = false;
      await repo.updateJob(job._id, { checkpoint, counts, totalFen, heartbeatAt: new Date() });
      batchNo++;
      await ledgerTestHooks.afterBatch?.(job._id, batchNo);
    };

    for await (const { line, cells } of readImportRows(job.filePath, kind)) {
      if (line === 1 || line <= checkpoint) continue;
      const raw: RawImportRow = {};
      for (const f of IMPORT_FIELDS) {
        const idx = columns[f];
        if (idx !== undefined) raw[f] = cells[idx] ?? '';
      }
      batch.push({ line, raw });
      if (batch.length >= config.importBatchRows) {
        await flush();
        if (shouldStop()) return;
      }
    }
    await flush();
    await repo.updateJob(job._id, { status: 'done', finishedAt: new Date() });
    await rm(job.filePath, { force: true }).catch(() => {});
  }

  return {
    sources() {
      return Object.entries(config.sources).map(([code, s]) => ({ code, name: s.name, defaultProgramme: s.defaultProgramme, programmes: [...s.programmes], amountUnit: s.amountUnit }));
    },

    async getMapping(ctx: ActionContext, source: string): Promise<ImportMappingView> {
      const scope = staffScope(ctx);
      if (!config.sources[source]) throw new AppError('LEDGER_SOURCE_UNKNOWN');
      const m = await mappingFor(scope, source);
      return { source, regionCode: scope, columns: m.columns as ImportColumns, amountUnit: m.amountUnit, defaults: config.columnDefaults, saved: m.saved };
    },

    async saveMapping(ctx: ActionContext, source: string, body: { columns: ImportColumns; amountUnit: 'yuan' | 'fen' }): Promise<ImportMappingView> {
      const scope = staffScope(ctx);
      if (!config.sources[source]) throw new AppError('LEDGER_SOURCE_UNKNOWN');
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
      const scope = staffScope(ctx);
      if (!config.sources[input.source]) {
        input.stream.resume();
        throw new AppError('LEDGER_SOURCE_UNKNOWN');
      }
      mkdirSync(dir, { recursive: true });
      const id = newJobId('imp');
      const filePath = path.join(dir, `${id}.upload`);
      const hash = createHash('sha256');
      let size = 0;
      try {
        await pipeline(input.stream, new Transform({ transform(chunk: Buffer, _e, cb) { hash.update(chunk); size += chunk.length; cb(null, chunk); } }), createWriteStream(filePath));
        if ((input.stream as Readable & { truncated?: boolean }).truncated) throw new AppError('LEDGER_IMPORT_TOO_LARGE');
      } catch (err) {
        await rm(filePath, { force: true });
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('LEDGER_IMPORT_TOO_LARGE');
        throw err;
      }
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
        const sha256 = hash.digest('hex');
        const at = now();
        const job: LedgerJobDoc = {
          _id: id, kind: 'import', status: 'queued', regionCode: scope, actorId: ctx.actor._id, attempt: 1, checkpoint: 0, counts: emptyCounts(), totalFen: 0, error: null,
          source: input.source, fileName: input.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 100) || 'import', filePath, format: kind.format, encoding: kind.encoding,
          amountUnit: input.amountUnit ?? mapping.amountUnit, sha256, size, columns: columns as Record<string, number>, sameFileAs: null, resumes: null,
          year: null, period: null, createdAt: at, heartbeatAt: at, finishedAt: null,
        };
        const earlier = await repo.sameFile(input.source, sha256, id);
        job.sameFileAs = earlier[0]?._id ?? null;
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
      const scope = staffScope(ctx);
      return (await repo.listJobs('import', regionPrefix(scope), 50)).map(view);
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

    async report(ctx: ActionContext, importId: string, status: 'accepted' | 'duplicate' | 'rejected' | undefined, limit: number): Promise<ImportReport> {
      const job = await findOwnJob(ctx, importId);
      const rows: ImportReportRow[] = [];
      if (!status || status === 'accepted') {
        for (const d of await repo.importedRows(job._id, limit)) rows.push(acceptedRow(d));
      }
      if (!status || status !== 'accepted') {
        for (const i of await repo.issues(job._id, status, limit)) rows.push(issueRow(i));
      }
      rows.sort((a, b) => a.line - b.line);
      const c = job.counts;
      const totalWanted = !status ? c.accepted + c.duplicates + c.rejected : status === 'accepted' ? c.accepted : status === 'duplicate' ? c.duplicates : c.rejected;
      return { import: view(job), rows: rows.slice(0, limit), truncated: totalWanted > Math.min(rows.length, limit) };
    },

    /** The whole report as CSV (UTF-8 with BOM so Excel opens it), streamed. */
    async *reportCsv(ctx: ActionContext, importId: string): AsyncGenerator<string> {
      const job = await findOwnJob(ctx, importId);
      const esc = (v: string | number) => { const s = String(v); return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
      const line = (r: ImportReportRow) => [r.line, { accepted: '已入账', duplicate: '重复（未再次入账）', rejected: '未入账' }[r.status], r.idNumberMasked, r.programme, r.period, r.amountFen === null ? '' : formatYuan(r.amountFen), r.reason].map(esc).join(',') + '\r\n';
      yield '\uFEFF行号,结果,身份证号（脱敏）,救助项目,发放月份,金额（元）,原因\r\n';
      for await (const d of repo.importedRowsCursor(job._id)) yield line(acceptedRow(d as DisbursementDoc));
      for await (const i of repo.issuesCursor(job._id)) yield line(issueRow(i as LedgerImportIssueDoc));
    },

    fileNameOf: async (ctx: ActionContext, importId: string) => (await findOwnJob(ctx, importId)).fileName,
  };
}

function acceptedRow(d: DisbursementDoc): ImportReportRow {
  return { line: d.line, status: 'accepted', idNumberMasked: d.idNumberMasked, programme: d.programme, period: d.period, amountFen: d.amountFen, problems: [], reason: '' };
}

function issueRow(i: LedgerImportIssueDoc): ImportReportRow {
  return {
    line: i.line, status: i.status, idNumberMasked: i.idNumberMasked, programme: i.programme, period: i.period, amountFen: i.amountFen, problems: i.problems,
    reason: i.problems.map((p) => IMPORT_ROW_PROBLEM_MESSAGES[p as ImportRowProblem] ?? p).join('；'),
  };
}
export type LedgerImportService = ReturnType<typeof ledgerImportService>;
