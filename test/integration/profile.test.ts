import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { checkCharFor } from '@dajiuzhu/shared';

/** A valid number from its first 17 digits. */
const id = (first17: string) => first17 + checkCharFor(first17);

let stack: Stack;
let api: ReturnType<typeof client>;
beforeAll(async () => { stack = await startStack(); api = client(stack.baseUrl); });
afterAll(() => stack.stop());

const VALID = { name: '王建国', idNumber: '11010519491231002X', phone: '13912345678', hukou: 'urban', regionCode: '371402001' };

describe('real-name profile', () => {
  it('saves a valid profile and shows the ID number and phone only masked', async () => {
    const s = await api.signIn('p-valid');
    const res = await api.put('/api/v1/me/profile', VALID, s.accessToken);
    expect(res.status).toBe(200);
    expect(res.body.profile).toMatchObject({ name: '王建国', idNumberMasked: '1***************2X', phoneMasked: '139****5678', birthDate: '1949-12-31', sex: 'female', hukou: 'urban' });
    const text = JSON.stringify((await api.get('/api/v1/me', s.accessToken)).body);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13912345678');
  });

  it('stores the ID number and phone encrypted, with a blind index', async () => {
    const s = await api.signIn('p-valid');
    const raw = await stack.app.db.collection('profiles').findOne({ _id: s.user.id as never });
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain('11010519491231002X');
    expect(dump).not.toContain('13912345678');
    expect(raw!.idNumberCipher).toMatch(/^v1\.dev1\./);
    expect(stack.app.services.pii.decrypt(raw!.idNumberCipher)).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit and saves nothing', async () => {
    const s = await api.signIn('p-wrong');
    const res = await api.put('/api/v1/me/profile', { ...VALID, idNumber: '110105194912310021' }, s.accessToken);
    expectEnvelope(res, 400, 'INVALID_ID_NUMBER');
    expect(res.body.error.message).toContain('校验码');
    expect(await stack.app.models.Profile.countDocuments({ _id: s.user.id })).toBe(0);
  });

  it.each([
    ['a birth date that does not exist', { idNumber: '110105194902300027' }],
    ['letters in the number', { idNumber: '11010519491231A02X' }],
    ['a phone that is not a mobile number', { phone: '12345' }],
    ['an unknown hukou', { hukou: 'city' }],
    ['a bad region code', { regionCode: '3714' }],
    ['an extra field', { isStaff: true }],
  ])('refuses %s', async (_what, change) => {
    const s = await api.signIn('p-bad');
    const res = await api.put('/api/v1/me/profile', { ...VALID, ...change }, s.accessToken);
    expect([400]).toContain(res.status);
    expectEnvelope(res, 400);
    expect(await stack.app.models.Profile.countDocuments({ _id: s.user.id })).toBe(0);
  });

  it('a second account claiming a claimed ID number gets the same answer as with a free one, and is linked to nothing', async () => {
    const a = await api.signIn('p-first');
    const b = await api.signIn('p-second');
    const c = await api.signIn('p-third');
    const idNumber = id('37010219800101001');
    expect((await api.put('/api/v1/me/profile', { ...VALID, idNumber }, a.accessToken)).status).toBe(200);
    // A claim is the person's word: it neither blocks another account nor tells it anything.
    const second = await api.put('/api/v1/me/profile', { ...VALID, idNumber: idNumber.toLowerCase() }, b.accessToken);
    const free = await api.put('/api/v1/me/profile', { ...VALID, idNumber: id('37010219800101002') }, c.accessToken);
    expect(second.status).toBe(200);
    expect(free.status).toBe(200);
    expect(Object.keys(second.body.profile).sort()).toEqual(Object.keys(free.body.profile).sort());
    for (const u of [a, b]) expect(await stack.app.services.identity.verifiedBlindIndexOf(u.user.id)).toBeNull();
    expect((await stack.app.services.identity.verifiedUserIdsByBlindIndex([stack.app.services.pii.blindIndex(idNumber)])).size).toBe(0);
  });

  it('lets accounts claim one ID number at the same time (claims do not compete)', async () => {
    const idNumber = id('37010219850101001');
    const users = await Promise.all(['p-race-1', 'p-race-2', 'p-race-3'].map((o) => api.signIn(o)));
    const results = await Promise.all(users.map((u) => api.put('/api/v1/me/profile', { ...VALID, idNumber }, u.accessToken)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('saves one of two numbers one person sends at once, and the other number stays anyone’s to claim', async () => {
    const me = await api.signIn('p-double');
    const [n1, n2] = [id('37010219910101001'), id('37010219920101001')];
    const results = await Promise.all([n1, n2].map((idNumber) => api.put('/api/v1/me/profile', { ...VALID, idNumber }, me.accessToken)));
    expect(results.some((r) => r.status === 200)).toBe(true);
    for (const r of results) if (r.status !== 200) expectEnvelope(r, 409, 'CONFLICT');
    const saved = await stack.app.models.Profile.findById(me.user.id).lean();
    expect([n1, n2].map((n) => stack.app.services.pii.blindIndex(n))).toContain(saved!.idNumberBlindIndex);
    for (const [i, idNumber] of [n1, n2].entries()) {
      const other = await api.signIn(`p-double-owner-${i}`);
      expect((await api.put('/api/v1/me/profile', { ...VALID, idNumber }, other.accessToken)).status).toBe(200);
    }
  });

  it('lets an unverified person correct their number, and another account claim the old one', async () => {
    const a = await api.signIn('p-correct');
    await api.put('/api/v1/me/profile', { ...VALID, idNumber: id('37010219900101001') }, a.accessToken);
    expect((await api.put('/api/v1/me/profile', { ...VALID, idNumber: id('37010219900101002') }, a.accessToken)).status).toBe(200);
    const b = await api.signIn('p-takes-old');
    expect((await api.put('/api/v1/me/profile', { ...VALID, idNumber: id('37010219900101001') }, b.accessToken)).status).toBe(200);
  });

  it('needs sign-in', async () => {
    expectEnvelope(await api.put('/api/v1/me/profile', VALID), 401, 'UNAUTHENTICATED');
  });
});
