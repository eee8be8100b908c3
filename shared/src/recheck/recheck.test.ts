import { indexCalendar } from '../applications/workingDays';
import { allowedRecheckActions, nextRecheckStatus } from './machine';
import { endFromMonthFor, phaseOutMonthsBetween } from './phaseOut';
import { nextRecheckOn, recheckDeadline } from './schedule';
import { amountInForce, paymentFor, type PaymentTerms } from './versions';
import { cleanReasons, computedReasonLines } from './reasons';

const cal = indexCalendar({ holidays: [], workdays: [] });
const rules = { defaultWorkingDays: 20, tekunChangeWorkingDays: 10, deathMonths: 3 };

describe('entitlement versions', () => {
  const terms: PaymentTerms = {
    payment: 'monthly', startMonth: '2025-02', oneOffAmountFen: null, endFromMonth: null, suspendedFromMonth: null,
    amounts: [{ fromMonth: '2025-02', monthlyAmountFen: 46000, decidedAt: '2025-01-23T00:00:00Z' }, { fromMonth: '2026-03', monthlyAmountFen: 40000, decidedAt: '2026-02-10T00:00:00Z' }],
  };
  it('pays the amount in force in each month, nothing before the start', () => {
    expect(paymentFor(terms, '2025-01')).toBe(0);
    expect(paymentFor(terms, '2026-02')).toBe(46000);
    expect(paymentFor(terms, '2026-03')).toBe(40000);
  });
  it('of two versions from the same month, the later decision holds', () => {
    expect(amountInForce([...terms.amounts, { fromMonth: '2026-03', monthlyAmountFen: 42000, decidedAt: '2026-02-11T00:00:00Z' }], '2026-04')).toBe(42000);
  });
  it('pays nothing from an end or a suspension on', () => {
    expect(paymentFor({ ...terms, endFromMonth: '2026-06' }, '2026-05')).toBe(40000);
    expect(paymentFor({ ...terms, endFromMonth: '2026-06' }, '2026-06')).toBe(0);
    expect(paymentFor({ ...terms, suspendedFromMonth: '2026-04' }, '2026-04')).toBe(0);
    expect(paymentFor({ ...terms, payment: 'oneOff', oneOffAmountFen: 60000, suspendedFromMonth: '2026-04' }, '2026-05')).toBe(0);
  });
});

describe('the schedule', () => {
  it('rechecks 特困 and stable households yearly, others every six months', () => {
    expect(nextRecheckOn('tekun', false, '2026-01-31')).toBe('2027-01-31');
    expect(nextRecheckOn('dibao', true, '2026-01-31')).toBe('2027-01-31');
    expect(nextRecheckOn('dibao', false, '2026-01-31')).toBe('2026-07-31');
  });
  it('sets the deadline by the trigger: a death within 3 months, a 特困 change within 10 working days', () => {
    expect(recheckDeadline({ trigger: 'death', programme: 'dibao', openedOn: '2026-03-10' }, rules, cal)).toBe('2026-06-10');
    expect(recheckDeadline({ trigger: 'changeReport', programme: 'tekun', openedOn: '2026-03-09' }, rules, cal)).toBe('2026-03-23');
    expect(recheckDeadline({ trigger: 'schedule', programme: 'dibao', openedOn: '2026-03-02', dueOn: '2026-05-01' }, rules, cal)).toBe('2026-05-01');
  });
});

describe('a 渐退期', () => {
  it('keeps the aid N months (at most 6) after the decision month, then ends', () => {
    expect(endFromMonthFor('2026-11', 3)).toBe('2027-03');
    expect(phaseOutMonthsBetween('2026-11', '2027-03')).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(endFromMonthFor('2026-11', 12)).toBe('2027-06');
    expect(endFromMonthFor('2026-11', 0)).toBe('2026-12');
  });
});

describe('the recheck state machine', () => {
  it('allows a decision only after the data check; a 特困 stop waits for its notice', () => {
    expect(allowedRecheckActions('open')).toEqual(['recordDataCheck']);
    expect(nextRecheckStatus('open', 'decide', { outcome: 'continue', needsNotice: false })).toBeNull();
    expect(nextRecheckStatus('checked', 'decide', { outcome: 'stop', needsNotice: true })).toBe('noticing');
    expect(nextRecheckStatus('checked', 'decide', { outcome: 'adjust', needsNotice: true })).toBe('closed');
    expect(nextRecheckStatus('closed', 'recordVisit')).toBeNull();
  });
  it('states the counted income against the standard, and reasons once each', () => {
    expect(computedReasonLines({ householdSize: 3, monthlyIncomeFen: 360000, standardFen: 75500 })).toEqual(['核对的家庭月收入 3600.00 元，共 3 人', '人均月收入 1200.00 元，不低于当地保障标准 755.00 元']);
    expect(cleanReasons([' a ', '', 'a', 'b'])).toEqual(['a', 'b']);
  });
});
