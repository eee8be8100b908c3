import { insertManyWins, insertWins } from '../../core/db/insertWins';
import { eventId } from '../../core/db/eventLog';
import { regionWithin } from '../../core/scope/staffScope';
import { acceptsDonations, shanghaiDate, type CharityProjectStatus, type CharityTargetGroup } from '@dajiuzhu/shared';
import type { CharityModels } from './models';
import type { CharityOrganizationDoc } from './models/organization';
import type { CharityProjectDoc, CharityProjectEventDoc } from './models/project';
import type { CharitySpendingDoc } from './models/spending';
import type { CharityNoticeDoc, CharityReportDoc } from './models/report';
import type { CharityPledgeDoc } from './models/pledge';
import type { ProjectForDonation } from './api';

export interface SquareQuery {
  statuses: CharityProjectStatus[];
  regionCode?: string;
  targetGroup?: CharityTargetGroup;
  limit: number;
  after?: { publishedAt: Date; _id: string };
}

/** The projects side's only door to the database (its own collections only). */
export function charityRepository(m: CharityModels) {
  return {
    // ── organisations ──
    insertOrganization: (doc: CharityOrganizationDoc) => insertWins(m.Organization, doc),
    findOrganization: (id: string) => m.Organization.findById(id).lean<CharityOrganizationDoc>().exec(),

    // ── projects and their events ──
    findProject: (id: string) => m.Project.findById(id).lean<CharityProjectDoc>().exec(),
    insertProject: (doc: CharityProjectDoc) => insertWins(m.Project, doc),
    /** Applies an event's change unless that or a later event already landed (idempotent roll-forward). */
    setProject: (id: string, sequence: number, set: Record<string, unknown>) =>
      m.Project.updateOne({ _id: id, seq: { $lt: sequence } }, { $set: { ...set, seq: sequence } }).exec(),
    insertEvent: (e: CharityProjectEventDoc) => insertWins(m.ProjectEvent, e),
    findEvent: (projectId: string, sequence: number) => m.ProjectEvent.findById(eventId(projectId, sequence)).lean<CharityProjectEventDoc>().exec(),
    events: (projectId: string) => m.ProjectEvent.find({ projectId }).sort({ sequence: 1 }).limit(500).lean<CharityProjectEventDoc[]>().exec(),

    organizationProjects: (organizationId: string, limit: number) =>
      m.Project.find({ organizationId }).sort({ createdAt: -1 }).limit(limit).lean<CharityProjectDoc[]>().exec(),
    staffQueue: (scope: string, status: CharityProjectStatus, limit: number) =>
      m.Project.find({ status, regionCode: regionWithin(scope) }).sort({ submittedAt: 1 }).limit(limit).lean<CharityProjectDoc[]>().exec(),

    /**
     * The square: `listed` (public and no report overdue) leads the index; newest first with `_id`
     * for a total order, one project more than the page to know whether there is a next page, and a
     * keyset after the cursor (docs/database.md) — never skip.
     */
    async square(q: SquareQuery): Promise<{ projects: CharityProjectDoc[]; hasMore: boolean }> {
      // One equality leads (services/squareFields.ts): the whole square, or the square of one status.
      const filter: Record<string, unknown> = q.statuses.length === 1 ? { listedAs: q.statuses[0] } : { listed: true };
      if (q.regionCode) filter.regionCode = regionWithin(q.regionCode);
      if (q.targetGroup) filter.targetGroup = q.targetGroup;
      const after = q.after
        ? { $and: [{ publishedAt: { $lte: q.after.publishedAt } }, { $or: [{ publishedAt: { $lt: q.after.publishedAt } }, { publishedAt: q.after.publishedAt, _id: { $gt: q.after._id } }] }] }
        : {};
      const found = await m.Project.find({ ...filter, ...after }).sort({ publishedAt: -1, _id: 1 }).limit(q.limit + 1).lean<CharityProjectDoc[]>().exec();
      return { projects: found.slice(0, q.limit), hasMore: found.length > q.limit };
    },

    /** Raising projects whose end date has passed (the schedule job closes them). */
    raisingEndedBefore: (today: string, limit: number) =>
      m.Project.find({ status: 'published', endDate: { $lt: today } }).sort({ endDate: 1 }).limit(limit).lean<CharityProjectDoc[]>().exec(),
    /** Projects whose report was due before today and are not flagged yet. */
    reportDueBefore: (today: string, limit: number) =>
      m.Project.find({ reportOverdue: false, nextReportDue: { $lt: today } }).sort({ nextReportDue: 1 }).limit(limit).lean<CharityProjectDoc[]>().exec(),

    async forDonation(id: string): Promise<ProjectForDonation | null> {
      const p = await m.Project.findById(id).lean<CharityProjectDoc>().exec();
      if (!p) return null;
      return {
        id: p._id, status: p.status, organizationId: p.organizationId, organizationName: p.organizationName, title: p.title, regionCode: p.regionCode,
        acceptsDonations: acceptsDonations(p, shanghaiDate()),
      };
    },

    // ── spending ──
    /** The project's last spending line (its running total), or null. */
    lastSpending: (projectId: string) => m.Spending.find({ projectId }).sort({ sequence: -1 }).limit(1).lean<CharitySpendingDoc[]>().exec().then((r) => r[0] ?? null),
    spendingByKey: (projectId: string, requestKey: string) => m.Spending.findOne({ projectId, requestKey }).lean<CharitySpendingDoc>().exec(),
    /** Insert wins on `_id` (the sequence) and on (projectId, requestKey). */
    insertSpending: (doc: CharitySpendingDoc) => insertWins(m.Spending, doc),
    spendingOf: (projectId: string, limit: number) => m.Spending.find({ projectId }).sort({ sequence: -1 }).limit(limit).lean<CharitySpendingDoc[]>().exec(),

    // ── reports and the donors' notices ──
    insertReport: (doc: CharityReportDoc) => insertWins(m.Report, doc),
    findReport: (id: string) => m.Report.findById(id).lean<CharityReportDoc>().exec(),
    reportsOf: (projectId: string, limit: number) => m.Report.find({ projectId }).sort({ filedAt: -1 }).limit(limit).lean<CharityReportDoc[]>().exec(),
    /** One notice per report and donor, however often the fan-out runs (insert wins, a batch). */
    insertNotices: (docs: CharityNoticeDoc[]) => insertManyWins(m.Notice, docs),
    noticesOf: (userId: string, limit: number) => m.Notice.find({ userId }).sort({ at: -1 }).limit(limit).lean<CharityNoticeDoc[]>().exec(),

    // ── matching pledges ──
    insertPledge: (doc: CharityPledgeDoc) => insertWins(m.Pledge, doc),
    findPledge: (id: string) => m.Pledge.findById(id).lean<CharityPledgeDoc>().exec(),
    pledgesOf: (projectId: string) => m.Pledge.find({ projectId }).sort({ createdAt: 1 }).limit(100).lean<CharityPledgeDoc[]>().exec(),
  };
}
export type CharityRepository = ReturnType<typeof charityRepository>;
