import { ACTION_LABELS, formatYuanText, programmeName, type ApplicationAction, type ApplicationStatus, STATUS_LABELS } from '@dajiuzhu/shared';

/**
 * Every text the people of a case receive (站内消息 and the subscribe message's title). One place,
 * so wording stays consistent; programme names come from the one programme table and amounts from
 * the one money formatter.
 */
export interface CaseMessage {
  title: string;
  body: string;
  /**
   * What a filer who is not the person (a helper, or an account not verified as the applicant) is
   * told instead of `body`: the same news without the benefit (amounts, start month, recheck date).
   * Absent when `body` tells no benefit.
   */
  filerBody?: string;
}

const of = (programme: string) => programmeName(programme);
/** Why the filer's message names no amount. */
const BENEFIT_FOR_PERSON = '救助金额等待遇信息只告知申请人本人（已实名核验）。';
const approvedForFiler = (programme: string) => `${of(programme)}申请已批准。${BENEFIT_FOR_PERSON}`;

export const MESSAGES = {
  submitted: (programme: string): CaseMessage => ({ title: '申请已提交', body: `您的${of(programme)}申请已提交，等待乡镇（街道）受理。` }),
  confirmed: (programme: string): CaseMessage => ({ title: '申请人已确认', body: `代为提交的${of(programme)}申请已由申请人本人确认。` }),
  withdrawn: (programme: string): CaseMessage => ({ title: '申请已撤回', body: `${of(programme)}申请已撤回。如需帮助，可重新申请。` }),
  supplemented: (programme: string): CaseMessage => ({ title: '补正材料已提交', body: `${of(programme)}申请的补正材料已提交，等待乡镇（街道）受理。` }),
  accepted: (programme: string, homeVisitDueOn: string | null): CaseMessage => ({
    title: '申请已受理',
    body: `${of(programme)}申请已受理。${homeVisitDueOn ? `工作人员将在${homeVisitDueOn}前入户调查。` : ''}`,
  }),
  supplementRequested: (programme: string, missing: string[]): CaseMessage => ({ title: '请补正申请材料', body: `${of(programme)}申请需要补充以下材料：${missing.join('、')}。` }),
  homeVisitRecorded: (programme: string): CaseMessage => ({ title: '已完成入户调查', body: `${of(programme)}申请已完成入户调查，等待乡镇（街道）审核。` }),
  reviewed: (programme: string, publicNoticeNext: boolean): CaseMessage => ({
    title: '乡镇（街道）已审核',
    body: `${of(programme)}申请已通过乡镇（街道）审核，${publicNoticeNext ? '接下来将进行公示。' : '等待县级民政部门审批。'}`,
  }),
  publicNoticeStarted: (programme: string, endsOn: string): CaseMessage => ({
    title: '申请进入公示',
    body: `${of(programme)}申请正在公示，公示期至${endsOn}。公示只显示姓氏、家庭人数、金额和地区。`,
  }),
  objectionRaised: (programme: string): CaseMessage => ({ title: '公示期间收到异议', body: `${of(programme)}申请公示期间收到异议，工作人员将重新调查核实，之后重新公示。` }),
  approvedMonthly: (programme: string, amountFen: number, startMonth: string, nextRecheckOn: string | null): CaseMessage => ({
    title: '申请已批准',
    body: `${of(programme)}申请已批准，自${startMonth}起每月发放${formatYuanText(amountFen)}。${nextRecheckOn ? `下次复核：${nextRecheckOn}。` : ''}`,
    filerBody: approvedForFiler(programme),
  }),
  approvedOneOff: (programme: string, amountFen: number): CaseMessage => ({
    title: '申请已批准',
    body: `${of(programme)}申请已批准，一次性发放${formatYuanText(amountFen)}。`,
    filerBody: approvedForFiler(programme),
  }),
  rejected: (programme: string, reasons: string): CaseMessage => ({
    title: '申请未获批准',
    body: `${of(programme)}申请未获批准。理由：${reasons}。如有异议，可依法申请行政复议或提起行政诉讼。`,
  }),
  grantedFirst: (programme: string, amountFen: number): CaseMessage => ({
    title: '已先行救助',
    body: `已先行发放${of(programme)}${formatYuanText(amountFen)}，后续手续将继续办理。`,
    filerBody: `${of(programme)}申请已先行救助，后续手续将继续办理。${BENEFIT_FOR_PERSON}`,
  }),
  deadlineExtended: (programme: string, overallDueOn: string | null, reason: string): CaseMessage => ({
    title: '办理时限已延长',
    body: `${of(programme)}申请的办理时限延长至${overallDueOn}。原因：${reason}`,
  }),
  /** For an action that names no message of its own. */
  statusChanged: (programme: string, action: ApplicationAction, to: ApplicationStatus): CaseMessage => ({ title: ACTION_LABELS[action], body: `您的${of(programme)}申请：${STATUS_LABELS[to]}。` }),
} as const;

/** Who handles a step, as the refusal of a step taken at the wrong level names them. */
export const ROLE_NAMES = { township: '乡镇（街道）', county: '县级民政部门', applicant: '申请人' } as const;

/** The note on the submit event of an application filed by a helper (帮办代办). */
export const helperFilingNote = (relation: string) => `由${relation}代为申请`;
