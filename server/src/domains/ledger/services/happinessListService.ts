import type { LedgerConfig, PolicyStandards } from '@dajiuzhu/config';
import type { LedgerRepository } from '../repository';
import type { ProfileService } from '../../../core/identity/profileService';
import type { IdentityLinks } from './ownStatement';
import type { AuditService } from '../../../core/audit/auditService';
import type { SubscribeMessageClient } from '../../../core/adapters/wechat/subscribeMessage';
import type { BeneficiarySources } from './beneficiaryDirectory';
import type { JobRunner } from './ledgerJobs';
import { ownStatement } from './ownStatement';
import { happinessPublishing } from './happinessPublishing';
import { happinessNotifier, type NoticeRecipients } from './happinessNotifier';
import { happinessReading } from './happinessReading';
import { happinessQuestions } from './happinessQuestions';
import { happinessFeedback } from './happinessFeedback';
import { happinessStats } from './happinessStats';

/**
 * The 幸福清单 (docs/ledger.md): publishing (happinessPublishing, with subscribe messages from
 * happinessNotifier), reading (happinessReading), feedback and questions, and the region's counts,
 * as the one service the routes use.
 */
export function happinessListService(deps: {
  repo: LedgerRepository; beneficiaries: BeneficiarySources; profiles: Pick<ProfileService, 'findById'>; identity: IdentityLinks; recipients: NoticeRecipients; audit: AuditService; config: LedgerConfig; runner: JobRunner;
  /** The standards in force now, admin-added periods included (the policy domain's api). */
  policy: () => PolicyStandards; subscribe: SubscribeMessageClient | null; subscribeTemplateId: string; now?: () => Date;
}) {
  const { repo, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const own = ownStatement({ repo, identity: deps.identity });
  const pushNotices = deps.subscribe && deps.subscribeTemplateId
    ? happinessNotifier({ repo, recipients: deps.recipients, subscribe: deps.subscribe, templateId: deps.subscribeTemplateId })
    : null;
  const questions = happinessQuestions({ repo, own, audit, now });
  return {
    ...happinessPublishing({ repo, beneficiaries: deps.beneficiaries, audit, config: deps.config, runner: deps.runner, pushNotices, now }),
    ...happinessReading({ repo, own, profiles: deps.profiles, identity: deps.identity, audit, policy: deps.policy, now }),
    ...happinessFeedback({ repo, own, questions, now }),
    ...questions,
    stats: happinessStats({ repo }),
  };
}
export type HappinessListService = ReturnType<typeof happinessListService>;
