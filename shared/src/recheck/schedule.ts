import { addCalendarDays, addMonthsToDate, addWorkingDays, type CalendarIndex, type HolidayCalendar } from '../applications/workingDays';

/**
 * When a recheck (复核) is due and by when it must be done (docs/recheck.md; RULES.md, 民发〔2021〕57号
 * and 43号): households whose situation is stable (every member unable to work, income fixed) yearly,
 * others every six months, 特困 yearly; a death in the household within 3 months; a change reported
 * by a 特困 person within 10 working days.
 */
export const RECHECK_TRIGGERS = ['schedule', 'death', 'changeReport', 'missingConfirmation', 'reviewRequest', 'supervision'] as const;
export type RecheckTrigger = (typeof RECHECK_TRIGGERS)[number];

export const RECHECK_TRIGGER_LABELS: Record<RecheckTrigger, string> = {
  schedule: '定期复核', death: '家庭成员死亡', changeReport: '家庭变化申报', missingConfirmation: '未按时年度确认', reviewRequest: '复查申请', supervision: '电子监察',
};

/** Months until the next scheduled recheck. */
export function recheckIntervalMonths(programme: string, householdStable: boolean): number {
  if (programme === 'tekun') return 12;
  return householdStable ? 12 : 6;
}

/** The date of the next scheduled recheck after a decision on `decidedOn`. */
export function nextRecheckOn(programme: string, householdStable: boolean, decidedOn: string): string {
  return addMonthsToDate(decidedOn, recheckIntervalMonths(programme, householdStable));
}

export interface DeadlineRules {
  /** Working days for a recheck no rule sets a shorter time for (a configured default). */
  defaultWorkingDays: number;
  /** 特困: re-assessment after a reported change (43号: 10 working days). */
  tekunChangeWorkingDays: number;
  /** A death in the household: recheck within this many months (57号: 3). */
  deathMonths: number;
}

/**
 * The deadline of a recheck opened on `openedOn` (YYYY-MM-DD). A scheduled one is due on its date
 * (`dueOn`) — opened ahead of it — but never less than the default working days after it opens.
 */
export function recheckDeadline(
  input: { trigger: RecheckTrigger; programme: string; openedOn: string; dueOn?: string | null },
  rules: DeadlineRules,
  calendar: HolidayCalendar | CalendarIndex,
): string {
  const standard = addWorkingDays(input.openedOn, rules.defaultWorkingDays, calendar);
  switch (input.trigger) {
    case 'death':
      return addMonthsToDate(input.openedOn, rules.deathMonths);
    case 'changeReport':
      return input.programme === 'tekun' ? addWorkingDays(input.openedOn, rules.tekunChangeWorkingDays, calendar) : standard;
    case 'schedule':
      return input.dueOn && input.dueOn > standard ? input.dueOn : standard;
    default:
      return standard;
  }
}

/** A scheduled recheck opens this many calendar days before its date (the job looks up to then). */
export function scheduleHorizon(today: string, leadDays: number): string {
  return addCalendarDays(today, leadDays);
}
