/**
 * The home page's data: what the person has going on (服务大厅) and, for staff, their desk
 * (工作台). Each part comes from its domain's own endpoint; a part that fails (not verified yet,
 * offline) is left out rather than failing the whole home page.
 */
import type { ApplicationSummary, MyWish, PublicNoticeEntry, StaffApplicationList, StaffApplicationSummary } from '@dajiuzhu/shared';
import { request } from './request';
import { listMyApplications, myMessages, publicNotices } from './applications';
import { getYears } from './happiness';
import { wishApi } from './wish';

/** Statuses where a case is finished: nothing more to do for anyone. */
const FINAL = new Set(['approved', 'rejected', 'withdrawn']);

export interface ResidentHall {
  unread: number;
  /** The newest case still being handled. */
  caseInProgress: ApplicationSummary | null;
  /** This year's 幸福清单, when it has been published for the person. */
  happinessYear: number | null;
  /** The person's newest wish that is not fulfilled or refused yet. */
  wish: MyWish | null;
  /** 公示 of the person's region (the newest three). */
  notices: PublicNoticeEntry[];
}

const settled = <T>(r: PromiseSettledResult<T>): T | null => (r.status === 'fulfilled' ? r.value : null);

export async function loadResidentHall(opts: { verified: boolean; regionCode?: string; year: number }): Promise<ResidentHall> {
  const [messages, apps, years, wishes, notices] = await Promise.allSettled([
    myMessages(),
    listMyApplications(),
    // Records about the person wait for a verified identity (useIdentity).
    opts.verified ? getYears() : Promise.reject(new Error('unverified')),
    wishApi.mine(),
    publicNotices(opts.regionCode),
  ]);
  const open = (settled(apps)?.applications ?? []).filter((a) => !FINAL.has(a.status));
  const yearRow = (settled(years)?.years ?? []).find((y) => y.year === opts.year);
  const wish = (settled(wishes)?.wishes ?? []).find((w) => w.status !== 'fulfilled' && w.status !== 'rejected') ?? null;
  return {
    unread: settled(messages)?.unread ?? 0,
    caseInProgress: open[0] ?? null,
    happinessYear: yearRow ? yearRow.year : null,
    wish,
    notices: (settled(notices)?.notices ?? []).slice(0, 3),
  };
}

export interface StaffDesk {
  /** Open cases per status, in the order of the chain. */
  counts: { status: string; label: string; count: number }[];
  overdue: number;
  /** The cases to take next: overdue first, then by due date. */
  queue: StaffApplicationSummary[];
}

/**
 * The staff member's open cases, counted per status from the region's queue (its first 200 rows:
 * the queue endpoint's maximum; an exact count per status would need a count endpoint).
 */
export async function loadStaffDesk(): Promise<StaffDesk> {
  const { applications } = await request<StaffApplicationList>({ path: '/api/v1/staff/applications', query: { limit: 200 } });
  const open = applications.filter((a) => !FINAL.has(a.status));
  const counts: StaffDesk['counts'] = [];
  for (const a of open) {
    const row = counts.find((c) => c.status === a.status);
    if (row) row.count += 1;
    else counts.push({ status: a.status, label: a.statusLabel, count: 1 });
  }
  const queue = [...open].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return { counts, overdue: open.filter((a) => a.overdue).length, queue: queue.slice(0, 3) };
}
