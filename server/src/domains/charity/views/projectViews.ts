import {
  acceptsDonations, allowedProjectActions, maskCreditCode, regionName, shanghaiDate, type CharityProjectView, type CharityReportView, type PledgeView, type ProjectViewer,
  type PublicProject, type PublicProjectSummary, type PublicSpendingLine, type SpendingView,
} from '@dajiuzhu/shared';
import type { CharityProjectDoc } from '../models/project';
import type { CharityReportDoc } from '../models/report';
import type { CharitySpendingDoc } from '../models/spending';
import type { CharityPledgeDoc } from '../models/pledge';
import type { Progress } from '../services/progress';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The project as its organisation and the staff of its region see it, with what the viewer may do now. */
export function projectView(p: CharityProjectDoc, progress: Progress, viewer: ProjectViewer): CharityProjectView {
  return {
    id: p._id, status: p.status, organizationId: p.organizationId, organizationName: p.organizationName, title: p.title, story: p.story,
    targetGroup: p.targetGroup, regionCode: p.regionCode, regionName: regionName(p.regionCode), startDate: p.startDate, endDate: p.endDate,
    budgetLines: p.budgetLines.map((b) => ({ id: b.id, label: b.label, amountFen: b.amountFen })),
    goalFen: p.goalFen, raisedFen: progress.raisedFen, matchedFen: progress.matchedFen, spentFen: progress.spentFen, peopleHelped: progress.peopleHelped, percent: progress.percent,
    contentFlag: p.contentFlag, reviewNote: p.reviewNote, returnReason: p.returnReason, endReason: p.endReason,
    submittedAt: iso(p.submittedAt), publishedAt: iso(p.publishedAt), nextReportDue: p.nextReportDue, reportOverdue: p.reportOverdue,
    allowedActions: allowedProjectActions(p, viewer), createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(),
  };
}

export function publicSummary(p: CharityProjectDoc): PublicProjectSummary {
  return {
    id: p._id, title: p.title, targetGroup: p.targetGroup, regionCode: p.regionCode, regionName: regionName(p.regionCode), organizationName: p.organizationName,
    status: p.status, goalFen: p.goalFen, startDate: p.startDate, endDate: p.endDate, publishedAt: (p.publishedAt ?? p.createdAt).toISOString(),
  };
}

export const reportView = (r: CharityReportDoc): CharityReportView => ({ id: r._id, kind: r.kind, title: r.title, body: r.body, raisedFen: r.raisedFen, spentFen: r.spentFen, filedAt: r.filedAt.toISOString() });

export const publicSpending = (s: CharitySpendingDoc): PublicSpendingLine => ({
  id: s._id, spentOn: s.spentOn, amountFen: s.amountFen, purpose: s.purpose, budgetLineId: s.budgetLineId, kind: s.kind, peopleHelped: s.peopleHelped,
});

/** The organisation's own list: the masked name of a named beneficiary, never the ID number. */
export const spendingView = (s: CharitySpendingDoc): SpendingView => ({
  ...publicSpending(s), sequence: s.sequence, cumulativeFen: s.cumulativeFen, beneficiaryNameMasked: s.beneficiaryNameMasked, itemDescription: s.itemDescription, createdAt: s.createdAt.toISOString(),
});

export const pledgeView = (p: CharityPledgeDoc, matchedFen: number): PledgeView => ({
  id: p._id, projectId: p.projectId, companyName: p.companyName, taxNoMasked: maskCreditCode(p.taxNo), ratioPercent: p.ratioPercent, capFen: p.capFen, matchedFen, createdAt: p.createdAt.toISOString(),
});

/** The public page: no ID numbers, phones, addresses, nor any beneficiary's name. */
export function publicProject(p: CharityProjectDoc, progress: Progress, reports: CharityReportDoc[], spending: CharitySpendingDoc[]): PublicProject {
  return {
    ...publicSummary(p), story: p.story, budgetLines: p.budgetLines.map((b) => ({ id: b.id, label: b.label, amountFen: b.amountFen })),
    goalFen: p.goalFen, raisedFen: progress.raisedFen, matchedFen: progress.matchedFen, spentFen: progress.spentFen, peopleHelped: progress.peopleHelped, percent: progress.percent,
    acceptsDonations: acceptsDonations(p, shanghaiDate()), endReason: p.endReason, reportOverdue: p.reportOverdue,
    pledges: progress.pledges.map(({ pledge, matchedFen }) => ({ companyName: pledge.companyName, ratioPercent: pledge.ratioPercent, capFen: pledge.capFen, matchedFen })),
    reports: reports.map(reportView), spending: spending.map(publicSpending),
  };
}
