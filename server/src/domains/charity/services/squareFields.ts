import { isListed, type CharityProjectStatus } from '@dajiuzhu/shared';

/**
 * The square's two filter fields, set by every event that changes the status or the overdue flag:
 * `listed` (public and no report overdue: the whole square) and `listedAs` (the status it is listed
 * under, '' when not listed: the square of one status). Each list is then ONE equality on the
 * leading field of its own index, walked in (publishedAt desc, _id) order — a second equality
 * (`status`) would let SQLite pick another index and sort everything (bench/charity.ts).
 */
export function squareFields(status: CharityProjectStatus, reportOverdue: boolean): { listed: boolean; listedAs: string } {
  const listed = isListed(status, reportOverdue);
  return { listed, listedAs: listed ? status : '' };
}
