import { Schema, type Connection, type Model } from 'mongoose';
import type { CharityReportKind } from '@dajiuzhu/shared';

const base = { versionKey: false as const, minimize: false };

/**
 * A progress or final report of a project (charity law: at least every three months while raising,
 * in full within three months of the end). A retried filing (same `requestKey`) is one report:
 * `_id` = `<projectId>:<requestKey>`.
 */
export interface CharityReportDoc {
  _id: string;
  projectId: string;
  organizationId: string;
  kind: CharityReportKind;
  title: string;
  body: string;
  /** What the project showed when the report was filed. */
  raisedFen: number;
  spentFen: number;
  filedBy: string;
  filedAt: Date;
}
const ReportSchema = new Schema<CharityReportDoc>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    organizationId: { type: String, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    raisedFen: { type: Number, required: true },
    spentFen: { type: Number, required: true },
    filedBy: { type: String, required: true },
    filedAt: { type: Date, required: true },
  },
  { ...base, collection: 'charity_reports' },
);
ReportSchema.index({ projectId: 1, filedAt: -1 });

/** A donor is told about a report once: `_id` = `<reportId>:<userId>`; listed by `userId`. */
export interface CharityNoticeDoc { _id: string; userId: string; projectId: string; reportId: string; title: string; at: Date; readAt: Date | null }
const NoticeSchema = new Schema<CharityNoticeDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    projectId: { type: String, required: true },
    reportId: { type: String, required: true },
    title: { type: String, required: true },
    at: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { ...base, collection: 'charity_notices' },
);
NoticeSchema.index({ userId: 1, at: -1 });

export function registerReportModels(conn: Connection) {
  return {
    Report: conn.model('CharityReport', ReportSchema) as Model<CharityReportDoc>,
    Notice: conn.model('CharityNotice', NoticeSchema) as Model<CharityNoticeDoc>,
  };
}
