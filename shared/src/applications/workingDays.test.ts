import { addCalendarDays, addMonths, addMonthsToDate, addWorkingDays, isWorkingDay, workingDaysBetween, type HolidayCalendar } from './workingDays';

// The 2026 Spring Festival and National Day blocks (国务院办公厅 2025-11-04) as test data.
const CAL: HolidayCalendar = {
  holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
};
const EMPTY: HolidayCalendar = { holidays: [], workdays: [] };

describe('working days', () => {
  it('weekends are off, weekdays are on, holidays off, make-up Saturdays/Sundays on', () => {
    expect(isWorkingDay('2026-03-02', CAL)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07', CAL)).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-16', CAL)).toBe(false); // Monday in the Spring Festival
    expect(isWorkingDay('2026-02-14', CAL)).toBe(true); // Saturday 调休上班
    expect(isWorkingDay('2026-09-20', CAL)).toBe(true); // Sunday 调休上班
  });
  it('adds working days after the given day', () => {
    expect(addWorkingDays('2026-03-06', 3, EMPTY)).toBe('2026-03-11'); // Fri + 3 → Wed
    expect(addWorkingDays('2026-03-02', 0, EMPTY)).toBe('2026-03-02');
    // Accepted on Friday 13 Feb 2026: Sat 14 is a make-up working day, then the holiday to 23 Feb.
    expect(addWorkingDays('2026-02-13', 1, CAL)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 3, CAL)).toBe('2026-02-25');
    // Accepted on 30 Sep: 10 Oct (Saturday) is a working day.
    expect(addWorkingDays('2026-09-30', 1, CAL)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, CAL)).toBe('2026-10-10');
    expect(() => addWorkingDays('2026-01-01', -1, CAL)).toThrow(RangeError);
  });
  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-25', CAL)).toBe(3);
    expect(workingDaysBetween('2026-03-02', '2026-03-02', CAL)).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-02', CAL)).toBe(0);
    for (const n of [1, 5, 10, 30, 45]) expect(workingDaysBetween('2026-01-30', addWorkingDays('2026-01-30', n, CAL), CAL)).toBe(n);
  });
  it('calendar and month arithmetic', () => {
    expect(addCalendarDays('2026-02-27', 7)).toBe('2026-03-06');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-05', 12)).toBe('2027-05');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-06-15', 12)).toBe('2027-06-15');
  });
});
