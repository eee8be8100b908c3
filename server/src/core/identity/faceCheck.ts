import { createHash } from 'node:crypto';
import { normalizeIdNumber, type ErrorCode } from '@dajiuzhu/shared';
import type { FaceVerificationAnswer } from '../adapters/wechat/faceVerification';

/** A face check older than this is not accepted, whatever WeChat still answers for it. */
export const FACE_RESULT_MAX_AGE_MS = 30 * 60_000;

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * Does WeChat's answer prove this claim for this account? WeChat tells whose face it saw (openid)
 * and digests of the ID number (uppercase X) and name that were checked; they must be the
 * account's own WeChat user and exactly what the account claims. Returns the refusal, or null.
 */
export function faceCheckProblem(
  answer: FaceVerificationAnswer,
  claim: { openids: readonly string[]; idNumber: string; name: string },
  now = new Date(),
): ErrorCode | null {
  if (!claim.openids.includes(answer.openid)) return 'FACE_ACCOUNT_MISMATCH';
  if (answer.idCardNumberMd5 !== md5(normalizeIdNumber(claim.idNumber)) || answer.nameUtf8Md5 !== md5(claim.name)) return 'FACE_IDENTITY_MISMATCH';
  if (now.getTime() - answer.finishedAt.getTime() > FACE_RESULT_MAX_AGE_MS) return 'FACE_RESULT_EXPIRED';
  return null;
}
