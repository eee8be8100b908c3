import Taro from '@tarojs/taro';
import type { IdentityStatusView } from '@dajiuzhu/shared';
import { ApiError, request } from './request';

/** 实名核验: where the account stands (GET /me/identity) and the two ways a person proves it from the phone. */
export const getIdentity = () => request<IdentityStatusView>({ path: '/api/v1/me/identity' });

/** Development only (the server offers it when its verifier is 'demo'), and only for the demo accounts. */
export const verifyDemo = () => request<IdentityStatusView>({ method: 'POST', path: '/api/v1/me/identity/demo-verification' });

export const submitFaceResult = (verifyResult: string) =>
  request<IdentityStatusView>({ method: 'POST', path: '/api/v1/me/identity/face-verification', body: { verifyResult } });

/** WeChat's code for "the user cancelled" (90100); older clients only say so in errMsg. */
function cancelled(e: unknown): boolean {
  const err = e as { errCode?: number; errMsg?: string } | null;
  return err?.errCode === 90100 || /cancel/i.test(String(err?.errMsg ?? ''));
}

/**
 * weapp: WeChat's real-name face check with the claimed name and ID number, then the server
 * confirms its verifyResult with WeChat (it compares the openid and the digests of name and number).
 * The raw number is passed straight through and never stored on the phone. Null when the person
 * closed the face check (nothing to report).
 */
export async function verifyByFace(name: string, idCardNumber: string): Promise<IdentityStatusView | null> {
  let verifyResult: string;
  try {
    ({ verifyResult } = await Taro.startFacialRecognitionVerify({ name, idCardNumber }));
  } catch (e) {
    if (cancelled(e)) return null;
    throw new ApiError({ status: 0, code: 'FACE_NOT_COMPLETED', message: '人脸核验未完成，请重试，或带身份证到社区或乡镇（街道）窗口核验' });
  }
  return submitFaceResult(verifyResult);
}
