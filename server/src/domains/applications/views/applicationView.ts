import {
  ACTION_LABELS,
  allowedActions,
  isTerminal,
  maskName,
  pendingStep,
  programmeName,
  STATUS_LABELS,
  STEP_LABELS,
  type ActorRole,
  type ApplicationProgramme,
  type ApplicationStatus,
  type ApplicationSummary,
  type ApplicationView,
  type ChainStep,
  type StaffApplicationSummary,
  type TimelineAction,
  type TimelineEntry,
} from '@dajiuzhu/shared';
import type { PiiCipher } from '../../../core/crypto/pii';
import type { ApplicationDoc, ApplicationEventDoc, OpenKeyDoc } from '../models/application';
import type { EntitlementDoc } from '../models/entitlement';
import type { ApplicantRelation } from '../services/access';
import type { Clock } from '../services/clock';
import type { CaseDeadlines } from '../services/deadlines';
import type { FormCodec } from '../services/forms';
import { ROLE_NAMES } from '../messages';
import { entitlementView } from './entitlementView';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Who looks at a case: the person it is for, the one who filed it, or staff of a level. */
export type CaseViewer = ApplicantRelation | 'township' | 'county';
export const roleOfViewer = (v: CaseViewer): ActorRole => (v === 'person' || v === 'filer' ? 'applicant' : v);

/**
 * Event details that tell the person's benefit (the amount proposed, granted or approved, when it
 * starts, when it is rechecked): shown to the person (verified) and staff, never to a filer who is
 * not the person — a helper, or an account that filed under a number it has not proved.
 */
const BENEFIT_DETAILS: readonly string[] = ['amountFen', 'proposedAmountFen', 'startMonth', 'nextRecheckOn'];

/** Confirmed (本人提交、本人确认或已受理); an application older than confirmation held its key from submit. */
export const isConfirmed = (a: ApplicationDoc) => a.confirmation !== null;

/**
 * The other open case of the same person and programme, when one holds the open-application key:
 * shown to staff only (merge or refuse), never to the filer (no oracle).
 */
export const duplicateOf = (a: ApplicationDoc, holder: OpenKeyDoc | null | undefined): string | null =>
  !isTerminal(a.status as ApplicationStatus) && holder && holder.applicationId !== a._id ? holder.applicationId : null;

/** The case as the applicant or staff see it (detail) and as a queue row (summary). */
/** What every view of a case starts with: which case, which programme, where it stands. */
function caseHeader(a: ApplicationDoc) {
  return {
    id: a._id,
    programme: a.programme as ApplicationProgramme,
    programmeName: programmeName(a.programme),
    status: a.status as ApplicationStatus,
    statusLabel: STATUS_LABELS[a.status as ApplicationStatus],
  };
}

export function applicationViews(deps: { forms: FormCodec; pii: PiiCipher; deadlines: CaseDeadlines; clock: Clock }) {
  function nextStepOf(a: ApplicationDoc): ApplicationView['nextStep'] {
    const step = pendingStep(a.status as ApplicationStatus, a.chain as ChainStep[]);
    if (!step) return null;
    const who = step === 'supplement' ? ROLE_NAMES.applicant : step === 'approve' ? ROLE_NAMES.county : ROLE_NAMES.township;
    let label = STEP_LABELS[step];
    if (step === 'supplement') label = `${label}：${a.missingDocuments.join('、')}`;
    if (step === 'approve' && a.status === 'publicNotice' && a.notice) label = `公示期至 ${a.notice.endsOn}，之后由县级民政部门审批`;
    return { step, label, who };
  }

  /**
   * Staff see the encrypted details (home-visit findings) and every attachment; applicants their
   * own attachments only; a filer who is not the person no benefit details.
   */
  function timelineOf(events: ApplicationEventDoc[], viewer: CaseViewer): TimelineEntry[] {
    const forStaff = roleOfViewer(viewer) !== 'applicant';
    return events.map((e) => {
      const details: Record<string, unknown> = { ...e.details };
      if (forStaff && e.detailsCipher) Object.assign(details, JSON.parse(deps.pii.decrypt(e.detailsCipher)));
      if (viewer === 'filer') for (const key of BENEFIT_DETAILS) delete details[key];
      return {
        sequence: e.sequence,
        action: e.action as TimelineEntry['action'],
        label: ACTION_LABELS[e.action as TimelineAction] ?? e.action,
        fromStatus: (e.fromStatus as ApplicationStatus | null) ?? null,
        toStatus: e.toStatus as ApplicationStatus,
        at: e.at.toISOString(),
        actorRole: e.actor.role,
        note: e.note,
        attachments: forStaff || e.actor.role === 'applicant' ? e.attachments : [],
        details,
      };
    });
  }

  const views = {
    /**
     * The filer who is not the person (a helper, or an account not verified as the applicant)
     * follows the case they filed — its steps and decision — but learns nothing of the person's
     * benefit: no entitlement, no amount proposed or granted, no benefit details in the timeline.
     */
    detail(a: ApplicationDoc, viewer: CaseViewer, events: ApplicationEventDoc[], entitlement: EntitlementDoc | null): ApplicationView {
      const { list, overdue } = deps.deadlines.of(a);
      const role = roleOfViewer(viewer);
      const benefitShown = viewer !== 'filer';
      return {
        ...caseHeader(a),
        sequence: a.sequence,
        chain: a.chain as ChainStep[],
        regionCode: a.regionCode,
        applicantName: a.applicant.name,
        applicantIdNumberMasked: a.applicant.idNumberMasked,
        filedByHelper: !!a.helper,
        helperRelation: a.helper?.relation ?? null,
        applicantConfirmed: isConfirmed(a),
        canConfirm: viewer === 'person' && a.confirmation === null && !isTerminal(a.status as ApplicationStatus),
        householdSize: a.householdSize,
        hukou: (a.hukou as ApplicationView['hukou']) ?? null,
        form: deps.forms.mask(deps.forms.read(a.formCipher), a.applicant),
        documents: a.documents.map((d) => ({ item: d.item, fileId: d.fileId })),
        consent: { textVersion: a.consent.textVersion, at: iso(a.consent.at) },
        submittedAt: a.submittedAt.toISOString(),
        nextStep: nextStepOf(a),
        deadlines: list,
        overdue,
        emergency: a.emergency,
        grantedFirst: a.grantedFirst ? { at: iso(a.grantedFirst.at), amountFen: benefitShown ? a.grantedFirst.amountFen : null, paperworkPending: a.grantedFirst.paperworkPending } : null,
        extended: a.extended ? { at: iso(a.extended.at), reason: a.extended.reason } : null,
        missingDocuments: a.missingDocuments,
        notice: a.notice ? { ...a.notice, ended: deps.clock.today() >= a.notice.endsOn } : null,
        proposedMonthlyAmountFen: benefitShown ? a.proposedAmountFen : null,
        decisionReasons: a.decisionReasons,
        timeline: timelineOf(events, viewer),
        entitlement: entitlement && benefitShown ? entitlementView(entitlement) : null,
        allowedActions: allowedActions(a.status as ApplicationStatus, role, deps.deadlines.machineContext(a)),
      };
    },

    summary(a: ApplicationDoc): ApplicationSummary {
      const { list, overdue } = deps.deadlines.of(a);
      const step = pendingStep(a.status as ApplicationStatus, a.chain as ChainStep[]);
      return {
        ...caseHeader(a),
        regionCode: a.regionCode,
        applicantNameMasked: maskName(a.applicant.name),
        filedByHelper: !!a.helper,
        submittedAt: a.submittedAt.toISOString(),
        nextStep: step ? STEP_LABELS[step] : null,
        dueOn: list.filter((d) => d.step !== 'publicNoticeEnds').map((d) => d.dueOn).sort()[0] ?? null,
        overdue,
        emergency: a.emergency,
        paperworkPending: !!a.grantedFirst?.paperworkPending,
      };
    },
  };
  return { ...views, staffSummary: (a: ApplicationDoc, holder: OpenKeyDoc | null | undefined): StaffApplicationSummary => ({ ...views.summary(a), applicantConfirmed: isConfirmed(a), duplicateOf: duplicateOf(a, holder) }) };
}
export type ApplicationViews = ReturnType<typeof applicationViews>;
