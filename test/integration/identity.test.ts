import { checkCharFor } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { tryFaceVerification, verifiedResident, verifyIdentity } from '../support/identity';
import { seedDemoData } from '../../server/src/core/seed/demo';

/**
 * The identity model (docs/security.md, "Identity"): a profile is a claim; only a verified
 * identity (WeChat face check, staff in person, the demo verifier in development) links an account
 * to a person. Real HTTP, real database, WeChat's face API played by a local fake server.
 */
const id = (first17: string) => first17 + checkCharFor(first17);
const PROFILE = { name: '张秀兰', phone: '13912345678', hukou: 'urban', regionCode: '371402001' } as const;

let stack: Stack;
let api: ReturnType<typeof client>;
beforeAll(async () => { stack = await startStack(); api = client(stack.baseUrl); });
afterAll(() => stack.stop());

const blind = (idNumber: string) => stack.app.services.pii.blindIndex(idNumber);
const audits = (action: string, subjectId?: string) => stack.app.models.Audit.countDocuments({ action, ...(subjectId ? { subjectId } : {}) });
async function claimant(openid: string, idNumber: string, extra: Record<string, string> = {}) {
  const s = await api.signIn(openid);
  const res = await api.put('/api/v1/me/profile', { ...PROFILE, idNumber, ...extra }, s.accessToken);
  return { token: s.accessToken, userId: s.user.id, res };
}
/** The answer without what differs per request or per person by design (ids, times, the typed name). */
const shape = (body: any) => JSON.stringify(body, (k, v) => (['id', 'createdAt', 'savedAt', 'requestId'].includes(k) ? typeof v : v));

describe('a claim is not an identity, and answers nothing about other accounts', () => {
  it('a stranger typing a verified person’s number gets the same answers as with a free number, and is linked to nothing', async () => {
    const owner = await verifiedResident(stack, 'i-owner', { ...PROFILE, idNumber: id('37140219500101001') });
    const claimedElsewhere = await claimant('i-claimer', id('37140219500101002'));
    expect(claimedElsewhere.res.status).toBe(200);

    const taken = await claimant('i-stranger-1', owner.idNumber);
    const claimed = await claimant('i-stranger-2', id('37140219500101002'));
    const free = await claimant('i-stranger-3', id('37140219500101003'));
    for (const r of [taken.res, claimed.res, free.res]) expect(r.status).toBe(200);
    // Same status and the same body shape: only the masked number itself differs.
    const masked = (b: any) => shape({ ...b, profile: { ...b.profile, idNumberMasked: 'x', birthDate: 'x', sex: 'x' } });
    expect(masked(taken.res.body)).toBe(masked(free.res.body));
    expect(masked(claimed.res.body)).toBe(masked(free.res.body));
    for (const s of [taken, claimed, free]) {
      const status = await api.get('/api/v1/me/identity', s.token);
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({ status: 'unverified', superseded: false, demo: false, verifier: 'wechat' });
      expect(status.body.verification).toBeUndefined();
    }
    expect(shape((await api.get('/api/v1/me/identity', taken.token)).body)).toBe(shape((await api.get('/api/v1/me/identity', free.token)).body));

    // Linked to nothing: the one interface every domain asks says so.
    expect(await stack.app.services.identity.verifiedBlindIndexOf(taken.userId)).toBeNull();
    expect(await stack.app.services.identity.isVerified(taken.userId)).toBe(false);
    const owners = await stack.app.services.identity.verifiedUserIdsByBlindIndex([blind(owner.idNumber), blind(id('37140219500101002'))]);
    expect([...owners.entries()]).toEqual([[blind(owner.idNumber), owner.userId]]);
    const inRegion: string[] = [];
    for await (const p of stack.app.services.profiles.streamInRegion('371402')) inRegion.push(p.userId);
    expect(inRegion).toContain(owner.userId);
    expect(inRegion).not.toContain(taken.userId);
    expect(inRegion).not.toContain(claimed.userId);
    // The owner is untouched: still verified, and may save their profile again.
    expect((await api.put('/api/v1/me/profile', { ...PROFILE, idNumber: owner.idNumber, phone: '13900000000' }, owner.accessToken)).status).toBe(200);
    expect(await stack.app.services.identity.verifiedBlindIndexOf(owner.userId)).toBe(blind(owner.idNumber));
  });

  it('saves of one person run one at a time', async () => {
    const me = await api.signIn('i-double');
    const results = await Promise.all([id('37140219510101001'), id('37140219510101002')].map((idNumber) => api.put('/api/v1/me/profile', { ...PROFILE, idNumber }, me.accessToken)));
    expect(results.some((r) => r.status === 200)).toBe(true);
    for (const r of results) if (r.status !== 200) expectEnvelope(r, 409, 'CONFLICT');
  });
});

describe('verification through WeChat’s face check', () => {
  let refusedSerial = 0;
  it('verifies the person whose face check matches their claim; the account then stands for them', async () => {
    const person = await claimant('i-face', id('37140219520101001'));
    expect((await api.get('/api/v1/me/identity', person.token)).body.status).toBe('unverified');
    const res = await tryFaceVerification(stack, person.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'verified', verification: { method: 'face' }, demo: false, superseded: false });
    expect((await api.get('/api/v1/me', person.token)).body.profile.verification).toMatchObject({ method: 'face' });
    expect(await stack.app.services.identity.verifiedBlindIndexOf(person.userId)).toBe(blind(id('37140219520101001')));
    expect(await audits('identity.verify', person.userId)).toBe(1);
    // WeChat was asked with the phone's verifyResult, under an access token fetched once.
    const getinfo = stack.wechatFace.calls.filter((c) => c.path === '/cityservice/face/identify/getinfo');
    expect(getinfo.at(-1)?.token).toMatch(/^FACE-TOKEN-/);
    // Verifying again changes nothing.
    expect((await verifyIdentity(stack, person.token)).verification?.at).toBe(res.body.verification.at);
  });

  it.each([
    ['a face check of another ID number', { idNumber: id('37140219530101009') }, 400, 'FACE_IDENTITY_MISMATCH'],
    ['a face check of another name', { name: '李四' }, 400, 'FACE_IDENTITY_MISMATCH'],
    ['a face check by another WeChat user', { openid: 'someone-else' }, 403, 'FACE_ACCOUNT_MISMATCH'],
    ['a result WeChat calls expired', { outcome: 'expired' }, 400, 'FACE_RESULT_EXPIRED'],
    ['a result finished two hours ago', { outcome: 'old' }, 400, 'FACE_RESULT_EXPIRED'],
    ['a result WeChat does not know (or already spent)', { outcome: 'invalid' }, 400, 'FACE_RESULT_INVALID'],
    ['a face that did not pass', { outcome: 'notPassed' }, 400, 'FACE_NOT_PASSED'],
    ['WeChat failing', { outcome: 'systemError' }, 503, 'WECHAT_UNAVAILABLE'],
    ['WeChat answering 502', { outcome: 'broken' }, 503, 'WECHAT_UNAVAILABLE'],
    ['WeChat not answering in time', { outcome: 'slow' }, 503, 'WECHAT_UNAVAILABLE'],
  ] as const)('refuses %s with %s %s and verifies nothing', async (_what, change, status, code) => {
    const person = await claimant(`i-refused-${(refusedSerial += 1)}`, id('37140219530101001'));
    expectEnvelope(await tryFaceVerification(stack, person.token, change), status, code);
    expect((await api.get('/api/v1/me/identity', person.token)).body.status).toBe('unverified');
    expect(await stack.app.services.identity.isVerified(person.userId)).toBe(false);
    if (code !== 'WECHAT_UNAVAILABLE') expect(await audits('identity.faceRefused', person.userId)).toBe(1);
  });

  it('refuses an unknown verifyResult, asks for a profile first, and needs sign-in', async () => {
    const person = await claimant('i-unknown', id('37140219540101001'));
    expectEnvelope(await api.post('/api/v1/me/identity/face-verification', { verifyResult: 'made-up' }, person.token), 400, 'FACE_RESULT_INVALID');
    const bare = await api.signIn('i-bare');
    expectEnvelope(await api.post('/api/v1/me/identity/face-verification', { verifyResult: 'x' }, bare.accessToken), 409, 'IDENTITY_PROFILE_REQUIRED');
    expect((await api.get('/api/v1/me/identity', bare.accessToken)).body).toMatchObject({ status: 'noProfile' });
    expectEnvelope(await api.post('/api/v1/me/identity/face-verification', { verifyResult: 'x' }), 401, 'UNAUTHENTICATED');
    expectEnvelope(await api.post('/api/v1/me/identity/face-verification', {}, person.token), 400, 'VALIDATION_FAILED');
    // The demo verifier does not exist where WeChat's is used.
    expectEnvelope(await api.post('/api/v1/me/identity/demo-verification', {}, person.token), 404);
  });

  it('fetches a new access token when WeChat says the cached one is no longer valid', async () => {
    const person = await claimant('i-token', id('37140219550101001'));
    const tokensBefore = stack.wechatFace.calls.filter((c) => c.path === '/cgi-bin/token').length;
    stack.wechatFace.expireTokens();
    await verifyIdentity(stack, person.token);
    expect(stack.wechatFace.calls.filter((c) => c.path === '/cgi-bin/token').length).toBe(tokensBefore + 1);
  });

  it('after verification, name and number change only at a counter; phone and address still online', async () => {
    const person = await verifiedResident(stack, 'i-locked', { ...PROFILE, idNumber: id('37140219560101001') });
    expectEnvelope(await api.put('/api/v1/me/profile', { ...PROFILE, idNumber: id('37140219560101002') }, person.accessToken), 409, 'IDENTITY_LOCKED');
    expectEnvelope(await api.put('/api/v1/me/profile', { ...PROFILE, name: '张秀芳', idNumber: person.idNumber }, person.accessToken), 409, 'IDENTITY_LOCKED');
    const moved = await api.put('/api/v1/me/profile', { ...PROFILE, idNumber: person.idNumber, phone: '13800001111', regionCode: '371402002' }, person.accessToken);
    expect(moved.status).toBe(200);
    expect(moved.body.profile).toMatchObject({ phoneMasked: '138****1111', regionCode: '371402002', verification: { method: 'face' } });
  });

  it('the profile\'s record of a verification locks name and number too, when the verified-identity row is missing', async () => {
    const person = await verifiedResident(stack, 'i-locked-2', { ...PROFILE, idNumber: id('37140219560101003') });
    // The two records of a verification disagree (a row lost or removed by hand): the profile still says verified.
    await stack.app.db.collection('verified_identities').deleteOne({ _id: blind(person.idNumber) as never });
    expectEnvelope(await api.put('/api/v1/me/profile', { ...PROFILE, idNumber: id('37140219560101004') }, person.accessToken), 409, 'IDENTITY_LOCKED');
    expectEnvelope(await api.put('/api/v1/me/profile', { ...PROFILE, name: '张秀芳', idNumber: person.idNumber }, person.accessToken), 409, 'IDENTITY_LOCKED');
    const profile = await stack.app.services.profiles.findById(person.userId);
    expect(profile).toMatchObject({ name: PROFILE.name, idNumberBlindIndex: blind(person.idNumber) });
    expect((await api.put('/api/v1/me/profile', { ...PROFILE, idNumber: person.idNumber, phone: '13800002222' }, person.accessToken)).status).toBe(200);
  });
});

describe('conflicts: the verified person wins; a second verified account is refused', () => {
  const X = id('37140219600101001');
  let stranger: Awaited<ReturnType<typeof claimant>>;
  let person: Awaited<ReturnType<typeof claimant>>;

  it('claims of the number on other accounts are superseded when its holder verifies', async () => {
    stranger = await claimant('i-x-stranger', X, { regionCode: '371402001' });
    person = await claimant('i-x-person', X);
    await verifyIdentity(stack, person.token);
    const told = await api.get('/api/v1/me/identity', stranger.token);
    expect(told.body).toMatchObject({ status: 'unverified', superseded: true });
    expect(told.body.message).toContain('核验');
    expect(await audits('identity.claimSuperseded', stranger.userId)).toBe(1);
    expect(await stack.app.services.identity.verifiedBlindIndexOf(stranger.userId)).toBeNull();
  });

  it('a later claim of a verified number is told nothing (no oracle)', async () => {
    const late = await claimant('i-x-late', X);
    expect(late.res.status).toBe(200);
    expect((await api.get('/api/v1/me/identity', late.token)).body).toMatchObject({ status: 'unverified', superseded: false });
  });

  it('a second account proving the number is refused without naming anyone, audited, and listed for staff of its region', async () => {
    const refused = await tryFaceVerification(stack, stranger.token);
    expectEnvelope(refused, 409, 'IDENTITY_CONFLICT');
    expect(refused.body.error.message).toContain('请到社区或乡镇（街道）窗口核实');
    expect(JSON.stringify(refused.body)).not.toContain(person.userId);
    expect(refused.body.error.details).toBeUndefined();
    expect(await stack.app.services.identity.isVerified(stranger.userId)).toBe(false);
    expect(await audits('identity.conflict', stranger.userId)).toBe(1);
    expectEnvelope(await tryFaceVerification(stack, stranger.token), 409, 'IDENTITY_CONFLICT');

    const staff = await api.signIn('i-x-staff', { role: 'staff', regionCode: '371402' });
    const before = await audits('identityConflict.list');
    const list = await api.get('/api/v1/staff/identity-conflicts', staff.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.conflicts).toHaveLength(1);
    expect(list.body.conflicts[0]).toMatchObject({ attempts: 2, method: 'face', account: { userId: stranger.userId, regionCode: '371402001' }, holder: { userId: person.userId, method: 'face' } });
    expect(list.body.conflicts[0].account.idNumberMasked).toMatch(/^3\*+\w{2}$/);
    expect(await audits('identityConflict.list')).toBe(before + 1);
    const row = await stack.app.models.Audit.findOne({ action: 'identityConflict.list', actorId: staff.user.id }).lean();
    expect(String(row!.details.subjectIds)).toContain(stranger.userId);

    const elsewhere = await api.signIn('i-x-staff-liaocheng', { role: 'staff', regionCode: '371500' });
    expect((await api.get('/api/v1/staff/identity-conflicts', elsewhere.accessToken)).body.conflicts).toEqual([]);
    expectEnvelope(await api.get('/api/v1/staff/identity-conflicts', stranger.token), 403, 'FORBIDDEN');
  });

  it('two accounts proving one number at once: one is verified, the other refused', async () => {
    const Y = id('37140219610101001');
    const a = await claimant('i-race-a', Y);
    const b = await claimant('i-race-b', Y);
    const results = await Promise.all([tryFaceVerification(stack, a.token), tryFaceVerification(stack, b.token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const owners = await stack.app.services.identity.verifiedUserIdsByBlindIndex([blind(Y)]);
    expect([a.userId, b.userId]).toContain(owners.get(blind(Y)));
  });
});

describe('staff verify in person', () => {
  it('staff whose region covers the person record it (method, by whom), audited', async () => {
    const person = await claimant('i-counter', id('37140219620101001'));
    const staff = await api.signIn('i-counter-staff', { role: 'staff', regionCode: '371402' });
    const res = await api.post(`/api/v1/staff/people/${person.userId}/identity-verification`, { document: 'idCard', place: 'counter', note: '窗口核验身份证原件' }, staff.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: person.userId, profile: { verification: { method: 'inPerson' } } });
    expect(JSON.stringify(res.body)).not.toContain('13912345678');
    const row = await stack.app.models.VerifiedIdentity.findById(blind(id('37140219620101001'))).lean();
    expect(row).toMatchObject({ userId: person.userId, method: 'inPerson', by: staff.user.id, evidence: { document: 'idCard', place: 'counter' } });
    const audit = await stack.app.models.Audit.findOne({ action: 'identity.verify', subjectId: person.userId }).lean();
    expect(audit).toMatchObject({ actorId: staff.user.id, details: { method: 'inPerson', by: staff.user.id, document: 'idCard', place: 'counter' } });
    expect((await api.get('/api/v1/me/identity', person.token)).body).toMatchObject({ status: 'verified', verification: { method: 'inPerson' } });
  });

  it('outside the region the person does not exist (404); residents get 403; nobody verifies themselves', async () => {
    const person = await claimant('i-counter-2', id('37140219630101001'));
    const body = { document: 'householdRegister', place: 'homeVisit' };
    const other = await api.signIn('i-counter-liaocheng', { role: 'staff', regionCode: '371500' });
    expectEnvelope(await api.post(`/api/v1/staff/people/${person.userId}/identity-verification`, body, other.accessToken), 404, 'NOT_FOUND');
    expectEnvelope(await api.post(`/api/v1/staff/people/no-such-person/identity-verification`, body, other.accessToken), 404, 'NOT_FOUND');
    expectEnvelope(await api.post(`/api/v1/staff/people/${person.userId}/identity-verification`, body, person.token), 403, 'FORBIDDEN');
    const self = await api.signIn('i-counter-self', { role: 'staff', regionCode: '371402' });
    await api.put('/api/v1/me/profile', { ...PROFILE, idNumber: id('37140219630101002') }, self.accessToken);
    expectEnvelope(await api.post(`/api/v1/staff/people/${self.user.id}/identity-verification`, body, self.accessToken), 403, 'FORBIDDEN');
    expectEnvelope(await api.post(`/api/v1/staff/people/${person.userId}/identity-verification`, { ...body, document: 'passport' }, self.accessToken), 400, 'VALIDATION_FAILED');
    expect(await stack.app.services.identity.isVerified(person.userId)).toBe(false);
    expect(await stack.app.services.identity.isVerified(self.user.id)).toBe(false);
  });
});

describe('the demo verifier (development)', () => {
  let demo: Stack;
  let demoApi: ReturnType<typeof client>;
  beforeAll(async () => { demo = await startStack({ overrides: { identity: { verifier: 'demo' } } }); demoApi = client(demo.baseUrl); });
  afterAll(() => demo.stop());

  it('verifies the demo accounts at seed time, and says it is a demo verification', async () => {
    await seedDemoData(demo.app.services);
    await seedDemoData(demo.app.services);
    const wang = await demoApi.signIn('demo-resident-wang');
    const status = await demoApi.get('/api/v1/me/identity', wang.accessToken);
    expect(status.body).toMatchObject({ verifier: 'demo', status: 'verified', demo: true, verification: { method: 'demo' } });
    expect(status.body.message).toContain('演示');
    expect(await demo.app.models.Audit.countDocuments({ action: 'identity.verify', subjectId: wang.user.id })).toBe(1);
  });

  it('verifies a demo account on request, refuses anyone else in Chinese, and offers no face route', async () => {
    const donor = await demoApi.signIn('demo-donor-zhang');
    await demoApi.put('/api/v1/me/profile', { ...PROFILE, idNumber: id('37140219700101001') }, donor.accessToken);
    const ok = await demoApi.post('/api/v1/me/identity/demo-verification', {}, donor.accessToken);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'verified', demo: true });

    const someone = await demoApi.signIn('not-a-demo-account');
    await demoApi.put('/api/v1/me/profile', { ...PROFILE, idNumber: id('37140219700101002') }, someone.accessToken);
    const refused = await demoApi.post('/api/v1/me/identity/demo-verification', {}, someone.accessToken);
    expectEnvelope(refused, 403, 'DEMO_VERIFICATION_NOT_ALLOWED');
    expect(refused.body.error.message).toContain('演示账号');
    expect((await demoApi.get('/api/v1/me/identity', someone.accessToken)).body).toMatchObject({ verifier: 'demo', status: 'unverified' });
    expectEnvelope(await demoApi.post('/api/v1/me/identity/face-verification', { verifyResult: 'x' }, someone.accessToken), 404);
  });
});
