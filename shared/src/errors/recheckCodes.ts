/** Error codes of 动态管理: rechecks, exits, change reports, yearly confirmations (same shape as ERROR_CODES in codes.ts). */
export const RECHECK_ERROR_CODES = {
  RECHECK_NOT_FOUND: { status: 404, message: '未找到该复核任务' },
  RECHECK_ACTION_NOT_ALLOWED: { status: 409, message: '该复核当前的状态不能进行此操作（请先完成数据核对），请刷新后重试' },
  RECHECK_CHANGED: { status: 409, message: '该复核刚刚被其他人处理，请刷新后重试' },
  RECHECK_REASONS_REQUIRED: { status: 400, message: '停止或调整保障必须逐条写明理由' },
  RECHECK_DECISION_INVALID: { status: 400, message: '请完整填写复核结论：调整金额需要新的月金额和起始月份' },
  RECHECK_FROM_MONTH_INVALID: { status: 409, message: '调整的起始月份不能早于本月，也不能早于待遇开始的月份' },
  RECHECK_ENTITLEMENT_NOT_FOUND: { status: 404, message: '未找到该救助待遇' },
  RECHECK_ENTITLEMENT_ENDED: { status: 409, message: '该救助待遇已终止' },
  RECHECK_CHANGE_KEY_REUSED: { status: 409, message: '同一请求编号已用于另一项变更' },
  RECHECK_CONFIRMATION_CLOSED: { status: 409, message: '本年度的确认尚未开始，或该待遇无需年度确认' },
  RECHECK_LETTER_NOT_FOUND: { status: 404, message: '未找到该告知书' },
} as const;
