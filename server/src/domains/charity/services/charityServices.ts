import type { FastifyBaseLogger } from 'fastify';
import type { CharityConfig } from '@dajiuzhu/config';
import type { Services } from '../../../core/services';
import type { ContentCheckClient } from '../../../core/adapters/wechat/contentCheck';
import type { LedgerApi } from '../../ledger/api';
import type { CharityRepository } from '../repository';
import type { DonationTotals } from '../api';
import { projectStore } from './projectStore';
import { progressReader } from './progress';
import { charityContentCheck } from './contentCheck';
import { organizationService } from './organizations';
import { projectService } from './projectService';
import { reviewService } from './reviewService';
import { publicService } from './publicService';
import { spendingService } from './spendingService';
import { reportService } from './reportService';
import { pledgeService } from './pledgeService';
import { scheduleService } from './scheduleService';
import type { CancelListeners } from './cancelListeners';

/** Wires the projects side's services once per app (charity/index.ts). */
export function charityServices(deps: {
  repo: CharityRepository; core: Services; config: CharityConfig; contentCheck: ContentCheckClient; totals: DonationTotals;
  ledger: Pick<LedgerApi, 'otherHelp'>; onCancelled: CancelListeners; log: FastifyBaseLogger;
}) {
  const { repo, core, config, totals } = deps;
  const store = projectStore(repo);
  const progressOf = progressReader(repo, totals);
  const checkText = charityContentCheck({ contentCheck: deps.contentCheck, openidOf: core.users.openidOf });
  const audit = core.audit;
  const projects = projectService({ repo, store, audit, config, progressOf, checkText, onCancelled: deps.onCancelled });
  return {
    organizations: organizationService({ repo, audit }),
    projects,
    review: reviewService({ repo, store, audit, config, projects }),
    public: publicService({ repo, store, progressOf }),
    spending: spendingService({ repo, store, audit, pii: core.pii, totals, otherHelp: deps.ledger.otherHelp }),
    reports: reportService({ repo, store, audit, config, totals, checkText }),
    pledges: pledgeService({ repo, store, audit, totals }),
    schedule: scheduleService({ repo, store, projects }),
  };
}
export type CharityServices = ReturnType<typeof charityServices>;
