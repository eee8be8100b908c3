import { formatYuanText, programmeName } from '@dajiuzhu/shared';

/** What the household reads (in-app messages and the letter's titles). */
export const MESSAGES = {
  adjusted: (programme: string, fromMonth: string, amountFen: number) => ({
    title: `${programmeName(programme)}金额调整`,
    body: `经复核，您的${programmeName(programme)}自${fromMonth}起调整为每月${formatYuanText(amountFen)}。调整理由见《告知书》，如有异议可申请复查。`,
  }),
  stopped: (programme: string, endFromMonth: string, phaseOutMonths: number) => ({
    title: `${programmeName(programme)}停止发放告知`,
    body: `经复核，您的${programmeName(programme)}自${endFromMonth}起停止发放${phaseOutMonths ? `（含${phaseOutMonths}个月渐退期）` : ''}。停止理由见《告知书》，如有异议可申请复查。`,
  }),
  letterTitle: (programme: string, kind: 'stop' | 'adjust') => `${programmeName(programme)}${kind === 'stop' ? '停止保障' : '调整保障金额'}告知书`,
};

export const DEATH_REASON = (source: string, date: string) => `${source}：${date} 登记死亡，自下一次发放起暂停发放`;
export const DEMO_NOTE = '（演示数据）';
