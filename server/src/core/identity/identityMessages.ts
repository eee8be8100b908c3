import type { IdentityStatusView, VerificationMethod } from '@dajiuzhu/shared';
import type { Verifier } from './verifiers';

/** What `GET /me/identity` tells the person: where they stand and what to do next. */
const HOW_TO_VERIFY: Record<Verifier, string> = {
  wechat: '请进行微信人脸核验，或带身份证到社区或乡镇（街道）窗口核验',
  demo: '演示环境：演示账号可使用“演示核验”；其他账号请带身份证到社区或乡镇（街道）窗口核验',
};

const VERIFIED: Record<VerificationMethod, string> = {
  face: '已通过实名核验（微信人脸核身）',
  inPerson: '已通过实名核验（工作人员当面核验证件）',
  demo: '演示核验：仅用于演示账号，不是真实的实名核验',
};

export function identityMessage(verifier: Verifier, status: IdentityStatusView['status'], opts: { method?: VerificationMethod; superseded?: boolean }): string {
  if (status === 'noProfile') return '请先填写实名信息，再进行实名核验';
  if (status === 'verified') return VERIFIED[opts.method ?? 'face'];
  if (opts.superseded) return `您填写的身份证号已由本人在另一个账号完成核验。如果这是您的身份证号，${HOW_TO_VERIFY[verifier]}`;
  return `您填写的实名信息尚未核验。核验前，您只能看到自己提交的内容。${HOW_TO_VERIFY[verifier]}`;
}
