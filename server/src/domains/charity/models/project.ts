import { Schema, type Connection, type Model } from 'mongoose';
import type { CharityProjectStatus, CharityTargetGroup } from '@dajiuzhu/shared';

const base = { versionKey: false as const, minimize: false };

export interface BudgetLineDoc { id: string; label: string; amountFen: number }

/**
 * A charity project (docs/charity.md). Every change is one event in charity_project_events
 * (core/db/eventLog.ts); `seq` is the last event applied. `listed`/`listedAs` are the fields the
 * square filters on (services/squareFields.ts), so the square is one equality on the leading key of
 * its index.
 */
export interface CharityProjectDoc {
  _id: string;
  seq: number;
  status: CharityProjectStatus;
  organizationId: string;
  organizationName: string;
  createdBy: string;
  title: string;
  story: string;
  targetGroup: CharityTargetGroup;
  regionCode: string;
  goalFen: number;
  /** Shanghai calendar days, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  budgetLines: BudgetLineDoc[];
  contentFlag: 'pass' | 'review';
  reviewNote: string | null;
  returnReason: string | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  /** The day the next report is due (progress while raising, the final one after the end), or null when none is. */
  nextReportDue: string | null;
  reportOverdue: boolean;
  /** On the square (public, no report overdue) and under which status ('' when not): services/squareFields.ts. */
  listed: boolean;
  listedAs: string;
  /** The last report whose filing moved the due day on (a retried filing does not move it twice). */
  lastReportId: string | null;
  createdAt: Date;
  updatedAt: Date;
}
const BudgetLineSchema = new Schema<BudgetLineDoc>({ id: { type: String, required: true }, label: { type: String, required: true }, amountFen: { type: Number, required: true } }, { _id: false });
const ProjectSchema = new Schema<CharityProjectDoc>(
  {
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
    status: { type: String, required: true },
    organizationId: { type: String, required: true },
    organizationName: { type: String, required: true },
    createdBy: { type: String, required: true },
    title: { type: String, required: true },
    story: { type: String, required: true },
    targetGroup: { type: String, required: true },
    regionCode: { type: String, required: true },
    goalFen: { type: Number, required: true },
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    budgetLines: { type: [BudgetLineSchema], default: [] },
    contentFlag: { type: String, required: true },
    reviewNote: { type: String, default: null },
    returnReason: { type: String, default: null },
    submittedAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    endReason: { type: String, default: null },
    nextReportDue: { type: String, default: null },
    reportOverdue: { type: Boolean, required: true },
    listed: { type: Boolean, required: true },
    listedAs: { type: String, default: '' },
    lastReportId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...base, collection: 'charity_projects' },
);
// The square, every region: one equality (`listed`, or `listedAs` for one status), walked in (publishedAt desc, _id) order.
ProjectSchema.index({ listed: 1, publishedAt: -1, _id: 1 });
ProjectSchema.index({ listedAs: 1, publishedAt: -1, _id: 1 });
// The square of one region: region range, SQLite sorts the region's rows (few per county).
ProjectSchema.index({ listedAs: 1, regionCode: 1, publishedAt: -1 });
ProjectSchema.index({ listed: 1, regionCode: 1, publishedAt: -1 });
// An organisation's own projects.
ProjectSchema.index({ organizationId: 1, createdAt: -1 });
// Staff review queue of a region.
ProjectSchema.index({ status: 1, regionCode: 1, submittedAt: 1 });
// The jobs: raising projects past their end date, projects whose report falls due.
ProjectSchema.index({ status: 1, endDate: 1 });
ProjectSchema.index({ reportOverdue: 1, nextReportDue: 1 });

export type CharityProjectEventType = 'created' | 'edited' | 'submitted' | 'approved' | 'returned' | 'closed' | 'cancelled' | 'reportFiled' | 'overdue' | 'helped';

/** One change of a project, append-only; `set` is the change itself (rolled forward by `load`). */
export interface CharityProjectEventDoc {
  _id: string;
  projectId: string;
  sequence: number;
  type: CharityProjectEventType;
  actorId: string;
  at: Date;
  requestId: string;
  note: string | null;
  set: Record<string, unknown>;
}
const ProjectEventSchema = new Schema<CharityProjectEventDoc>(
  {
    _id: { type: String, required: true },
    projectId: { type: String, required: true },
    sequence: { type: Number, required: true },
    type: { type: String, required: true },
    actorId: { type: String, required: true },
    at: { type: Date, required: true },
    requestId: { type: String, required: true },
    note: { type: String, default: null },
    set: { type: Schema.Types.Mixed, default: {} },
  },
  { ...base, collection: 'charity_project_events' },
);
ProjectEventSchema.index({ projectId: 1, sequence: 1 }, { unique: true });

export function registerProjectModels(conn: Connection) {
  return {
    Project: conn.model('CharityProject', ProjectSchema) as Model<CharityProjectDoc>,
    ProjectEvent: conn.model('CharityProjectEvent', ProjectEventSchema) as Model<CharityProjectEventDoc>,
  };
}
