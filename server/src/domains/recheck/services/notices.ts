import { maskName, programmeName, regionCovers, regionName, shanghaiDate } from '@dajiuzhu/shared';
import type { RecheckDeps } from './deps';

/** The 特困 exit notices running now (43号: 7 days before a stop takes effect); public, so name masked and nothing else about the person. */
export function noticeBoard(deps: Pick<RecheckDeps, 'repo' | 'now'>) {
  return {
    async list(regionCode?: string) {
      const day = shanghaiDate(deps.now());
      return (await deps.repo.listByStatusUntil('noticing', '9999-12-31', 500))
        .filter((r) => r.notice && r.notice.endsOn >= day && (!regionCode || regionCovers(regionCode, r.regionCode)))
        .map((r) => ({ nameMasked: maskName(r.beneficiary.name), regionName: regionName(r.regionCode), programmeName: programmeName(r.programme), startsOn: r.notice!.startsOn, endsOn: r.notice!.endsOn }));
    },
  };
}
export type NoticeBoard = ReturnType<typeof noticeBoard>;
