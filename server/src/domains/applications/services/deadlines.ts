import {
  addCalendarDays,
  addWorkingDays,
  isTerminal,
  pendingStep,
  STEP_LABELS,
  type ApplicationStatus,
  type CalendarIndex,
  type ChainStep,
  type Deadline,
  type MachineContext,
} from '@dajiuzhu/shared';
import type { ApplicationSettings } from '@dajiuzhu/config';
import type { ApplicationDoc } from '../models/application';
import type { Clock } from './clock';

/**
 * The time limits of a case (办理时限), counted in working days on the holiday calendar: the
 * step the case waits for, the overall limit from acceptance (extendable once), the notice period.
 */
export function caseDeadlines(deps: { settings: ApplicationSettings; calendar: CalendarIndex; clock: Clock }) {
  const { deadlines: limits } = deps.settings;
  const workingDaysAfter = (day: string, n: number) => addWorkingDays(day, n, deps.calendar);

  return {
    /** What the state machine needs to know about a case beyond its status. */
    machineContext(a: ApplicationDoc): MachineContext {
      return {
        chain: a.chain as ChainStep[],
        noticeEnded: !!a.notice && deps.clock.today() >= a.notice.endsOn,
        emergency: a.emergency,
        grantedFirst: !!a.grantedFirst,
        extended: !!a.extended,
      };
    },

    /** The deadline of the step the case waits for after entering `status` on `day`. */
    stepDueFor(status: ApplicationStatus, chain: ChainStep[], day: string, noticeEndsOn: string | null): ApplicationDoc['stepDue'] {
      const step = pendingStep(status, chain);
      if (step === 'homeVisit') return { step, dueOn: workingDaysAfter(day, limits.homeVisitWithinWorkingDays) };
      if (step === 'approve') return { step, dueOn: workingDaysAfter(status === 'publicNotice' && noticeEndsOn ? noticeEndsOn : day, limits.approveWithinWorkingDays) };
      return null;
    },

    homeVisitDueFrom: (acceptedOn: string) => workingDaysAfter(acceptedOn, limits.homeVisitWithinWorkingDays),
    overallDueFrom: (acceptedOn: string) => workingDaysAfter(acceptedOn, limits.overallWorkingDays),
    extendedDueFrom: (acceptedOn: string) => workingDaysAfter(acceptedOn, limits.overallExtendedWorkingDays),
    noticeEndsFrom: (startsOn: string) => addCalendarDays(startsOn, limits.publicNoticeDays),

    /** The deadlines a view shows, and whether any has passed. */
    of(a: ApplicationDoc): { list: Deadline[]; overdue: boolean } {
      if (isTerminal(a.status as ApplicationStatus)) return { list: [], overdue: false };
      const today = deps.clock.today();
      const list: Deadline[] = [];
      if (a.stepDue) list.push({ step: a.stepDue.step, label: `${STEP_LABELS[a.stepDue.step as ChainStep] ?? a.stepDue.step}期限`, dueOn: a.stepDue.dueOn, overdue: today > a.stepDue.dueOn });
      if (a.notice && a.status === 'publicNotice') list.push({ step: 'publicNoticeEnds', label: '公示期结束', dueOn: a.notice.endsOn, overdue: false });
      if (a.overallDueOn) list.push({ step: 'overall', label: a.extended ? '办结期限（已延长）' : '办结期限', dueOn: a.overallDueOn, overdue: today > a.overallDueOn });
      return { list, overdue: list.some((d) => d.overdue) };
    },
  };
}
export type CaseDeadlines = ReturnType<typeof caseDeadlines>;
