import { IMPORT_ROW_PROBLEM_MESSAGES, type ImportReportRow, type ImportRowProblem, type ImportView } from '@dajiuzhu/shared';
import { emptyCounts, type DisbursementDoc, type LedgerHeldRowDoc, type LedgerImportIssueDoc, type LedgerJobDoc } from '../models/ledger';

/** An import job with its counts; `sourceName` is the department's name from the configuration. */
export function toImportView(j: LedgerJobDoc, sourceName: string): ImportView {
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
    counts: { rows: c.rows, accepted: c.accepted, duplicates: c.duplicates, rejected: c.rejected, unmatched: c.unmatched, held: c.held },
    acceptedFen: j.totalFen,
    sameFileAs: j.sameFileAs,
    resumes: j.resumes,
    error: j.error,
    createdAt: new Date(j.createdAt).toISOString(),
    finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}

/** A report row for a line that became a disbursement. */
export function acceptedRow(d: DisbursementDoc): ImportReportRow {
  return { line: d.line, status: 'accepted', idNumberMasked: d.idNumberMasked, programme: d.programme, period: d.period, amountFen: d.amountFen, problems: [], reason: '' };
}

/** A report row for a line that did not (rejected or duplicate), with its reasons in words. */
export function issueRow(i: LedgerImportIssueDoc): ImportReportRow {
  return {
    line: i.line, status: i.status, idNumberMasked: i.idNumberMasked, programme: i.programme, period: i.period, amountFen: i.amountFen, problems: i.problems,
    reason: i.problems.map((p) => IMPORT_ROW_PROBLEM_MESSAGES[p as ImportRowProblem] ?? p).join('；'),
  };
}

/** A report row for a line held because its name differs (still held, or refused; a confirmed one is an accepted row). */
export function heldReportRow(h: LedgerHeldRowDoc): ImportReportRow {
  const d = h.disbursement;
  const problems = h.status === 'refused' ? ['nameMismatch', 'refused'] : ['nameMismatch'];
  const reason = h.status === 'refused'
    ? `姓名不一致，工作人员已拒绝入账${h.decisionNote ? `：${h.decisionNote}` : ''}`
    : IMPORT_ROW_PROBLEM_MESSAGES.nameMismatch;
  return { line: h.line, status: h.status === 'refused' ? 'rejected' : 'held', idNumberMasked: d.idNumberMasked, programme: d.programme, period: d.period, amountFen: d.amountFen, problems, reason };
}
