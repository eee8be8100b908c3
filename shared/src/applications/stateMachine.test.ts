import {
  ACTION_ROLES,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  allowedActions,
  findChainProblem,
  pendingStep,
  refusalMessage,
  STATUS_LABELS,
  transition,
  type ApplicationAction,
  type ApplicationStatus,
  type ChainStep,
  type MachineContext,
} from './stateMachine';

const FULL: ChainStep[] = ['accept', 'homeVisit', 'review', 'publicNotice', 'approve'];
const CHILDREN: ChainStep[] = ['accept', 'homeVisit', 'review', 'approve'];
const DISABILITY: ChainStep[] = ['accept', 'review', 'approve'];

/** Every allowed (from, action) → to of the full dibao chain, with the notice over. Everything else is refused. */
const FULL_TABLE: Array<[ApplicationStatus, ApplicationAction, ApplicationStatus]> = [
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'requestSupplement', 'supplementRequested'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['supplementRequested', 'supplement', 'submitted'],
  ['supplementRequested', 'withdraw', 'withdrawn'],
  ['accepted', 'recordHomeVisit', 'homeVisitRecorded'],
  ['accepted', 'reject', 'rejected'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['accepted', 'extendDeadline', 'accepted'],
  ['homeVisitRecorded', 'review', 'reviewed'],
  ['homeVisitRecorded', 'reject', 'rejected'],
  ['homeVisitRecorded', 'withdraw', 'withdrawn'],
  ['homeVisitRecorded', 'extendDeadline', 'homeVisitRecorded'],
  ['reviewed', 'startPublicNotice', 'publicNotice'],
  ['reviewed', 'reject', 'rejected'],
  ['reviewed', 'withdraw', 'withdrawn'],
  ['reviewed', 'extendDeadline', 'reviewed'],
  ['publicNotice', 'approve', 'approved'],
  ['publicNotice', 'raiseObjection', 'objection'],
  ['publicNotice', 'reject', 'rejected'],
  ['publicNotice', 'withdraw', 'withdrawn'],
  ['publicNotice', 'extendDeadline', 'publicNotice'],
  ['objection', 'recordHomeVisit', 'homeVisitRecorded'],
  ['objection', 'reject', 'rejected'],
  ['objection', 'withdraw', 'withdrawn'],
  ['objection', 'extendDeadline', 'objection'],
];

describe('application state machine: every (state, action) of the full chain', () => {
  const ctx: MachineContext = { chain: FULL, noticeEnded: true };
  const cases = APPLICATION_STATUSES.flatMap((from) => APPLICATION_ACTIONS.filter((a) => a !== 'grantFirst').map((action) => [from, action] as const));
  it.each(cases)('%s --%s-->', (from, action) => {
    const expected = FULL_TABLE.find(([f, a]) => f === from && a === action);
    const result = transition(from, action, ctx);
    if (expected) expect(result).toEqual({ ok: true, to: expected[2] });
    else expect(result).toEqual({ ok: false, refusal: 'notAllowed' });
  });
});

describe('chains configured per programme', () => {
  it('children skip the public notice: reviewed → approved directly, no notice, no objection', () => {
    const ctx = { chain: CHILDREN };
    expect(transition('reviewed', 'approve', ctx)).toEqual({ ok: true, to: 'approved' });
    expect(transition('reviewed', 'startPublicNotice', ctx).ok).toBe(false);
    expect(transition('homeVisitRecorded', 'approve', ctx).ok).toBe(false);
  });
  it('the disability subsidies skip the home visit: accepted → reviewed', () => {
    const ctx = { chain: DISABILITY };
    expect(transition('accepted', 'review', ctx)).toEqual({ ok: true, to: 'reviewed' });
    expect(transition('accepted', 'recordHomeVisit', ctx).ok).toBe(false);
    expect(transition('reviewed', 'approve', ctx)).toEqual({ ok: true, to: 'approved' });
  });
  it('an objection reopens the step after acceptance (review when there is no home visit)', () => {
    const chain: ChainStep[] = ['accept', 'review', 'publicNotice', 'approve'];
    expect(transition('objection', 'review', { chain })).toEqual({ ok: true, to: 'reviewed' });
    expect(transition('objection', 'recordHomeVisit', { chain }).ok).toBe(false);
  });
  it('after the objection the notice restarts: reviewed → publicNotice again', () => {
    const ctx = { chain: FULL, noticeEnded: false };
    expect(transition('objection', 'recordHomeVisit', ctx)).toEqual({ ok: true, to: 'homeVisitRecorded' });
    expect(transition('homeVisitRecorded', 'review', ctx)).toEqual({ ok: true, to: 'reviewed' });
    expect(transition('reviewed', 'startPublicNotice', ctx)).toEqual({ ok: true, to: 'publicNotice' });
  });
  it('checks a configured chain', () => {
    expect(findChainProblem(FULL)).toBeNull();
    expect(findChainProblem(CHILDREN)).toBeNull();
    expect(findChainProblem(DISABILITY)).toBeNull();
    expect(findChainProblem(['homeVisit', 'approve'])).toMatch(/受理/);
    expect(findChainProblem(['accept', 'review'])).toMatch(/审批/);
    expect(findChainProblem(['accept', 'review', 'homeVisit', 'approve'])).toMatch(/顺序/);
    expect(findChainProblem(['accept', 'approve'])).toMatch(/审核/);
    expect(findChainProblem(['accept', 'visit', 'review', 'approve'])).toMatch(/未知/);
  });
});

describe('guards', () => {
  it('approve waits for the end of the public notice', () => {
    expect(transition('publicNotice', 'approve', { chain: FULL, noticeEnded: false })).toEqual({ ok: false, refusal: 'noticeRunning' });
    expect(refusalMessage('publicNotice', 'approve', 'noticeRunning')).toContain('公示期结束后');
  });
  it('先行救助 only for emergency aid, once, and it keeps the state', () => {
    for (const from of ['submitted', 'accepted', 'homeVisitRecorded', 'reviewed', 'publicNotice', 'objection'] as const) {
      expect(transition(from, 'grantFirst', { chain: FULL, emergency: true })).toEqual({ ok: true, to: from });
      expect(transition(from, 'grantFirst', { chain: FULL, emergency: true, grantedFirst: true })).toEqual({ ok: false, refusal: 'alreadyGranted' });
      expect(transition(from, 'grantFirst', { chain: FULL })).toEqual({ ok: false, refusal: 'notEmergency' });
    }
    for (const from of ['supplementRequested', 'approved', 'rejected', 'withdrawn'] as const) {
      expect(transition(from, 'grantFirst', { chain: FULL, emergency: true }).ok).toBe(false);
    }
  });
  it('the deadline is extended once', () => {
    expect(transition('accepted', 'extendDeadline', { chain: FULL, extended: true })).toEqual({ ok: false, refusal: 'alreadyExtended' });
  });
  it('closed cases accept nothing, and the refusal names the state', () => {
    for (const from of ['approved', 'rejected', 'withdrawn'] as const) {
      for (const a of APPLICATION_ACTIONS) expect(transition(from, a, { chain: FULL, emergency: true, noticeEnded: true }).ok).toBe(false);
    }
    expect(refusalMessage('withdrawn', 'accept', 'notAllowed')).toBe(`当前状态为「${STATUS_LABELS.withdrawn}」，不能受理`);
  });
});

describe('allowed actions per role (what the UI shows)', () => {
  it('township, county and applicant see their own actions only', () => {
    const ctx = { chain: FULL, noticeEnded: true };
    expect(allowedActions('submitted', 'township', ctx)).toEqual(['accept', 'requestSupplement']);
    expect(allowedActions('submitted', 'county', ctx)).toEqual([]);
    expect(allowedActions('submitted', 'applicant', ctx)).toEqual(['withdraw']);
    expect(allowedActions('supplementRequested', 'applicant', ctx)).toEqual(['supplement', 'withdraw']);
    expect(allowedActions('accepted', 'township', ctx)).toEqual(['recordHomeVisit']);
    expect(allowedActions('accepted', 'county', ctx)).toEqual(['reject', 'extendDeadline']);
    expect(allowedActions('publicNotice', 'county', ctx)).toEqual(['raiseObjection', 'approve', 'reject', 'extendDeadline']);
    expect(allowedActions('publicNotice', 'county', { chain: FULL, noticeEnded: false })).toEqual(['raiseObjection', 'reject', 'extendDeadline']);
    expect(allowedActions('approved', 'county', ctx)).toEqual([]);
  });
  it('every action names at least one role', () => {
    for (const a of APPLICATION_ACTIONS) expect(ACTION_ROLES[a].length).toBeGreaterThan(0);
  });
  it('pendingStep tells what is needed next', () => {
    expect(pendingStep('submitted', FULL)).toBe('accept');
    expect(pendingStep('supplementRequested', FULL)).toBe('supplement');
    expect(pendingStep('accepted', FULL)).toBe('homeVisit');
    expect(pendingStep('homeVisitRecorded', FULL)).toBe('review');
    expect(pendingStep('reviewed', FULL)).toBe('publicNotice');
    expect(pendingStep('reviewed', CHILDREN)).toBe('approve');
    expect(pendingStep('publicNotice', FULL)).toBe('approve');
    expect(pendingStep('objection', FULL)).toBe('homeVisit');
    expect(pendingStep('approved', FULL)).toBeNull();
  });
});
