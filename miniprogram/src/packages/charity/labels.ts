import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import type { CharityProjectStatus, DonationStatusName } from '@dajiuzhu/shared';
import type { Tone } from '../../styles/tokens';

/** Words and tones of 慈善筹 statuses (docs/charity.md "Screens"); the server's statuses are the keys. */
export const PROJECT_STATUS: Record<CharityProjectStatus, { label: string; tone: Tone }> = {
  draft: { label: '草稿', tone: 'neutral' },
  pendingReview: { label: '审核中', tone: 'warning' },
  returned: { label: '已退回', tone: 'danger' },
  published: { label: '募捐中', tone: 'primary' },
  closed: { label: '已结束', tone: 'success' },
  cancelled: { label: '已取消', tone: 'neutral' },
};

export const DONATION_STATUS: Record<DonationStatusName, { label: string; tone: Tone }> = {
  pending: { label: '待支付', tone: 'warning' },
  paid: { label: '已到账', tone: 'success' },
  closed: { label: '未支付，已关闭', tone: 'neutral' },
  flagged: { label: '金额异常，核查中', tone: 'danger' },
  refunding: { label: '退款中', tone: 'warning' },
  refunded: { label: '已退款', tone: 'neutral' },
};

export const SPENDING_KIND_LABELS = { general: '项目支出', cash: '现金救助到人', inKind: '实物救助到人' } as const;
export const REPORT_KIND_LABELS = { progress: '进展报告', final: '结项报告' } as const;

/** Regions offered as filters and project regions in the demo story's cities (any 6/9-digit code is accepted by the API). */
export const REGION_CHOICES = [
  { value: '371400', label: '德州市' },
  { value: '371402', label: '德城区' },
  { value: '371402001', label: '新华街道' },
  { value: '371500', label: '聊城市' },
  { value: '371502', label: '东昌府区' },
];

/** What an action is called on a button (the server lists the ones allowed now in `allowedActions`). */
export const ACTION_LABELS = {
  edit: '修改', submit: '提交审核', approve: '审核通过', return: '退回修改', close: '结束募捐', cancel: '取消项目',
  recordSpending: '记录支出', fileReport: '提交报告', pledge: '承诺配捐', donate: '捐赠',
} as const;

/** The Shanghai calendar day of a server timestamp (never the UTC date: 00:30 in 北京 is still "yesterday" in UTC). */
export const dayOf = (iso: string): string => shanghaiDate(new Date(iso));
