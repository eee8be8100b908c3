import {
  addMonths,
  addMonthsToDate,
  PROGRAMME_DEFINITIONS,
  type ActBody,
  type ApplicationProgramme,
  type ApproveBody,
  type ExtendBody,
  type GrantFirstBody,
  type HomeVisitBody,
  type ObjectionBody,
  type RejectBody,
  type RequestSupplementBody,
  type ReviewBody,
} from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import { AppError } from '../../../core/errors/AppError';
import { MESSAGES } from '../messages';
import type { ApplicationDoc } from '../models/application';
import type { EffectOf } from './caseActions';
import type { CaseDeadlines } from './deadlines';
import type { CaseFiles } from './documents';
import type { ApprovalDetails } from './entitlements';
import { openKeyOf } from './caseLog';

/** The open-application key (caseLog.ts#openKeyOf) as the approval needs it. */
export interface OpenKeys {
  /** The application holding the key, or null when it is free. */
  holderOf(key: string): Promise<string | null>;
  /** Insert wins: true when this application now holds the key. */
  claim(key: string, applicationId: string, at: Date): Promise<boolean>;
}

/** The body each staff action takes (the shared request schemas). */
export interface StaffActionBodies {
  accept: ActBody;
  requestSupplement: RequestSupplementBody;
  recordHomeVisit: HomeVisitBody;
  review: ReviewBody;
  startPublicNotice: ActBody;
  raiseObjection: ObjectionBody;
  approve: ApproveBody;
  reject: RejectBody;
  grantFirst: GrantFirstBody;
  extendDeadline: ExtendBody;
}
export type StaffAction = keyof StaffActionBodies;
export type StaffEffects = { [K in StaffAction]: EffectOf<StaffActionBodies[K]> };

const distinct = (items: string[]) => [...new Set(items.map((s) => s.trim()).filter(Boolean))];
const invalid = (path: string, rule: string, message?: string) => new AppError('VALIDATION_FAILED', { ...(message ? { message } : {}), details: { fields: [{ path, rule }] } });
const amountRequired = (path: string) => new AppError('APPLICATION_AMOUNT_REQUIRED', { details: { fields: [{ path, rule: 'required' }] } });

/**
 * THE table of staff actions (受理 → 入户调查 → 审核 → 公示 → 审批, and 补正, 异议, 先行救助, 延期):
 * one row per action giving what it sets on the case, what the timeline shows and what the
 * people of the case are told. Who may act and in which state is the shared state machine's.
 */
export function staffEffects(deps: { settings: ApplicationSettings; deadlines: CaseDeadlines; files: CaseFiles; openKeys: OpenKeys }): StaffEffects {
  const { deadlines } = deps;

  /**
   * Only the case holding the person's open-application key is approved: a duplicate (another open
   * case of the person and programme holds it) is merged or refused by staff. A key freed since
   * (the other case closed) is taken now; holding it while still open is right even if this approval then loses a race.
   */
  async function assertNotDuplicate(a: ApplicationDoc, at: Date) {
    const key = openKeyOf(a);
    const holder = await deps.openKeys.holderOf(key);
    if (holder === a._id || (!holder && (await deps.openKeys.claim(key, a._id, at)))) return;
    throw new AppError('APPLICATION_DUPLICATE', { details: { duplicateOf: holder ?? (await deps.openKeys.holderOf(key)) ?? '' } });
  }

  return {
    // 受理 of a filing in someone's name is staff's confirmation that the person applies (ID papers
    // seen); applying the event takes the open-application key (caseLog.ts).
    accept: (a, _input, { ctx, day, at }) => {
      const homeVisitDueOn = a.chain.includes('homeVisit') ? deadlines.homeVisitDueFrom(day) : null;
      const overallDueOn = deadlines.overallDueFrom(day);
      return {
        patch: { acceptedOn: day, overallDueOn, ...(a.confirmation === null ? { confirmation: { by: 'staff', userId: ctx.actor._id, at } } : {}) },
        details: { overallDueOn, ...(homeVisitDueOn ? { homeVisitDueOn } : {}) },
        message: MESSAGES.accepted(a.programme, homeVisitDueOn),
      };
    },

    requestSupplement: (a, input) => {
      const missing = distinct(input.missingDocuments);
      return { patch: { missingDocuments: missing }, details: { missingDocuments: missing }, message: MESSAGES.supplementRequested(a.programme, missing) };
    },

    recordHomeVisit: async (a, input, { ctx, day }) => {
      if (input.visitedOn > day || (a.acceptedOn && input.visitedOn < a.acceptedOn)) throw invalid('/visitedOn', 'range', '调查日期应在受理之后、今天之前');
      const investigators = distinct(input.investigators);
      if (investigators.length < 2) throw invalid('/investigators', 'minItems', '入户调查应由至少两名工作人员进行');
      const photos = input.photos ?? [];
      await deps.files.assertPhotos(ctx, photos);
      return {
        details: { visitedOn: input.visitedOn, investigatorCount: investigators.length, startedInTime: !a.stepDue || input.visitedOn <= a.stepDue.dueOn },
        secret: { investigators, findings: input.findings },
        attachments: photos,
        message: MESSAGES.homeVisitRecorded(a.programme),
      };
    },

    review: (a, input) => {
      if (input.recommendation === 'approve' && input.proposedMonthlyAmountFen === undefined) throw amountRequired('/proposedMonthlyAmountFen');
      return {
        patch: { proposedAmountFen: input.proposedMonthlyAmountFen ?? null },
        details: { recommendation: input.recommendation, ...(input.proposedMonthlyAmountFen !== undefined ? { proposedAmountFen: input.proposedMonthlyAmountFen } : {}) },
        message: MESSAGES.reviewed(a.programme, a.chain.includes('publicNotice')),
      };
    },

    startPublicNotice: (a, _input, { day }) => {
      const round = (a.notice?.round ?? 0) + 1;
      const notice = { round, startsOn: day, endsOn: deadlines.noticeEndsFrom(day) };
      return { patch: { notice }, details: { ...notice }, message: MESSAGES.publicNoticeStarted(a.programme, notice.endsOn) };
    },

    raiseObjection: (a) => ({ details: { round: a.notice?.round ?? 0 }, message: MESSAGES.objectionRaised(a.programme) }),

    approve: async (a, input, { day, at }) => {
      const amountFen = input.amountFen ?? a.proposedAmountFen;
      if (amountFen === null || amountFen === undefined) throw amountRequired('/amountFen');
      await assertNotDuplicate(a, at);
      const programme = a.programme as ApplicationProgramme;
      const { startMonth: startRule, recheckMonths } = deps.settings.programmes[programme];
      const month = day.slice(0, 7);
      const startMonth = startRule === 'afterApproval' ? addMonths(month, 1) : startRule === 'applicationMonth' ? a.submittedOn.slice(0, 7) : month;
      const nextRecheckOn = recheckMonths > 0 ? addMonthsToDate(day, recheckMonths) : null;
      const payment = PROGRAMME_DEFINITIONS[programme].payment;
      const details: ApprovalDetails = { amountFen, startMonth, nextRecheckOn, payment };
      return {
        // The approval completes the paperwork of a grant made first (先行救助).
        patch: { ...(a.grantedFirst ? { grantedFirst: { ...a.grantedFirst, paperworkPending: false } } : {}) },
        details: { ...details },
        message: payment === 'monthly' ? MESSAGES.approvedMonthly(a.programme, amountFen, startMonth, nextRecheckOn) : MESSAGES.approvedOneOff(a.programme, amountFen),
      };
    },

    reject: (a, input) => {
      const reasons = input.reasons.trim();
      return { patch: { decisionReasons: reasons }, details: { reasons }, message: MESSAGES.rejected(a.programme, reasons) };
    },

    grantFirst: (a, input, { at }) => ({
      patch: { grantedFirst: { at, amountFen: input.amountFen, paperworkPending: true } },
      details: { amountFen: input.amountFen },
      message: MESSAGES.grantedFirst(a.programme, input.amountFen),
    }),

    extendDeadline: (a, input, { at }) => {
      const reason = input.reason.trim();
      const overallDueOn = a.acceptedOn ? deadlines.extendedDueFrom(a.acceptedOn) : a.overallDueOn;
      return { patch: { extended: { at, reason }, overallDueOn }, details: { reason, overallDueOn }, message: MESSAGES.deadlineExtended(a.programme, overallDueOn, reason) };
    },
  };
}
