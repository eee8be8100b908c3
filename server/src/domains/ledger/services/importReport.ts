import { formatYuan, programmeName, type ImportReport, type ImportReportRow, type ImportView } from '@dajiuzhu/shared';
import type { LedgerHeldRowDoc, LedgerJobDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { acceptedRow, heldReportRow, issueRow } from '../views/importView';
import { csvLine } from '../views/csvCell';
import type { AuditService } from '../../../core/audit/auditService';
import type { ActionContext } from '../../../core/context';

export type ImportRowStatus = ImportReportRow['status'];
const STATUS_TEXT: Record<ImportRowStatus, string> = { accepted: '已入账', duplicate: '重复（未再次入账）', rejected: '未入账', held: '姓名不一致，待确认' };

/**
 * A held row in the report: still held → 'held', refused → 'rejected', confirmed but the payment
 * was already booked → 'duplicate'; confirmed and booked now → it is an accepted row (the
 * disbursement names the import and line), so it is not repeated here.
 */
function heldRowShown(h: LedgerHeldRowDoc): ImportReportRow | null {
  if (h.status !== 'confirmed') return heldReportRow(h);
  if (h.booked) return null;
  return { ...heldReportRow(h), status: 'duplicate', problems: ['nameMismatch', 'duplicate'], reason: '姓名已由工作人员确认；该笔发放已在台账中，未再次入账' };
}

/** At most this many people's keys in one audit row of a CSV read (a file of a million lines stays well inside a document's size). */
const AUDIT_KEYS_PER_ROW = 1000;

/** A report row and the person it names (the blind index of their ID number), for the audit. */
interface Shown { row: ImportReportRow; subject: string | null }

/** What became of every line of an import: on screen (first rows, by status) and as a CSV download. Both are staff reads of people's rows: audited. */
export function importReports(deps: { repo: LedgerRepository; audit: AuditService }) {
  const { repo } = deps;

  /** The held rows to show for `status`, each with the person it names. */
  async function heldRows(importId: string, status: ImportRowStatus | undefined, limit: number): Promise<Shown[]> {
    if (status === 'accepted') return [];
    const statuses: LedgerHeldRowDoc['status'][] = status === 'held' ? ['held'] : status === 'rejected' ? ['refused'] : status === 'duplicate' ? ['confirmed'] : ['held', 'refused', 'confirmed'];
    const out: Shown[] = [];
    for (const h of await repo.heldRowsOfImport(importId, statuses, limit)) {
      const row = heldRowShown(h);
      if (row && (!status || row.status === status)) out.push({ row, subject: h.disbursement.beneficiaryKey });
    }
    return out;
  }

  return {
    async report(ctx: ActionContext, job: LedgerJobDoc, view: ImportView, status: ImportRowStatus | undefined, limit: number): Promise<ImportReport> {
      // One more than shown from each source: more than `limit` in all means there is more to see.
      const found: Shown[] = [];
      if (!status || status === 'accepted') {
        for (const d of await repo.importedRows(job._id, limit + 1)) found.push({ row: acceptedRow(d), subject: d.beneficiaryKey });
      }
      if (status !== 'accepted' && status !== 'held') {
        const issueStatus = status === 'duplicate' || status === 'rejected' ? status : undefined;
        // A rejected or duplicate line names nobody matched (or the person is already in an accepted row).
        for (const i of await repo.issues(job._id, issueStatus, limit + 1)) found.push({ row: issueRow(i), subject: null });
      }
      found.push(...(await heldRows(job._id, status, limit + 1)));
      found.sort((a, b) => a.row.line - b.row.line);
      const shown = found.slice(0, limit);
      const subjects = [...new Set(shown.map((s) => s.subject).filter((k): k is string => !!k))];
      await deps.audit.record({
        actorId: ctx.actor._id, action: 'ledger.importReport.read', subjectId: '', requestId: ctx.requestId,
        details: { importId: job._id, format: 'json', status: status ?? 'all', rows: shown.length, subjectKeys: subjects.join(',') },
      });
      return { import: view, rows: shown.map((s) => s.row), truncated: found.length > limit };
    },

    /**
     * The whole report as CSV (UTF-8 with BOM so Excel opens it), streamed: amounts in yuan,
     * programmes by name, every cell guarded against formula injection (views/csvCell.ts).
     * Audited like the JSON read, naming the people shown: the keys are collected while streaming
     * and written when the stream ends — also when the download is cut short (`complete: false`).
     * A report naming more than AUDIT_KEYS_PER_ROW people is recorded in parts of that many keys.
     */
    async *csv(ctx: ActionContext, job: LedgerJobDoc): AsyncGenerator<string> {
      let rows = 0;
      let part = 0;
      let complete = false;
      const pending = new Set<string>();
      const record = (last: boolean) => deps.audit.record({
        actorId: ctx.actor._id, action: 'ledger.importReport.read', subjectId: '', requestId: ctx.requestId,
        details: { importId: job._id, format: 'csv', status: 'all', part: ++part, last, rows, complete, subjectKeys: [...pending].join(',') },
      });
      /** Counts a line about to be sent and notes the person it names; a full set of keys is written at once. */
      const shown = async (subject: string | null) => {
        rows++;
        if (subject) pending.add(subject);
        if (pending.size < AUDIT_KEYS_PER_ROW) return;
        await record(false);
        pending.clear();
      };
      const line = (r: ImportReportRow) =>
        csvLine([r.line, STATUS_TEXT[r.status], r.idNumberMasked, r.programme ? programmeName(r.programme) : '', r.period, r.amountFen === null ? '' : formatYuan(r.amountFen), r.reason]);
      try {
        yield '\uFEFF' + csvLine(['行号', '结果', '身份证号（脱敏）', '救助项目', '发放月份', '金额（元）', '原因']);
        for await (const d of repo.importedRowsCursor(job._id)) {
          const r = acceptedRow(d);
          await shown(d.beneficiaryKey);
          yield line(r);
        }
        // A rejected or duplicate line names nobody matched (or the person is already in an accepted row).
        for await (const i of repo.issuesCursor(job._id)) {
          const r = issueRow(i);
          await shown(null);
          yield line(r);
        }
        for await (const h of repo.heldRowsOfImportCursor(job._id)) {
          const r = heldRowShown(h);
          if (!r) continue;
          await shown(h.disbursement.beneficiaryKey);
          yield line(r);
        }
        complete = true;
      } finally {
        await record(true);
      }
    },
  };
}
