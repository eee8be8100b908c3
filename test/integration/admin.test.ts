import { createHash } from 'node:crypto';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { checkCharFor } from '@dajiuzhu/shared';

let stack: Stack;
let api: ReturnType<typeof client>;
let admin: Awaited<ReturnType<ReturnType<typeof client>['signIn']>>;

const idOf = (code: string) => createHash('sha256').update(code).digest('base64url');
const auditCount = (action: string, subjectId?: string) => stack.app.models.Audit.countDocuments({ action, ...(subjectId ? { subjectId } : {}) });

beforeAll(async () => {
  stack = await startStack();
  api = client(stack.baseUrl);
  admin = await api.signIn('adm-admin', { role: 'admin' });
});
afterAll(() => stack.stop());

describe('the admin desk: invitations', () => {
  it('lists invitations newest first with their status and the region by name; the code is never listed', async () => {
    const first = await api.post('/api/v1/admin/staff-invitations', { level: 'township', regionCode: '371402001', note: '新华街道 李' }, admin.accessToken);
    const second = await api.post('/api/v1/admin/staff-invitations', { level: 'county', regionCode: '371400' }, admin.accessToken);
    expect([first.status, second.status]).toEqual([201, 201]);
    const list = await api.get('/api/v1/admin/staff-invitations', admin.accessToken);
    expect(list.status).toBe(200);
    const ids = list.body.invitations.map((i: { id: string }) => i.id);
    expect(ids.indexOf(idOf(second.body.code))).toBeLessThan(ids.indexOf(idOf(first.body.code)));
    const row = list.body.invitations.find((i: { id: string }) => i.id === idOf(first.body.code));
    expect(row).toEqual(expect.objectContaining({ role: 'staff', level: 'township', regionCode: '371402001', regionName: '德州市德城区新华街道', note: '新华街道 李', status: 'open' }));
    expect(JSON.stringify(list.body)).not.toContain(first.body.code);
  });

  it('a revoked code cannot be redeemed; revoking again answers the same; a redeemed code cannot be revoked', async () => {
    const inv = await api.post('/api/v1/admin/staff-invitations', { level: 'township', regionCode: '371402001' }, admin.accessToken);
    const id = idOf(inv.body.code);
    const revoked = await api.post(`/api/v1/admin/staff-invitations/${id}/revoke`, {}, admin.accessToken);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await api.post(`/api/v1/admin/staff-invitations/${id}/revoke`, {}, admin.accessToken)).body.status).toBe('revoked');
    expect(await auditCount('staff.invitationRevoke')).toBe(1);

    const person = await api.signIn('adm-late');
    expectEnvelope(await api.post('/api/v1/staff-invitations/redeem', { code: inv.body.code }, person.accessToken), 404, 'INVITATION_INVALID');
    expect((await api.get('/api/v1/me', person.accessToken)).body.roles).toEqual(['resident']);

    const used = await api.post('/api/v1/admin/staff-invitations', { level: 'township', regionCode: '371402001' }, admin.accessToken);
    expect((await api.post('/api/v1/staff-invitations/redeem', { code: used.body.code }, person.accessToken)).status).toBe(200);
    expectEnvelope(await api.post(`/api/v1/admin/staff-invitations/${idOf(used.body.code)}/revoke`, {}, admin.accessToken), 409, 'INVITATION_USED');
    const list = await api.get('/api/v1/admin/staff-invitations?status=redeemed', admin.accessToken);
    expect(list.body.invitations.map((i: { id: string }) => i.id)).toEqual([idOf(used.body.code)]);
    expectEnvelope(await api.post(`/api/v1/admin/staff-invitations/${'A'.repeat(43)}/revoke`, {}, admin.accessToken), 404, 'INVITATION_INVALID');
  });

  it('a revocation racing a redemption: exactly one of them wins', async () => {
    const inv = await api.post('/api/v1/admin/staff-invitations', { level: 'township', regionCode: '371402001' }, admin.accessToken);
    const racer = await api.signIn('adm-racer');
    const [revoke, redeem] = await Promise.all([
      api.post(`/api/v1/admin/staff-invitations/${idOf(inv.body.code)}/revoke`, {}, admin.accessToken),
      api.post('/api/v1/staff-invitations/redeem', { code: inv.body.code }, racer.accessToken),
    ]);
    const wins = [revoke.status === 200, redeem.status === 200].filter(Boolean).length;
    expect(wins).toBe(1);
    if (redeem.status !== 200) expectEnvelope(redeem, 404, 'INVITATION_INVALID');
    else expectEnvelope(revoke, 409, 'INVITATION_USED');
  });

  it('only admins reach the desk; bad input is refused in the envelope', async () => {
    const resident = await api.signIn('adm-resident');
    expectEnvelope(await api.get('/api/v1/admin/staff-invitations', resident.accessToken), 403, 'FORBIDDEN');
    expectEnvelope(await api.get('/api/v1/admin/people?role=staff', resident.accessToken), 403, 'FORBIDDEN');
    expectEnvelope(await api.get('/api/v1/admin/people?role=staff'), 401);
    expectEnvelope(await api.get('/api/v1/admin/people?role=pirate', admin.accessToken), 400, 'VALIDATION_FAILED');
    expectEnvelope(await api.get('/api/v1/admin/people?role=staff&regionCode=12', admin.accessToken), 400, 'VALIDATION_FAILED');
    expectEnvelope(await api.post('/api/v1/admin/staff-invitations/not-a-hash/revoke', {}, admin.accessToken), 400, 'VALIDATION_FAILED');
    expectEnvelope(await api.post(`/api/v1/admin/people/${resident.user.id}/deactivate`, { role: 'staff' }, admin.accessToken), 400, 'VALIDATION_FAILED');
  });
});

describe('the admin desk: people', () => {
  it('lists staff by role and region with masked names, and audits the read', async () => {
    const township = await api.signIn('adm-staff-xinhua', { role: 'staff', level: 'township', regionCode: '371402001' });
    await api.put('/api/v1/me/profile', { name: '王小红', idNumber: '37140219800101002' + checkCharFor('37140219800101002'), phone: '13800000011', hukou: 'urban', regionCode: '371402001' }, township.accessToken);
    await api.signIn('adm-staff-liaocheng', { role: 'staff', level: 'county', regionCode: '371500' });
    const before = await auditCount('admin.peopleList');

    const dezhou = await api.get('/api/v1/admin/people?role=staff&regionCode=371400', admin.accessToken);
    expect(dezhou.status).toBe(200);
    const row = dezhou.body.people.find((p: { id: string }) => p.id === township.user.id);
    expect(row).toEqual(expect.objectContaining({ nameMasked: '王**', level: 'township', regionCode: '371402001', regionName: '德州市德城区新华街道' }));
    expect(JSON.stringify(dezhou.body)).not.toMatch(/王小红|13800000011|3714021980/);
    expect(dezhou.body.people.every((p: { regionCode: string }) => p.regionCode.startsWith('3714'))).toBe(true);
    const all = await api.get('/api/v1/admin/people?role=staff', admin.accessToken);
    expect(all.body.people.some((p: { regionCode: string }) => p.regionCode === '371500')).toBe(true);
    const admins = await api.get('/api/v1/admin/people?role=admin', admin.accessToken);
    expect(admins.body.people.map((p: { id: string }) => p.id)).toContain(admin.user.id);
    expect(await auditCount('admin.peopleList')).toBe(before + 3);
  });

  it('deactivating a staff member takes the role away and ends every session at once', async () => {
    const phone = await api.signIn('adm-leaver', { role: 'staff', level: 'township', regionCode: '371402001' });
    const tablet = await api.signIn('adm-leaver');
    expect((await api.get('/api/v1/me', phone.accessToken)).status).toBe(200);

    const res = await api.post(`/api/v1/admin/people/${phone.user.id}/deactivate`, { role: 'staff', reason: '调离岗位' }, admin.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.sessionsEnded).toBe(2);
    expect(res.body.person.roles).toEqual(['resident']);
    expectEnvelope(await api.get('/api/v1/me', phone.accessToken), 401, 'TOKEN_INVALID');
    expectEnvelope(await api.get('/api/v1/me', tablet.accessToken), 401, 'TOKEN_INVALID');
    expectEnvelope(await api.post('/api/v1/auth/refresh', { refreshToken: tablet.refreshToken }), 401);
    expect(await auditCount('admin.deactivate', phone.user.id)).toBe(1);

    // Signing in again: a resident, no longer staff, and gone from the staff list.
    const again = await api.post('/api/v1/auth/dev', { openid: 'adm-leaver' });
    expect(again.body.user.roles).toEqual(['resident']);
    expectEnvelope(await api.get('/api/v1/staff/identity-conflicts', again.body.accessToken), 403, 'FORBIDDEN');
    const list = await api.get('/api/v1/admin/people?role=staff', admin.accessToken);
    expect(list.body.people.map((p: { id: string }) => p.id)).not.toContain(phone.user.id);

    // A retry changes nothing more.
    const retry = await api.post(`/api/v1/admin/people/${phone.user.id}/deactivate`, { role: 'staff', reason: '调离岗位' }, admin.accessToken);
    expect(retry.status).toBe(200);
    expect(retry.body.sessionsEnded).toBe(0);
    expect(await auditCount('admin.deactivate', phone.user.id)).toBe(1);
  });

  it('an admin cannot deactivate themselves; an unknown person is 404', async () => {
    expectEnvelope(await api.post(`/api/v1/admin/people/${admin.user.id}/deactivate`, { role: 'staff', reason: '测试' }, admin.accessToken), 409, 'SELF_DEACTIVATION');
    expectEnvelope(await api.post('/api/v1/admin/people/nobody-here/deactivate', { role: 'staff', reason: '测试' }, admin.accessToken), 404, 'PERSON_NOT_FOUND');
  });
});
