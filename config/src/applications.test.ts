import { addWorkingDays, indexCalendar, isWorkingDay } from '@dajiuzhu/shared';
import { loadConfig } from './index';
import { HOLIDAY_YEARS, loadHolidayCalendar } from './holidays';

describe('holiday calendar', () => {
  const cal = indexCalendar(loadHolidayCalendar());
  it('loads 2026 as published and 2027 as provisional', () => {
    expect(HOLIDAY_YEARS.map((y) => [y.year, y.status])).toEqual([[2026, 'published'], [2027, 'provisional']]);
  });
  it('2026: the published blocks and make-up working days', () => {
    expect(loadHolidayCalendar().workdays.filter((d) => d.startsWith('2026'))).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(loadHolidayCalendar().holidays.filter((d) => d.startsWith('2026')).length).toBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(isWorkingDay('2026-01-04', cal)).toBe(true);
    expect(isWorkingDay('2026-05-05', cal)).toBe(false);
    // Accepted Thursday 30 April 2026: 3 working days → 6, 7, 8 May.
    expect(addWorkingDays('2026-04-30', 3, cal)).toBe('2026-05-08');
  });
  it('refuses a broken calendar', () => {
    expect(() => loadHolidayCalendar([{ ...HOLIDAY_YEARS[0], workdays: ['2026-01-05'] }])).toThrow(/not a weekend day/);
    expect(() => loadHolidayCalendar([{ ...HOLIDAY_YEARS[0], holidays: ['2026-02-30'] }])).toThrow(/not a day of 2026/);
    expect(() => loadHolidayCalendar([{ ...HOLIDAY_YEARS[0], workdays: ['2026-01-03'] }])).toThrow(/both/);
  });
});

describe('application chain settings', () => {
  it('loads the defaults; children skip the public notice', () => {
    const s = loadConfig({ NODE_ENV: 'test' }).applications;
    expect(s.programmes.dibao.steps).toEqual(['accept', 'homeVisit', 'review', 'publicNotice', 'approve']);
    expect(s.programmes.orphan.steps).not.toContain('publicNotice');
    expect(s.deadlines).toEqual({ homeVisitWithinWorkingDays: 3, approveWithinWorkingDays: 10, overallWorkingDays: 30, overallExtendedWorkingDays: 45, publicNoticeDays: 7 });
  });
  it('refuses chains out of order, a posted children programme, bad numbers', () => {
    const bad = (patch: (s: ReturnType<typeof loadConfig>['applications']) => void) => { const s = structuredClone(loadConfig({ NODE_ENV: 'test' }).applications); patch(s); return () => loadConfig({ NODE_ENV: 'test' }, { applications: s }); };
    expect(bad((s) => { s.programmes.dibao.steps = ['review', 'accept', 'approve']; })).toThrow(/dibao/);
    expect(bad((s) => { s.programmes.orphan.steps = ['accept', 'review', 'publicNotice', 'approve']; })).toThrow(/不公示/);
    expect(bad((s) => { s.deadlines.publicNoticeDays = 0; })).toThrow(/publicNoticeDays/);
    expect(loadConfig({ NODE_ENV: 'test', APPLICATION_SUBSCRIBE_TEMPLATE_ID: 'tmpl-1' }).applications.messages.subscribeTemplateId).toBe('tmpl-1');
  });
});
