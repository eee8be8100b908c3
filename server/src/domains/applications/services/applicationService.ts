import type { CalendarIndex } from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import type { AuditService } from '../../../core/audit/auditService';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { FileService } from '../../../core/files/fileService';
import type { IdentityService } from '../../../core/identity/identityService';
import type { ProfileService } from '../../../core/identity/profileService';
import type { ApplicationRepository } from '../repository';
import { applicationViews } from '../views/applicationView';
import { draftViews } from '../views/draftView';
import { caseAccess } from './access';
import { applicantCases } from './applicantActions';
import type { ApplicationNotifier } from './applicationNotifier';
import { caseActions } from './caseActions';
import { caseLog } from './caseLog';
import { clockOf } from './clock';
import { applicantConfirmation } from './confirmation';
import { caseDeadlines } from './deadlines';
import { caseFiles } from './documents';
import { drafts } from './drafts';
import { myEntitlements } from './entitlements';
import type { EstimateBridge } from './estimate';
import { formCodec } from './forms';
import { inbox } from './inbox';
import { casePresenter } from './present';
import { publicNotices } from './publicNotices';
import { staffCases } from './staffCases';
import { staffEffects } from './staffActions';
import { submission } from './submission';

export interface ApplicationServiceDeps {
  repo: ApplicationRepository;
  pii: PiiCipher;
  audit: AuditService;
  files: FileService;
  profiles: Pick<ProfileService, 'findById'>;
  /** Verified identity: the only link from an account to the cases and entitlements of a person. */
  identity: Pick<IdentityService, 'verifiedBlindIndexOf' | 'isVerified'>;
  /** The verified account of the person with this ID number (blind index), if any. */
  personAccount(blindIndex: string): Promise<string | null>;
  settings: ApplicationSettings;
  /** Filings per account and day not for the filer's own verified identity (config identity.helperFilingsPerDay). */
  filingsPerDay: number;
  calendar: CalendarIndex;
  notifier: ApplicationNotifier;
  /** Suggested monthly amount from the policy estimate (政策测算), beside a case for staff. */
  estimate: EstimateBridge;
  warn(details: Record<string, unknown>, message: string): void;
  now?: () => Date;
}

/**
 * The applications domain's services, composed once: drafts, submit, the applicant and staff
 * sides of a case, public notices and messages. Routes call these groups; each lives in its own
 * file under services/.
 */
export function applicationService(deps: ApplicationServiceDeps) {
  const { repo, pii, settings } = deps;
  const clock = clockOf(deps.now);
  const forms = formCodec(pii);
  const files = caseFiles(deps.files);
  const deadlines = caseDeadlines({ settings, calendar: deps.calendar, clock });
  const access = caseAccess({ identity: deps.identity, audit: deps.audit });
  const log = caseLog({ repo, warn: deps.warn });
  const views = applicationViews({ forms, pii, deadlines, clock });
  const present = casePresenter({ repo, views });
  const act = caseActions({ log, access, deadlines, pii, notifier: deps.notifier, clock, present });
  const draftService = drafts({ repo, pii, forms, files, profiles: deps.profiles, identity: deps.identity, view: draftViews({ forms, clock }), clock });
  const openKeys = { holderOf: async (key: string) => (await repo.findOpen(key))?.applicationId ?? null, claim: (key: string, applicationId: string, at: Date) => repo.claimOpen({ _id: key, applicationId, at }) };

  return {
    drafts: draftService,
    submit: submission({ repo, log, drafts: draftService, forms, files, access, audit: deps.audit, personAccount: deps.personAccount, settings, filingsPerDay: deps.filingsPerDay, notifier: deps.notifier, present, clock }),
    applicant: {
      ...applicantCases({ repo, access, log, act, files, views, present }),
      confirm: applicantConfirmation({ repo, log, access, notifier: deps.notifier, present, clock }),
      entitlements: myEntitlements({ repo, access }),
    },
    staff: staffCases({ repo, access, log, act, effects: staffEffects({ settings, deadlines, files, openKeys }), views, present, clock, estimate: deps.estimate }),
    publicNotices: publicNotices({ repo, clock }),
    messages: inbox(repo),
  };
}
export type ApplicationService = ReturnType<typeof applicationService>;
