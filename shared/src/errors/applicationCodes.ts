/** Error codes of the applications domain (same shape as ERROR_CODES in codes.ts). */
export const APPLICATION_ERROR_CODES = {
  /** The message is replaced by one naming the current state (refusalMessage in applications/stateMachine). */
  APPLICATION_TRANSITION_NOT_ALLOWED: { status: 409, message: '当前办理状态不允许此操作' },
  APPLICATION_CONFLICT: { status: 409, message: '该申请刚刚已被他人处理，请刷新后查看最新状态' },
  APPLICATION_ALREADY_OPEN: { status: 409, message: '该申请人已有一份同类申请正在办理中，请勿重复申请' },
  APPLICATION_SUBMIT_IN_PROGRESS: { status: 409, message: '申请正在提交中，请稍后刷新查看' },
  /**
   * Submit refusals for the stored draft's state, not the request (which is well formed): 409, like
   * CHECK_AUTHORIZATION_OUTDATED. 400 stays for input that is wrong in itself.
   */
  APPLICATION_INCOMPLETE: { status: 409, message: '申请内容还不完整，请补充后再提交' },
  CHECK_AUTHORIZATION_REQUIRED: { status: 409, message: '请先阅读并同意《家庭经济状况核对授权书》后再提交' },
  CHECK_AUTHORIZATION_OUTDATED: { status: 409, message: '授权书内容已更新，请重新阅读并同意' },
  APPLICATION_PROFILE_REQUIRED: { status: 409, message: '请先完成实名认证，再为本人申请' },
  APPLICATION_DRAFT_SUBMITTED: { status: 409, message: '该草稿已提交，不能再修改' },
  APPLICATION_STEP_LEVEL: { status: 403, message: '该环节不属于您所在层级的职责' },
  APPLICATION_NOT_APPLICANT: { status: 403, message: '只有申请人或代办人可以执行此操作' },
  APPLICATION_AMOUNT_REQUIRED: { status: 400, message: '请填写核定的救助金额' },
  /** A file id that does not resolve to one of the caller's own files (unknown, or someone else's: indistinguishable): 404, naming the field. */
  APPLICATION_DOCUMENT_UNUSABLE: { status: 404, message: '所选材料文件不存在或不属于您' },
  /** Filing in someone else's name (帮办代办) needs the helper's own verified identity. */
  APPLICATION_HELPER_UNVERIFIED: { status: 403, message: '代他人申请前，请先完成本人实名核验' },
  /** Filings not for the filer's own verified identity, per account and day (config identity.helperFilingsPerDay). */
  APPLICATION_FILING_LIMIT: { status: 429, message: '今天代办的申请已达上限，请明天再提交' },
  /** Approval of a case whose person has another open case of the programme: staff merge or refuse it. */
  APPLICATION_DUPLICATE: { status: 409, message: '该申请人另有一份同类申请正在办理中，请合并办理或不予批准' },
  /** Only the person concerned, verified, confirms a filing made in their name. */
  APPLICATION_CONFIRM_NOT_PERSON: { status: 403, message: '只有申请人本人完成实名核验后才能确认' },
  APPLICATION_ALREADY_CONFIRMED: { status: 409, message: '该申请已确认' },
} as const;
