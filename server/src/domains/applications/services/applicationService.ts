import type { CalendarIndex } from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import type { AuditService } from '../../../core/audit/auditService';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { FileService } from '../../../core/files/fileService';
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
  /** The account holding an ID number (by blind index): links a helper-filed case to its person. */
  userIdForIdNumber(blindIndex: string): Promise<string | null>;
  settings: ApplicationSettings;
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
  const access = caseAccess({ profiles: deps.profiles, audit: deps.audit });
  const log = caseLog({ repo, warn: deps.warn });
  const views = applicationViews({ forms, pii, deadlines, clock });
  const present = casePresenter({ repo, views });
  const act = caseActions({ log, access, deadlines, pii, notifier: deps.notifier, clock, present });
  const draftService = drafts({ repo, pii, forms, files, profiles: deps.profiles, userIdForIdNumber: deps.userIdForIdNumber, view: draftViews({ forms, clock }), clock });

  return {
    drafts: draftService,
    submit: submission({ repo, log, drafts: draftService, forms, files, settings, notifier: deps.notifier, present, clock }),
    applicant: { ...applicantCases({ repo, access, log, act, files, views, present }), entitlements: myEntitlements({ repo, access }) },
    staff: staffCases({ repo, access, log, act, effects: staffEffects({ settings, deadlines, files }), views, present, clock, estimate: deps.estimate }),
    publicNotices: publicNotices({ repo, clock }),
    messages: inbox(repo),
  };
}
export type ApplicationService = ReturnType<typeof applicationService>;
