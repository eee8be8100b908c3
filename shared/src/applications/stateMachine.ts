/**
 * The one state machine of an application (shape of 民发〔2021〕57号, configured per programme):
 *
 *   submitted ─accept─▶ accepted ─recordHomeVisit─▶ homeVisitRecorded ─review─▶ reviewed
 *      │  ▲                                                                        │
 *      │  └─supplement── supplementRequested ◀─requestSupplement─┘ (from submitted) │
 *      ▼                                                                            ▼
 *   reviewed ─startPublicNotice─▶ publicNotice ─approve (after the notice)─▶ approved
 *                                    │  ─raiseObjection─▶ objection ─(reopen investigation)─▶ homeVisitRecorded …
 *   any open state ─reject (county)─▶ rejected;  ─withdraw (applicant)─▶ withdrawn
 *   grantFirst (先行救助, emergency temporary aid) and extendDeadline keep the state and set a flag.
 *
 * A programme's chain names the steps it has (accept and approve always); a step that is left out
 * is skipped, e.g. children's programmes have no publicNotice. Services call `transition`; the UI
 * calls `allowedActions` to show only what the role may do now.
 */

export const APPLICATION_STATUSES = [
  'submitted', 'supplementRequested', 'accepted', 'homeVisitRecorded', 'reviewed', 'publicNotice', 'objection', 'approved', 'rejected', 'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const CHAIN_STEPS = ['accept', 'homeVisit', 'review', 'publicNotice', 'approve'] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

export const APPLICATION_ACTIONS = [
  'accept', 'requestSupplement', 'supplement', 'recordHomeVisit', 'review', 'startPublicNotice', 'raiseObjection', 'approve', 'reject', 'withdraw', 'grantFirst', 'extendDeadline',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** applicant = the person who filed or the person concerned; township/county = staff of that level. */
export type ActorRole = 'applicant' | 'township' | 'county';

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '已提交，待受理',
  supplementRequested: '待补正材料',
  accepted: '已受理，待入户调查',
  homeVisitRecorded: '已入户调查，待审核',
  reviewed: '乡镇（街道）已审核',
  publicNotice: '公示中',
  objection: '公示有异议，重新调查',
  approved: '已批准',
  rejected: '未批准',
  withdrawn: '已撤回',
};

/**
 * What a timeline entry may record: the state machine's actions, the submit, and the person's
 * confirmation of a filing made in their name (帮办代办), which changes no state.
 */
export type TimelineAction = ApplicationAction | 'submit' | 'confirmApplicant';

export const ACTION_LABELS: Record<TimelineAction, string> = {
  submit: '提交申请',
  confirmApplicant: '申请人本人确认',
  accept: '受理',
  requestSupplement: '要求补正材料',
  supplement: '补交材料',
  recordHomeVisit: '登记入户调查',
  review: '审核',
  startPublicNotice: '开始公示',
  raiseObjection: '登记公示异议',
  approve: '审批通过',
  reject: '不予批准',
  withdraw: '撤回申请',
  grantFirst: '先行救助',
  extendDeadline: '延长办理时限',
};

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = ['approved', 'rejected', 'withdrawn'];
export function isTerminal(status: ApplicationStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** Who may take each action. */
export const ACTION_ROLES: Record<ApplicationAction, readonly ActorRole[]> = {
  accept: ['township'],
  requestSupplement: ['township'],
  supplement: ['applicant'],
  recordHomeVisit: ['township'],
  review: ['township'],
  startPublicNotice: ['township'],
  raiseObjection: ['township', 'county'],
  approve: ['county'],
  reject: ['county'],
  withdraw: ['applicant'],
  grantFirst: ['township', 'county'],
  extendDeadline: ['county'],
};

const STEP_ACTION: Record<ChainStep, ApplicationAction> = {
  accept: 'accept', homeVisit: 'recordHomeVisit', review: 'review', publicNotice: 'startPublicNotice', approve: 'approve',
};
const STATE_AFTER: Record<ChainStep, ApplicationStatus> = {
  accept: 'accepted', homeVisit: 'homeVisitRecorded', review: 'reviewed', publicNotice: 'publicNotice', approve: 'approved',
};

/** Facts about the case that some transitions depend on. */
export interface MachineContext {
  chain: readonly ChainStep[];
  /** The 7-day public notice has run its course (approve waits for it). */
  noticeEnded?: boolean;
  /** Emergency temporary aid (急难型临时救助): may be granted first. */
  emergency?: boolean;
  grantedFirst?: boolean;
  extended?: boolean;
}

export type TransitionRefusal = 'notAllowed' | 'noticeRunning' | 'notEmergency' | 'alreadyGranted' | 'alreadyExtended';
export type TransitionResult = { ok: true; to: ApplicationStatus } | { ok: false; refusal: TransitionRefusal };

/** A chain is usable when it starts with accept, ends with approve and keeps the legal order. */
export function findChainProblem(chain: readonly string[]): string | null {
  if (chain[0] !== 'accept') return '第一步必须是受理（accept）';
  if (chain[chain.length - 1] !== 'approve') return '最后一步必须是审批（approve）';
  let last = -1;
  for (const step of chain) {
    const i = CHAIN_STEPS.indexOf(step as ChainStep);
    if (i < 0) return `未知步骤 ${step}`;
    if (i <= last) return `步骤 ${step} 重复或顺序不对`;
    last = i;
  }
  if (!chain.includes('review')) return '必须包含乡镇（街道）审核（review）';
  return null;
}

/** The state from which a chain step's action starts. */
function stateBefore(chain: readonly ChainStep[], step: ChainStep): ApplicationStatus {
  const i = chain.indexOf(step);
  return i <= 0 ? 'submitted' : STATE_AFTER[chain[i - 1]];
}

/** The investigation step an objection reopens: the one right after acceptance. */
function reopenStep(chain: readonly ChainStep[]): ChainStep {
  return chain[1] ?? 'review';
}

const OPEN_AFTER_ACCEPT: readonly ApplicationStatus[] = ['accepted', 'homeVisitRecorded', 'reviewed', 'publicNotice', 'objection'];

export function transition(from: ApplicationStatus, action: ApplicationAction, ctx: MachineContext): TransitionResult {
  const no = (refusal: TransitionRefusal = 'notAllowed'): TransitionResult => ({ ok: false, refusal });
  if (isTerminal(from)) return no();
  const chain = ctx.chain;
  switch (action) {
    case 'requestSupplement':
      return from === 'submitted' ? { ok: true, to: 'supplementRequested' } : no();
    case 'supplement':
      return from === 'supplementRequested' ? { ok: true, to: 'submitted' } : no();
    case 'withdraw':
      return { ok: true, to: 'withdrawn' };
    case 'reject':
      return OPEN_AFTER_ACCEPT.includes(from) ? { ok: true, to: 'rejected' } : no();
    case 'raiseObjection':
      return from === 'publicNotice' ? { ok: true, to: 'objection' } : no();
    case 'grantFirst':
      if (from === 'supplementRequested') return no();
      if (!ctx.emergency) return no('notEmergency');
      if (ctx.grantedFirst) return no('alreadyGranted');
      return { ok: true, to: from };
    case 'extendDeadline':
      if (!OPEN_AFTER_ACCEPT.includes(from)) return no();
      if (ctx.extended) return no('alreadyExtended');
      return { ok: true, to: from };
    default: {
      const step = (Object.keys(STEP_ACTION) as ChainStep[]).find((s) => STEP_ACTION[s] === action);
      if (!step || !chain.includes(step)) return no();
      const fromOk = from === stateBefore(chain, step) || (from === 'objection' && step === reopenStep(chain));
      if (!fromOk) return no();
      if (step === 'approve' && from === 'publicNotice' && !ctx.noticeEnded) return no('noticeRunning');
      return { ok: true, to: STATE_AFTER[step] };
    }
  }
}

/** The actions a role may take now: what the UI shows as buttons. */
export function allowedActions(status: ApplicationStatus, role: ActorRole, ctx: MachineContext): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((a) => ACTION_ROLES[a].includes(role) && transition(status, a, ctx).ok);
}

/** The step the case waits for now (for "what is needed next"), or null when closed. */
export function pendingStep(status: ApplicationStatus, chain: readonly ChainStep[]): ChainStep | 'supplement' | null {
  if (isTerminal(status)) return null;
  if (status === 'supplementRequested') return 'supplement';
  if (status === 'objection') return reopenStep(chain);
  return chain.find((s) => transition(status, STEP_ACTION[s], { chain, noticeEnded: true }).ok) ?? null;
}

export const STEP_LABELS: Record<ChainStep | 'supplement', string> = {
  accept: '乡镇（街道）受理',
  homeVisit: '入户调查',
  review: '乡镇（街道）审核',
  publicNotice: '公示',
  approve: '县级民政部门审批',
  supplement: '申请人补正材料',
};

/** The Chinese sentence of a refused transition, naming the current state. */
export function refusalMessage(from: ApplicationStatus, action: TimelineAction, refusal: TransitionRefusal): string {
  const state = STATUS_LABELS[from];
  switch (refusal) {
    case 'noticeRunning':
      return `当前状态为「${state}」，公示期结束后才能${ACTION_LABELS[action]}`;
    case 'notEmergency':
      return `当前状态为「${state}」，只有急难型临时救助可以先行救助`;
    case 'alreadyGranted':
      return `当前状态为「${state}」，该申请已先行救助，不能重复发放`;
    case 'alreadyExtended':
      return `当前状态为「${state}」，办理时限已延长过，不能再次延长`;
    default:
      return `当前状态为「${state}」，不能${ACTION_LABELS[action]}`;
  }
}
