import { checkCharFor, type IdentityStatusView, type ProfileInput } from '@dajiuzhu/shared';
import type { Stack } from './stack';
import { client, type HttpResult } from './http';
import type { FaceCheck, FaceOutcome } from './fakeWechatFace';

/**
 * Verifying people in tests the way the product does: the account's claim goes through the real
 * `POST /me/identity/face-verification`, and the server confirms it with (this stack's fake of)
 * WeChat's face-verification API. Nothing is written to the database behind the API's back.
 */

/** What the phone's face check would be for this account: its WeChat user and exactly what it claimed. */
async function claimedCheck(stack: Stack, accessToken: string): Promise<FaceCheck> {
  const me = await client(stack.baseUrl).get('/api/v1/me', accessToken);
  if (me.status !== 200) throw new Error(`verifyIdentity: /me answered ${me.status}`);
  const userId = me.body.id as string;
  const profile = await stack.app.services.profiles.findById(userId);
  if (!profile) throw new Error('verifyIdentity: the account has no profile (PUT /api/v1/me/profile first)');
  const openid = await stack.app.services.users.openidOf(userId);
  if (!openid) throw new Error('verifyIdentity: the account has no sign-in identity');
  return { openid, idNumber: stack.app.services.pii.decrypt(profile.idNumberCipher), name: profile.name };
}

/**
 * Calls the face-verification endpoint with a verifyResult the fake WeChat answers for; `change`
 * scripts a different face check (another person's number, another WeChat user, an outcome).
 * Returns the raw answer, for tests of refusals.
 */
export async function tryFaceVerification(stack: Stack, accessToken: string, change: Partial<FaceCheck> & { outcome?: FaceOutcome } = {}): Promise<HttpResult<any>> {
  const verifyResult = stack.wechatFace.issue({ ...(await claimedCheck(stack, accessToken)), ...change });
  return client(stack.baseUrl).post('/api/v1/me/identity/face-verification', { verifyResult }, accessToken);
}

/** Verifies the account's claimed identity (WeChat face check, fake server); throws unless it is verified. */
export async function verifyIdentity(stack: Stack, accessToken: string): Promise<IdentityStatusView> {
  const res = await tryFaceVerification(stack, accessToken);
  if (res.status !== 200 || res.body.status !== 'verified') throw new Error(`verifyIdentity: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as IdentityStatusView;
}

let serial = 0;
/** A valid ID number no other call of this helper hands out in the process (born 1950–1959 on 15 March). */
export function freshIdNumber(): string {
  serial += 1;
  const first17 = `371402${1950 + (Math.floor(serial / 1000) % 10)}0315${String(serial % 1000).padStart(3, '0')}`;
  return first17 + checkCharFor(first17);
}

/**
 * Signs in (development sign-in), saves the profile and verifies it: a resident whose identity is
 * proven. Missing profile fields get defaults (a fresh ID number each time).
 */
export async function verifiedResident(stack: Stack, openid: string, profile: Partial<ProfileInput> = {}) {
  const api = client(stack.baseUrl);
  const session = await api.signIn(openid);
  const input: ProfileInput = { name: '王秀英', idNumber: freshIdNumber(), phone: '13900001234', hukou: 'urban', regionCode: '371402001', ...profile };
  const saved = await api.put('/api/v1/me/profile', input, session.accessToken);
  if (saved.status !== 200) throw new Error(`verifiedResident: profile ${saved.status} ${JSON.stringify(saved.body)}`);
  await verifyIdentity(stack, session.accessToken);
  return { accessToken: session.accessToken, refreshToken: session.refreshToken, userId: session.user.id, user: session.user, idNumber: input.idNumber };
}
