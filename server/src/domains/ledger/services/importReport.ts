import { formatYuan, programmeName, type ImportReport, type ImportReportRow, type ImportView } from '@dajiuzhu/shared';
import type { LedgerJobDoc } from '../models/ledger';
import type { LedgerRepository } from '../repository';
import { acceptedRow, issueRow } from '../views/importView';

type Status = 'accepted' | 'duplicate' | 'rejected';
const STATUS_TEXT: Record<Status, string> = { accepted: '已入账', duplicate: '重复（未再次入账）', rejected: '未入账' };

/** What became of every line of an import: on screen (first rows, by status) and as a CSV download. */
export function importReports(repo: LedgerRepository) {
  return {
    async report(job: LedgerJobDoc, view: ImportView, status: Status | undefined, limit: number): Promise<ImportReport> {
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
      return { import: view, rows: rows.slice(0, limit), truncated: totalWanted > Math.min(rows.length, limit) };
    },

    /** The whole report as CSV (UTF-8 with BOM so Excel opens it), streamed: amounts in yuan, programmes by name. */
    async *csv(job: LedgerJobDoc): AsyncGenerator<string> {
      const esc = (v: string | number) => { const s = String(v); return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
      const line = (r: ImportReportRow) =>
        [r.line, STATUS_TEXT[r.status], r.idNumberMasked, r.programme ? programmeName(r.programme) : '', r.period, r.amountFen === null ? '' : formatYuan(r.amountFen), r.reason].map(esc).join(',') + '\r\n';
      yield '\uFEFF行号,结果,身份证号（脱敏）,救助项目,发放月份,金额（元）,原因\r\n';
      for await (const d of repo.importedRowsCursor(job._id)) yield line(acceptedRow(d));
      for await (const i of repo.issuesCursor(job._id)) yield line(issueRow(i));
    },
  };
}
