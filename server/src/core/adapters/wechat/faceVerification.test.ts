import { createHash } from 'node:crypto';
import { startFakeWechatFace, type FakeWechatFace } from '../../../../../test/support/fakeWechatFace';
import { AppError } from '../../errors/AppError';
import { createFaceVerificationClient } from './faceVerification';
import { faceCheckProblem } from '../../identity/faceCheck';

const md5 = (t: string) => createHash('md5').update(t, 'utf8').digest('hex');
const CHECK = { openid: 'o-face', idNumber: '11010519491231002x', name: '王建国' };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
}

describe('WeChat face verification adapter (against the local fake of WeChat)', () => {
  let fake: FakeWechatFace;
  beforeAll(async () => { fake = await startFakeWechatFace(); });
  afterAll(() => fake.stop());
  const client = () => createFaceVerificationClient({ appId: 'wxapp', appSecret: 'secret', apiBaseUrl: fake.baseUrl, timeoutMs: 500 });

  it('answers with the openid and the digests of the checked ID number (uppercase X) and name; one token for many checks', async () => {
    const c = client();
    const tokensBefore = fake.calls.filter((x) => x.path === '/cgi-bin/token').length;
    const answer = await c.check(fake.issue(CHECK));
    expect(answer).toEqual({ openid: 'o-face', idCardNumberMd5: md5('11010519491231002X'), nameUtf8Md5: md5('王建国'), finishedAt: expect.any(Date) });
    await c.check(fake.issue(CHECK));
    expect(fake.calls.filter((x) => x.path === '/cgi-bin/token').length).toBe(tokensBefore + 1);
    expect(fake.calls.at(-1)).toMatchObject({ path: '/cityservice/face/identify/getinfo', verifyResult: expect.stringMatching(/^vr-/) });
  });

  it('fetches a new token once when WeChat says the cached one is invalid', async () => {
    const c = client();
    await c.check(fake.issue(CHECK));
    fake.expireTokens();
    await expect(c.check(fake.issue(CHECK))).resolves.toMatchObject({ openid: 'o-face' });
  });

  it.each([
    ['invalid', 'FACE_RESULT_INVALID'],
    ['expired', 'FACE_RESULT_EXPIRED'],
    ['notPassed', 'FACE_NOT_PASSED'],
    ['systemError', 'WECHAT_UNAVAILABLE'],
    ['broken', 'WECHAT_UNAVAILABLE'],
    ['slow', 'WECHAT_UNAVAILABLE'],
  ] as const)('maps the %s answer to %s', async (outcome, code) => {
    expect(await codeOf(client().check(fake.issue({ ...CHECK, outcome })))).toBe(code);
  });

  it('maps wrong credentials and an unreachable WeChat to WECHAT_UNAVAILABLE', async () => {
    const noSecret = createFaceVerificationClient({ appId: 'wxapp', appSecret: '', apiBaseUrl: fake.baseUrl, timeoutMs: 500 });
    expect(await codeOf(noSecret.check(fake.issue(CHECK)))).toBe('WECHAT_UNAVAILABLE');
    const nowhere = createFaceVerificationClient({ appId: 'wxapp', appSecret: 'secret', apiBaseUrl: 'http://127.0.0.1:1', timeoutMs: 300 });
    expect(await codeOf(nowhere.check('vr-x'))).toBe('WECHAT_UNAVAILABLE');
  });
});

describe('faceCheckProblem: does WeChat’s answer prove this claim for this account?', () => {
  const answer = { openid: 'o-1', idCardNumberMd5: md5('11010519491231002X'), nameUtf8Md5: md5('王建国'), finishedAt: new Date() };
  const claim = { openids: ['o-1'], idNumber: '11010519491231002X', name: '王建国' };

  it('accepts the account’s own face check of exactly its claim (a lowercase x claimed is the same number)', () => {
    expect(faceCheckProblem(answer, claim)).toBeNull();
    expect(faceCheckProblem(answer, { ...claim, idNumber: '11010519491231002x' })).toBeNull();
  });
  it('refuses another WeChat user, another number or name, and an old check', () => {
    expect(faceCheckProblem(answer, { ...claim, openids: ['o-2'] })).toBe('FACE_ACCOUNT_MISMATCH');
    expect(faceCheckProblem(answer, { ...claim, openids: [] })).toBe('FACE_ACCOUNT_MISMATCH');
    expect(faceCheckProblem(answer, { ...claim, idNumber: '110105194912310021' })).toBe('FACE_IDENTITY_MISMATCH');
    expect(faceCheckProblem(answer, { ...claim, name: '王建' })).toBe('FACE_IDENTITY_MISMATCH');
    expect(faceCheckProblem({ ...answer, finishedAt: new Date(Date.now() - 31 * 60_000) }, claim)).toBe('FACE_RESULT_EXPIRED');
  });
});
