import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { checkCharFor } from '@dajiuzhu/shared';
import { verifyIdentity } from '../support/identity';

let stack: Stack;
let api: ReturnType<typeof client>;
let resident: Awaited<ReturnType<ReturnType<typeof client>['signIn']>>;

beforeAll(async () => {
  stack = await startStack();
  api = client(stack.baseUrl);
  resident = await api.signIn('r-resident');
  await api.put('/api/v1/me/profile', { name: '李秀英', idNumber: '37140219640708002' + checkCharFor('37140219640708002'), phone: '13800000002', hukou: 'rural', regionCode: '371402001' }, resident.accessToken);
});
afterAll(() => stack.stop());

const auditFor = (subjectId: string, action: string) => stack.app.models.Audit.countDocuments({ subjectId, action });

describe('roles and regions', () => {
  it('staff of the region (or above it) read the person, masked, and the read is audited', async () => {
    for (const [openid, regionCode] of [['r-township', '371402001'], ['r-city', '371400'], ['r-province', '370000']]) {
      const staff = await api.signIn(openid, { role: 'staff', regionCode });
      const before = await auditFor(resident.user.id, 'person.read');
      const res = await api.get(`/api/v1/staff/people/${resident.user.id}`, staff.accessToken);
      expect(res.status).toBe(200);
      expect(res.body.profile.idNumberMasked).toMatch(/^3\*{15}\w{2}$/);
      expect(JSON.stringify(res.body)).not.toContain('13800000002');
      expect(await auditFor(resident.user.id, 'person.read')).toBe(before + 1);
    }
  });

  it('staff see whether the person is verified or only claims to be who the profile names', async () => {
    const staff = await api.signIn('r-township', { role: 'staff', regionCode: '371402001' });
    const claimed = await api.get(`/api/v1/staff/people/${resident.user.id}`, staff.accessToken);
    expect(claimed.body.profile.verification).toBeUndefined();
    expect(claimed.body.profile.savedAt).toEqual(expect.any(String));
    await verifyIdentity(stack, resident.accessToken);
    const verified = await api.get(`/api/v1/staff/people/${resident.user.id}`, staff.accessToken);
    expect(verified.body.profile.verification).toEqual({ method: 'face', at: expect.any(String) });
  });

  it('staff of another region get 404 and no data', async () => {
    const other = await api.signIn('r-liaocheng', { role: 'staff', regionCode: '371500' });
    const before = await auditFor(resident.user.id, 'person.read');
    expectEnvelope(await api.get(`/api/v1/staff/people/${resident.user.id}`, other.accessToken), 404, 'NOT_FOUND');
    expect(await auditFor(resident.user.id, 'person.read')).toBe(before);
  });

  it('a resident calling a staff route gets 403', async () => {
    expectEnvelope(await api.get(`/api/v1/staff/people/${resident.user.id}`, resident.accessToken), 403, 'FORBIDDEN');
    expectEnvelope(await api.post('/api/v1/admin/staff-invitations', { level: 'township', regionCode: '371402001' }, resident.accessToken), 403, 'FORBIDDEN');
  });

  it('an admin invites staff; the code works once', async () => {
    const admin = await api.signIn('r-admin', { role: 'admin' });
    const inv = await api.post('/api/v1/admin/staff-invitations', { level: 'county', regionCode: '371500' }, admin.accessToken);
    expect(inv.status).toBe(201);
    const newcomer = await api.signIn('r-newcomer');
    const redeemed = await api.post('/api/v1/staff-invitations/redeem', { code: inv.body.code }, newcomer.accessToken);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user.staff).toEqual({ level: 'county', regionCode: '371500' });
    expect((await api.get('/api/v1/me', redeemed.body.accessToken)).body.roles).toContain('staff');

    const someoneElse = await api.signIn('r-late');
    expectEnvelope(await api.post('/api/v1/staff-invitations/redeem', { code: inv.body.code }, someoneElse.accessToken), 409, 'INVITATION_USED');
    expect((await api.get('/api/v1/me', someoneElse.accessToken)).body.roles).toEqual(['resident']);
    expectEnvelope(await api.post('/api/v1/staff-invitations/redeem', { code: 'no-such-code-000' }, someoneElse.accessToken), 404, 'INVITATION_INVALID');
  });

  it('a resident can also become a donor, by name or anonymously', async () => {
    const person = await api.signIn('r-donor');
    const res = await api.put('/api/v1/me/donor', { kind: 'person', displayName: '张先生' }, person.accessToken);
    expect(res.body.roles).toEqual(['resident', 'donor']);
    expect(res.body.donor).toEqual({ kind: 'person', displayName: '张先生' });
    const anon = await api.put('/api/v1/me/donor', { kind: 'company', displayName: '某公司', anonymous: true }, person.accessToken);
    expect(anon.body.donor).toEqual({ kind: 'company', displayName: '爱心企业' });
    expectEnvelope(await api.put('/api/v1/me/donor', { kind: 'robot', displayName: 'x' }, person.accessToken), 400, 'VALIDATION_FAILED');
  });

  it('keeps an append-only audit that admins can read', async () => {
    const admin = await api.signIn('r-admin', { role: 'admin' });
    const res = await api.get(`/api/v1/admin/audit?subjectId=${resident.user.id}&limit=20`, admin.accessToken);
    expect(res.status).toBe(200);
    const actions = res.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.signIn', 'profile.update', 'person.read', 'identity.verify']));
    for (const e of res.body.entries) expect(e.requestId).toEqual(expect.any(String));
  });
});
