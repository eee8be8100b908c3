import { shanghaiDate } from '@dajiuzhu/shared';

/** "Now" and "today in Shanghai" for the whole domain; injectable so a caller can fix the time. */
export interface Clock {
  now(): Date;
  /** YYYY-MM-DD in Asia/Shanghai: the day deadlines and notice periods count in. */
  today(): string;
}

export function clockOf(now: () => Date = () => new Date()): Clock {
  return { now, today: () => shanghaiDate(now()) };
}
