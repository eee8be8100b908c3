/**
 * Stable error codes: the API's contract with every client. The code never changes once
 * published; the Chinese message is what a person reads. The server throws these, one handler
 * turns them into the envelope, and the mini-program maps them back to the same text.
 */
import { WISH_ERROR_CODES } from './wishCodes';
import { APPLICATION_ERROR_CODES } from './applicationCodes';
import { LEDGER_ERROR_CODES } from './ledgerCodes';
import { MONITORING_ERROR_CODES } from './monitoringCodes';
import { RECHECK_ERROR_CODES } from './recheckCodes';
import { DONATION_ERROR_CODES } from './donationCodes';
import { SUPERVISION_ERROR_CODES } from './supervisionCodes';
import { REVIEW_ERROR_CODES } from './reviewCodes';
import { CARD_ERROR_CODES } from './cardCodes';
import { CHARITY_ERROR_CODES } from './charityCodes';

export const ERROR_CODES = {
  ...WISH_ERROR_CODES,
  ...APPLICATION_ERROR_CODES,
  ...LEDGER_ERROR_CODES,
  ...MONITORING_ERROR_CODES,
  ...RECHECK_ERROR_CODES,
  ...DONATION_ERROR_CODES,
  ...SUPERVISION_ERROR_CODES,
  ...REVIEW_ERROR_CODES,
  ...CARD_ERROR_CODES,
  ...CHARITY_ERROR_CODES,
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查后重试' },
  INVALID_JSON: { status: 400, message: '请求格式不正确' },
  INVALID_ID_NUMBER: { status: 400, message: '身份证号不正确' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  TOKEN_INVALID: { status: 401, message: '登录凭证无效，请重新登录' },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  REFRESH_TOKEN_REUSED: { status: 401, message: '检测到登录凭证被重复使用，为保护您的账号已退出登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  DEV_SIGN_IN_DISABLED: { status: 404, message: '未找到该服务' },
  NOT_FOUND: { status: 404, message: '未找到相关内容' },
  ROUTE_NOT_FOUND: { status: 404, message: '未找到该服务' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该操作' },
  CONFLICT: { status: 409, message: '操作冲突，请刷新后重试' },
  // Identity (实名核验). A claim never answers "this number is used elsewhere": no code says so.
  IDENTITY_PROFILE_REQUIRED: { status: 409, message: '请先填写实名信息，再进行实名核验' },
  IDENTITY_LOCKED: { status: 409, message: '您的实名信息已核验，姓名和身份证号不能在线修改；如需更正，请到社区或乡镇（街道）窗口核实' },
  IDENTITY_CONFLICT: { status: 409, message: '您的身份需要人工核实，请到社区或乡镇（街道）窗口核实' },
  FACE_RESULT_INVALID: { status: 400, message: '人脸核验结果无效或已使用，请重新进行人脸核验' },
  FACE_RESULT_EXPIRED: { status: 400, message: '人脸核验结果已过期，请重新进行人脸核验' },
  FACE_NOT_PASSED: { status: 400, message: '人脸核验未通过，请重新核验，或带身份证到社区或乡镇（街道）窗口核验' },
  FACE_IDENTITY_MISMATCH: { status: 400, message: '人脸核验的姓名或身份证号与您填写的实名信息不一致，请检查后重新核验' },
  FACE_ACCOUNT_MISMATCH: { status: 403, message: '该人脸核验结果不属于当前微信账号，请在本账号内重新核验' },
  DEMO_VERIFICATION_NOT_ALLOWED: { status: 403, message: '演示核验只适用于演示账号；请使用微信人脸核验，或带身份证到社区或乡镇（街道）窗口核验' },
  POLICY_PERIOD_IN_PAST: { status: 409, message: '新标准的生效日期不能早于今天：已经过去的标准不能改变' },
  POLICY_PERIOD_CONFLICT: { status: 409, message: '该地区在这一天已有生效的标准' },
  INVITATION_USED: { status: 409, message: '该邀请码已被使用' },
  INVITATION_INVALID: { status: 404, message: '邀请码不存在或已失效' },
  PERSON_NOT_FOUND: { status: 404, message: '未找到该人员' },
  SELF_DEACTIVATION: { status: 409, message: '不能停用自己的账号身份，请由另一位管理员操作' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  FILE_TOO_LARGE: { status: 413, message: '文件太大，请压缩后重新上传' },
  FILE_MISSING: { status: 400, message: '请选择要上传的文件' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: '只能上传照片（JPG、PNG、WebP）或 PDF 文件' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已使用，请重新进入小程序' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信登录请求太频繁，请稍后再试' },
  WECHAT_HIGH_RISK_USER: { status: 403, message: '您的微信账号存在风险，暂时无法登录，请联系微信客服' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  // Fail safe (issue 9): every refusal, including the HTTP layer's own, in the one envelope.
  DATABASE_UNAVAILABLE: { status: 503, message: '数据服务暂时不可用，请稍后再试' },
  MULTIPART_INVALID: { status: 400, message: '上传的内容不完整或格式不正确，请重新上传' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  REQUEST_TIMEOUT: { status: 408, message: '请求超时，请重试' },
  URI_TOO_LONG: { status: 414, message: '请求地址过长' },
  HEADERS_TOO_LARGE: { status: 431, message: '请求头过大' },
  UPLOAD_LIMIT_REACHED: { status: 429, message: '今天上传的文件数量已达上限，请明天再试' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export function messageFor(code: string): string {
  return (ERROR_CODES as Record<string, { message: string }>)[code]?.message ?? ERROR_CODES.INTERNAL.message;
}
