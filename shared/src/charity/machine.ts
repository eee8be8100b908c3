import { regionCovers } from '../rules/region';
import type { CHARITY_ERROR_CODES } from '../errors/charityCodes';

/**
 * The one life cycle of a charity project (docs/charity.md). The server enforces it; views list
 * `allowedActions` from the same functions so a screen never offers what the server refuses.
 *
 *   draft ─submit→ pendingReview ─approve→ published ─close→ closed
 *     ↑ edit          └─return→ returned ─submit→ …      (end date: the system closes it)
 *   draft | returned | pendingReview | published ─cancel→ cancelled (donations refunded)
 */
export const CHARITY_PROJECT_STATUSES = ['draft', 'pendingReview', 'returned', 'published', 'closed', 'cancelled'] as const;
export type CharityProjectStatus = (typeof CHARITY_PROJECT_STATUSES)[number];

export const CHARITY_PROJECT_ACTIONS = ['edit', 'submit', 'approve', 'return', 'close', 'cancel', 'recordSpending', 'fileReport', 'pledge', 'donate'] as const;
export type CharityProjectAction = (typeof CHARITY_PROJECT_ACTIONS)[number];

const TRANSITIONS: Partial<Record<CharityProjectStatus, Partial<Record<CharityProjectAction, CharityProjectStatus>>>> = {
  draft: { edit: 'draft', submit: 'pendingReview', cancel: 'cancelled' },
  returned: { edit: 'returned', submit: 'pendingReview', cancel: 'cancelled' },
  pendingReview: { approve: 'published', return: 'returned', cancel: 'cancelled' },
  published: { close: 'closed', cancel: 'cancelled', recordSpending: 'published', fileReport: 'published', pledge: 'published', donate: 'published' },
  closed: { recordSpending: 'closed', fileReport: 'closed' },
};

/** The status after `action`, or null when the action is not possible from `status`. */
export function nextProjectStatus(status: CharityProjectStatus, action: CharityProjectAction): CharityProjectStatus | null {
  return TRANSITIONS[status]?.[action] ?? null;
}

/** Statuses the public sees (the page and, unless a report is overdue, the square). */
export const PUBLIC_PROJECT_STATUSES: readonly CharityProjectStatus[] = ['published', 'closed'];

export interface ProjectFacts {
  status: CharityProjectStatus;
  organizationId: string;
  regionCode: string;
  reportOverdue: boolean;
}

/** Who is looking: the organisation a charity account belongs to, the region of staff; `system` is a job. */
export interface ProjectViewer {
  userId: string;
  roles: readonly string[];
  organizationId?: string | null;
  staffRegionCode?: string | null;
  system?: boolean;
}

export type CharityProblem = keyof typeof CHARITY_ERROR_CODES | 'FORBIDDEN' | 'NOT_FOUND';

const ORG_ACTIONS: readonly CharityProjectAction[] = ['edit', 'submit', 'recordSpending', 'fileReport'];
const STAFF_ACTIONS: readonly CharityProjectAction[] = ['approve', 'return'];

export function isProjectOrganization(p: ProjectFacts, v: ProjectViewer): boolean {
  return v.roles.includes('charity') && !!v.organizationId && v.organizationId === p.organizationId;
}
export function isProjectStaff(p: ProjectFacts, v: ProjectViewer): boolean {
  return v.roles.includes('staff') && !!v.staffRegionCode && regionCovers(v.staffRegionCode, p.regionCode);
}

/** Whether `viewer` can see the project at all (anyone sees a public one). */
export function canSeeProject(p: ProjectFacts, v: ProjectViewer | null): boolean {
  if (PUBLIC_PROJECT_STATUSES.includes(p.status)) return true;
  if (!v) return false;
  if (isProjectOrganization(p, v)) return true;
  return isProjectStaff(p, v) && p.status !== 'draft';
}

/**
 * Why `viewer` may not do `action` on the project now, or null when they may. Who first (someone
 * who cannot see the project gets NOT_FOUND, as for an id never used), then the state.
 */
export function projectActionProblem(p: ProjectFacts, action: CharityProjectAction, v: ProjectViewer): CharityProblem | null {
  const stateOk = nextProjectStatus(p.status, action) !== null;
  const org = isProjectOrganization(p, v);
  const staff = isProjectStaff(p, v);
  if (!canSeeProject(p, v)) return 'NOT_FOUND';
  if (ORG_ACTIONS.includes(action)) {
    // Someone else's project: as if it did not exist (its public page is no licence to write to it).
    if (!org) return 'NOT_FOUND';
    return stateOk ? null : 'CHARITY_PROJECT_STATE_INVALID';
  }
  if (STAFF_ACTIONS.includes(action)) {
    if (!staff) return org ? 'FORBIDDEN' : 'NOT_FOUND';
    return stateOk ? null : 'CHARITY_PROJECT_STATE_INVALID';
  }
  if (action === 'close') {
    if (!org && !v.system) return 'NOT_FOUND';
    return stateOk ? null : 'CHARITY_PROJECT_STATE_INVALID';
  }
  if (action === 'cancel') {
    // The organisation cancels its project; staff of the region may stop a published one.
    if (!org && !(staff && p.status === 'published')) return org || staff ? 'FORBIDDEN' : 'NOT_FOUND';
    return stateOk ? null : 'CHARITY_PROJECT_STATE_INVALID';
  }
  // pledge, donate: the public acts on a raising project that is on the square.
  if (!stateOk || p.reportOverdue) return 'CHARITY_PROJECT_NOT_RAISING';
  return null;
}

/** The actions `viewer` may take now (for views). */
export function allowedProjectActions(p: ProjectFacts, v: ProjectViewer | null): CharityProjectAction[] {
  if (!v) return [];
  return CHARITY_PROJECT_ACTIONS.filter((a) => projectActionProblem(p, a, v) === null);
}

/** On the square: public, and no report overdue (an overdue report takes it off until filed). */
export function isListed(status: CharityProjectStatus, reportOverdue: boolean): boolean {
  return PUBLIC_PROJECT_STATUSES.includes(status) && !reportOverdue;
}

/**
 * Whether the project takes donations on `today` (Shanghai day): raising, on the square, and inside
 * its period (before the start nothing is raised yet; after the end the schedule job closes it, and
 * until it runs the end date already stops donations).
 */
export function acceptsDonations(p: ProjectFacts & { startDate: string; endDate: string }, today: string): boolean {
  return p.status === 'published' && isListed(p.status, p.reportOverdue) && p.startDate <= today && today <= p.endDate;
}
