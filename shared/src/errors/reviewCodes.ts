/** Error codes of 复查/异议 (reviewRequest; same shape as ERROR_CODES in codes.ts). */
export const REVIEW_ERROR_CODES = {
  REVIEW_SUBJECT_NOT_FOUND: { status: 404, message: '未找到该决定' },
  REVIEW_NOT_REVIEWABLE: { status: 409, message: '只能对不予批准、减发或停发的决定申请复查' },
  REVIEW_PERIOD_OVER: { status: 409, message: '已超过申请复查的期限；如有异议，请到乡镇（街道）窗口或拨打 12345 反映' },
  REVIEW_ALREADY_REQUESTED: { status: 409, message: '这项决定已经申请过复查，请查看办理进度' },
  REVIEW_ACTION_NOT_ALLOWED: { status: 409, message: '该复查申请当前的状态不能进行此操作，请刷新后重试' },
  REVIEW_COUNTY_ONLY: { status: 403, message: '该复查申请已逾期上交县级民政部门办理' },
  REVIEW_IDENTITY_REQUIRED: { status: 409, message: '请先完成实名核验，再申请复查' },
} as const;
