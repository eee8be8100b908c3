import { addCalendarDays, shanghaiDate } from '@dajiuzhu/shared';

/**
 * The seed's clock. Demo cases are recorded step by step on the days they would have happened (a
 * 公示 that ended yesterday, a 低保 approved last January), through the applications domain's own
 * services built on this clock (`app.applications.servicesAt(clock.now)`). Requests never see it.
 */
export interface DemoClock {
  now(): Date;
  /** Moves the clock to 10:00 Shanghai time on `day` (YYYY-MM-DD). */
  setDay(day: string): void;
  /** Back to the real time. */
  reset(): void;
  /** Today in Shanghai (the real day), and days relative to it. */
  today: string;
  daysAgo(n: number): string;
}

export function demoClock(): DemoClock {
  let fixed: Date | null = null;
  const today = shanghaiDate();
  return {
    now: () => fixed ?? new Date(),
    setDay(day) { fixed = new Date(`${day}T10:00:00+08:00`); },
    reset() { fixed = null; },
    today,
    daysAgo: (n) => addCalendarDays(today, -n),
  };
}
