import { maskName, programmeName, type PublicNoticeEntry } from '@dajiuzhu/shared';
import type { ApplicationDoc, NoticeRef } from '../models/application';
import type { PublicNoticeDoc } from '../models/publicNotice';
import type { ApplicationRepository } from '../repository';
import type { Clock } from './clock';

/** The public notice (公示) entry of a case: only what may be public (surname, household size, amount, region). */
export function publicNoticeOf(app: ApplicationDoc, notice: NoticeRef): PublicNoticeDoc {
  return {
    _id: `${app._id}:${notice.round}`,
    applicationId: app._id,
    programme: app.programme,
    nameMasked: maskName(app.applicant.name),
    householdSize: app.householdSize,
    amountFen: app.proposedAmountFen,
    regionCode: app.regionCode,
    startsOn: notice.startsOn,
    endsOn: notice.endsOn,
    active: true,
  };
}

/** The public notice page (no sign-in): active notices that have started, inside a region when one is given. */
export function publicNotices(deps: { repo: ApplicationRepository; clock: Clock }) {
  return async (regionCode?: string): Promise<PublicNoticeEntry[]> => {
    const today = deps.clock.today();
    return (await deps.repo.listActiveNotices(regionCode))
      .filter((n) => n.startsOn <= today)
      .map((n) => ({ id: n._id, programmeName: programmeName(n.programme), nameMasked: n.nameMasked, householdSize: n.householdSize, amountFen: n.amountFen, regionCode: n.regionCode, startsOn: n.startsOn, endsOn: n.endsOn }));
  };
}
