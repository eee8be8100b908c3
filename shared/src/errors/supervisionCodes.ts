/** Error codes of 电子监察 (supervision) and 免审秒办 (autoGrant); same shape as ERROR_CODES in codes.ts. */
export const SUPERVISION_ERROR_CODES = {
  SUPERVISION_COUNTY_ONLY: { status: 403, message: '只有县级及以上民政工作人员可以使用电子监察台' },
  SUPERVISION_ACTION_NOT_ALLOWED: { status: 409, message: '该监察事项当前的状态不能进行此操作，请刷新后重试' },
  SUPERVISION_SCAN_RUNNING: { status: 409, message: '本辖区的电子监察比对正在运行，请稍后再试' },
  SUPERVISION_RELATIVE_EXISTS: { status: 409, message: '该人员已在近亲属备案中' },
  AUTO_GRANT_ALREADY_RECEIVING: { status: 409, message: '此人已在享受该项补贴，未重复发放' },
  AUTO_GRANT_NOT_ELIGIBLE: { status: 409, message: '残联数据不符合免审发放的条件' },
  AUTO_GRANT_NO_STANDARD: { status: 409, message: '该地区暂无这项补贴的标准，不能免审发放' },
  AUTO_GRANT_ENDED: { status: 409, message: '这项补贴已经停止，不能再操作' },
} as const;
