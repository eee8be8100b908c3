import {
  acceptsDonations, allowedProjectActions, CHARITY_PROJECT_ACTIONS, CHARITY_PROJECT_STATUSES, nextProjectStatus, projectActionProblem, type ProjectFacts, type ProjectViewer,
} from './machine';
import { addCalendarMonths, isReportOverdue, nextReportDue } from './schedule';
import { budgetMatchesGoal, isCreditCode, matchedFen, maskCreditCode, percentOfGoal, withCreditCheck } from './progress';

const project = (over: Partial<ProjectFacts> = {}): ProjectFacts => ({ status: 'published', organizationId: 'ORG', regionCode: '371402001', reportOverdue: false, ...over });
const org: ProjectViewer = { userId: 'o', roles: ['resident', 'charity'], organizationId: 'ORG' };
const otherOrg: ProjectViewer = { userId: 'x', roles: ['resident', 'charity'], organizationId: 'OTHER' };
const staff: ProjectViewer = { userId: 's', roles: ['resident', 'staff'], staffRegionCode: '371402' };
const farStaff: ProjectViewer = { userId: 'f', roles: ['resident', 'staff'], staffRegionCode: '371500' };
const donor: ProjectViewer = { userId: 'd', roles: ['resident', 'donor'] };
const system: ProjectViewer = { userId: 'system', roles: [], system: true };

describe('project state machine', () => {
  it('has exactly the documented transitions', () => {
    const allowed = new Set([
      'draft:edit', 'draft:submit', 'draft:cancel', 'returned:edit', 'returned:submit', 'returned:cancel', 'pendingReview:approve', 'pendingReview:return', 'pendingReview:cancel',
      'published:close', 'published:cancel', 'published:recordSpending', 'published:fileReport', 'published:pledge', 'published:donate', 'closed:recordSpending', 'closed:fileReport',
    ]);
    for (const s of CHARITY_PROJECT_STATUSES) for (const a of CHARITY_PROJECT_ACTIONS) {
      expect([`${s}:${a}`, nextProjectStatus(s, a) !== null]).toEqual([`${s}:${a}`, allowed.has(`${s}:${a}`)]);
    }
    expect(nextProjectStatus('pendingReview', 'approve')).toBe('published');
    expect(nextProjectStatus('published', 'close')).toBe('closed');
  });

  it('lets only the organisation write to its project; anyone else gets not found', () => {
    expect(projectActionProblem(project(), 'recordSpending', org)).toBeNull();
    expect(projectActionProblem(project(), 'fileReport', otherOrg)).toBe('NOT_FOUND');
    expect(projectActionProblem(project({ status: 'draft' }), 'edit', otherOrg)).toBe('NOT_FOUND');
    expect(projectActionProblem(project(), 'close', donor)).toBe('NOT_FOUND');
    expect(projectActionProblem(project(), 'close', system)).toBeNull();
  });

  it('lets only staff of the region review', () => {
    const pending = project({ status: 'pendingReview' });
    expect(projectActionProblem(pending, 'approve', staff)).toBeNull();
    expect(projectActionProblem(pending, 'approve', farStaff)).toBe('NOT_FOUND');
    expect(projectActionProblem(pending, 'approve', org)).toBe('FORBIDDEN');
    expect(projectActionProblem(project({ status: 'draft' }), 'approve', staff)).toBe('NOT_FOUND');
    expect(projectActionProblem(project(), 'approve', staff)).toBe('CHARITY_PROJECT_STATE_INVALID');
  });

  it('takes donations and pledges only while raising and listed', () => {
    expect(projectActionProblem(project(), 'donate', donor)).toBeNull();
    expect(projectActionProblem(project({ reportOverdue: true }), 'donate', donor)).toBe('CHARITY_PROJECT_NOT_RAISING');
    expect(projectActionProblem(project({ status: 'closed' }), 'pledge', donor)).toBe('CHARITY_PROJECT_NOT_RAISING');
    expect(projectActionProblem(project({ status: 'pendingReview' }), 'donate', donor)).toBe('NOT_FOUND');
  });

  it('lists what the viewer may do', () => {
    expect(allowedProjectActions(project({ status: 'draft' }), org)).toEqual(['edit', 'submit', 'cancel']);
    expect(allowedProjectActions(project({ status: 'pendingReview' }), staff)).toEqual(['approve', 'return']);
    expect(allowedProjectActions(project(), null)).toEqual([]);
  });
});

describe('report schedule', () => {
  const rule = { progressEveryMonths: 3, finalWithinMonths: 3 };
  it('adds calendar months, clamped to the month end', () => {
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-01-15', 12)).toBe('2027-01-15');
  });
  it('asks for a progress report every three months while raising and a final one three months after the end', () => {
    expect(nextReportDue(rule, { type: 'published', day: '2026-03-01', raising: true, currentDue: null })).toBe('2026-06-01');
    expect(nextReportDue(rule, { type: 'progressFiled', day: '2026-05-20', raising: true, currentDue: '2026-06-01' })).toBe('2026-08-20');
    expect(nextReportDue(rule, { type: 'closed', day: '2026-09-30', raising: false, currentDue: '2026-08-20' })).toBe('2026-12-30');
    expect(nextReportDue(rule, { type: 'progressFiled', day: '2026-10-10', raising: false, currentDue: '2026-12-30' })).toBe('2026-12-30');
    expect(nextReportDue(rule, { type: 'finalFiled', day: '2026-11-01', raising: false, currentDue: '2026-12-30' })).toBeNull();
  });
  it('is overdue only after the due day', () => {
    expect(isReportOverdue('2026-06-01', '2026-06-01')).toBe(false);
    expect(isReportOverdue('2026-06-01', '2026-06-02')).toBe(true);
    expect(isReportOverdue(null, '2030-01-01')).toBe(false);
  });
});

describe('progress and matching', () => {
  it('matches at the ratio up to the cap, in whole fen', () => {
    expect(matchedFen({ ratioPercent: 100, capFen: 100_000 }, 30_001)).toBe(30_001);
    expect(matchedFen({ ratioPercent: 50, capFen: 100_000 }, 30_001)).toBe(15_000);
    expect(matchedFen({ ratioPercent: 200, capFen: 50_000 }, 30_000)).toBe(50_000);
    expect(percentOfGoal(2_499, 10_000)).toBe(24);
    expect(budgetMatchesGoal([{ amountFen: 1 }, { amountFen: 2 }], 3)).toBe(true);
    expect(budgetMatchesGoal([{ amountFen: 1 }], 3)).toBe(false);
  });
  it('checks the 统一社会信用代码 check character (GB 32100)', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    const made = withCreditCheck('51371400MJD123456');
    expect(isCreditCode(made)).toBe(true);
    expect(isCreditCode(made.slice(0, 17) + (made[17] === '0' ? '1' : '0'))).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(maskCreditCode('91350100M000100Y43')).toBe('9135**********0Y43');
  });
});

describe('donations', () => {
  it('are taken while raising, listed and inside the period', () => {
    const p = { ...project(), startDate: '2026-01-01', endDate: '2026-06-30' };
    expect(acceptsDonations(p, '2026-01-01')).toBe(true);
    expect(acceptsDonations(p, '2026-06-30')).toBe(true);
    expect(acceptsDonations(p, '2025-12-31')).toBe(false);
    expect(acceptsDonations(p, '2026-07-01')).toBe(false);
    expect(acceptsDonations({ ...p, reportOverdue: true }, '2026-03-01')).toBe(false);
    expect(acceptsDonations({ ...p, status: 'closed' }, '2026-03-01')).toBe(false);
  });
});
