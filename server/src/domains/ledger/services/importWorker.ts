import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { LedgerConfig } from '@dajiuzhu/config';
import { compareRowName, IMPORT_FIELDS, maskIdNumber, periodYear, shanghaiDate, shanghaiMonth, validateImportRow, type ImportField, type RawImportRow } from '@dajiuzhu/shared';
import type { DisbursementDoc, LedgerHeldRowDoc, LedgerImportIssueDoc, LedgerJobDoc } from '../models/ledger';
import { emptyCounts } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import type { PiiCipher } from '../../../core/crypto/pii';
import { AppError } from '../../../core/errors/AppError';
import { readImportRows, type FileKind } from './ledgerFile';
import { importSourceOf } from './importSources';
import { loadBeneficiaries, type BeneficiarySources } from './beneficiaryDirectory';
import type { JobRunner } from './ledgerJobs';

/** How many ID numbers' blind indexes an import remembers at once (≈ 100 bytes each). */
const BLIND_INDEX_MEMO = 50_000;

/** The natural key of an imported row: the department's own reference when it sends one, else the payment's facts. */
function rowKey(source: string, blindIndex: string, row: { programme: string; period: string; amountFen: number; reference: string }): string {
  const natural = row.reference ? `ref|${row.reference}` : `${blindIndex}|${row.programme}|${row.period}|${row.amountFen}`;
  return `import:${source}:${createHash('sha256').update(natural).digest('base64url').slice(0, 32)}`;
}

/**
 * Works an import from its checkpoint to the end: reads the stored file's rows, validates each,
 * matches the person by the blind index of the ID number, and inserts a batch at a time. Every
 * row ends up exactly once: inserted, a duplicate of a row already there, rejected, or held — a
 * row whose name differs from the matched person's (赵某某 on 张伟's number) is not booked but
 * held for staff to confirm or refuse (heldRows.ts).
 */
export function importWorker(deps: { repo: LedgerRepository; pii: PiiCipher; config: LedgerConfig; beneficiaries: BeneficiarySources; runner: JobRunner; now: () => Date }) {
  const { repo, config } = deps;

  return async function work(job: LedgerJobDoc, shouldStop: () => boolean): Promise<void> {
    // The source was checked when the file was accepted (own keys only); a job naming no source is not worked.
    const src = importSourceOf(config, job.source);
    if (!src) throw new AppError('LEDGER_SOURCE_UNKNOWN');
    const kind: FileKind = { format: job.format as 'csv' | 'xlsx', encoding: job.encoding as 'utf8' | 'gbk' | 'n/a' };
    const columns = job.columns as Partial<Record<ImportField, number>>;
    const beneficiaries = await loadBeneficiaries(deps.beneficiaries, job.regionCode);
    const counts = { ...emptyCounts(), ...job.counts };
    let totalFen = job.totalFen;
    let batchNo = 0;
    // After a takeover, the first batch may have been partly inserted by the attempt that died.
    let recheckOwn = job.attempt > 1;
    const at0 = deps.now();
    const today = shanghaiDate(at0);
    const rules = { amountUnit: job.amountUnit, allowedProgrammes: src.programmes, defaultProgramme: src.defaultProgramme, currentPeriod: shanghaiMonth(at0), today, programmeAliases: config.programmeAliases };

    // A department's file lists each person once a month: the HMAC of an ID number (the blind index)
    // is worked out once per person, not once per row. Bounded, so a file of a million people does
    // not keep a million keys (the map starts again).
    const blindIndexes = new Map<string, string>();
    const blindIndexOf = (idNumber: string) => {
      let key = blindIndexes.get(idNumber);
      if (key === undefined) {
        if (blindIndexes.size >= BLIND_INDEX_MEMO) blindIndexes.clear();
        key = deps.pii.blindIndex(idNumber);
        blindIndexes.set(idNumber, key);
      }
      return key;
    };

    /** A batch checked and matched (the CPU's part), its counts kept apart until it is committed. */
    interface Prepared { docs: DisbursementDoc[]; docLines: number[]; issues: LedgerImportIssueDoc[]; held: LedgerHeldRowDoc[]; seen: Pick<typeof counts, 'rows' | 'rejected' | 'unmatched' | 'held'>; lastLine: number }

    const prepare = (rows: { line: number; raw: RawImportRow }[]): Prepared => {
      const out: Prepared = { docs: [], docLines: [], issues: [], held: [], seen: { rows: 0, rejected: 0, unmatched: 0, held: 0 }, lastLine: rows[rows.length - 1].line };
      const { docs, docLines, issues, held, seen } = out;
      const at = deps.now();
      for (const { line, raw } of rows) {
        seen.rows++;
        const result = validateImportRow(raw, rules);
        const idMasked = raw.idNumber ? maskIdNumber(raw.idNumber.trim().toUpperCase()) : '';
        if (!result.ok) {
          seen.rejected++;
          issues.push({ _id: `${job._id}:${line}`, importId: job._id, line, status: 'rejected', idNumberMasked: idMasked, programme: raw.programme ?? '', period: raw.period ?? '', amountFen: null, problems: result.problems });
          continue;
        }
        const r = result.row;
        const blindIndex = blindIndexOf(r.idNumber);
        const who = beneficiaries.get(blindIndex);
        if (!who) {
          seen.unmatched++;
          seen.rejected++;
          issues.push({ _id: `${job._id}:${line}`, importId: job._id, line, status: 'rejected', idNumberMasked: idMasked, programme: r.programme, period: r.period, amountFen: r.amountFen, problems: ['unmatched'] });
          continue;
        }
        const doc: DisbursementDoc = {
          _id: rowKey(job.source, blindIndex, r), beneficiaryKey: blindIndex, idNumberMasked: idMasked, regionCode: who.regionCode, programme: r.programme, amountFen: r.amountFen,
          period: r.period, year: periodYear(r.period), paidOn: r.paidOn, source: 'import', sourceRef: job._id, line, correctsId: '', reason: '', createdBy: job.actorId, createdAt: at,
        };
        if (compareRowName(raw.name, who.name) === 'differs') {
          seen.held++;
          held.push({
            _id: `${job._id}:${line}`, importId: job._id, line, regionCode: who.regionCode, status: 'held', rowName: (raw.name ?? '').trim().slice(0, 60), personName: who.name,
            personUserId: who.userId ?? '', disbursement: doc, booked: false, decidedBy: '', decisionNote: '', decidedAt: null, createdAt: at,
          });
          continue;
        }
        docs.push(doc);
        docLines.push(line);
      }
      return out;
    };

    /** Stores a prepared batch, then its counts and the checkpoint: the job's stored state never runs ahead of its rows. */
    const commit = async ({ docs, docLines, issues, held, seen, lastLine }: Prepared) => {
      const dups = await repo.insertDisbursements(docs);
      let duplicates = 0;
      let accepted = 0;
      let fen = 0;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i];
        let duplicate = dups.has(i);
        if (duplicate && recheckOwn) {
          const existing = await repo.findDisbursement(d._id);
          if (existing?.sourceRef === job._id) duplicate = false; // inserted by this import before it was interrupted
        }
        if (duplicate) {
          duplicates++;
          issues.push({ _id: `${job._id}:${docLines[i]}`, importId: job._id, line: docLines[i], status: 'duplicate', idNumberMasked: d.idNumberMasked, programme: d.programme, period: d.period, amountFen: d.amountFen, problems: ['duplicate'] });
        } else {
          accepted++;
          fen += d.amountFen;
        }
      }
      await repo.insertIssues(issues);
      await repo.insertHeldRows(held);
      counts.rows += seen.rows;
      counts.rejected += seen.rejected;
      counts.unmatched += seen.unmatched;
      counts.held += seen.held;
      counts.duplicates += duplicates;
      counts.accepted += accepted;
      totalFen += fen;
      recheckOwn = false;
      await repo.updateJob(job._id, { checkpoint: lastLine, counts, totalFen, heartbeatAt: new Date() });
      await deps.runner.batchCommitted(job._id, ++batchNo);
    };

    // One batch is stored while the next is read and checked: the database and this process work
    // at the same time (on the embedded default they are two processes, on two cores). Batches are
    // committed one after another, in order, so the checkpoint means what it did.
    let pending: Promise<void> | undefined;
    const handOver = async (rows: { line: number; raw: RawImportRow }[]) => {
      const prepared = prepare(rows);
      await pending;
      pending = commit(prepared);
      pending.catch(() => {}); // seen by the next `await pending`
    };

    let batch: { line: number; raw: RawImportRow }[] = [];
    for await (const { line, cells } of readImportRows(job.filePath, kind)) {
      if (line === 1 || line <= job.checkpoint) continue; // the header, and rows committed before a takeover
      const raw: RawImportRow = {};
      for (const f of IMPORT_FIELDS) {
        const idx = columns[f];
        if (idx !== undefined) raw[f] = cells[idx] ?? '';
      }
      batch.push({ line, raw });
      if (batch.length >= config.importBatchRows) {
        await handOver(batch);
        batch = [];
        if (shouldStop()) { await pending; return; }
      }
    }
    if (batch.length) await handOver(batch);
    await pending;
    await repo.updateJob(job._id, { status: 'done', finishedAt: new Date() });
    await rm(job.filePath, { force: true }).catch(() => {});
  };
}
