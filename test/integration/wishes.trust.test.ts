/**
 * Issue 9 in 微心愿, on the real API and database: a wish staff post for a person reaches the
 * person's account only through a verified identity (a stranger who typed the person's ID number
 * gets nothing posted to them), and staff reads of people's wishes are audited (the review queue,
 * one row per page read naming the people shown; a photo that is not public yet).
 */
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { freshIdNumber, verifyIdentity } from '../support/identity';
import { JPEG_16 } from '../support/images';

let stack: Stack;
let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
type Session = Awaited<ReturnType<ReturnType<typeof client>['signIn']>>;
let staff: Session;

const W = '/api/v1/wishes';
const JPEG = JPEG_16;
const wishBody = (over: Record<string, unknown> = {}) => ({ category: 'dailyLiving', title: '一床棉被', story: '冬天冷，想要一床厚棉被。', budgetFen: 20000, ...over });
// Oldest first: a test takes the rows a request added by position (the database's own order follows whichever index serves the filter).
const audits = (filter: object) => stack.app.models.Audit.find(filter).sort({ at: 1 }).lean().exec();

async function withProfile(openid: string, idNumber: string, name: string): Promise<Session> {
  const s = await api.signIn(openid);
  expect((await api.put('/api/v1/me/profile', { name, idNumber, phone: '13912345670', hukou: 'urban', regionCode: '371402001001' }, s.accessToken)).status).toBe(200);
  return s;
}

async function uploadPhoto(token: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(JPEG)]), 'item.jpg');
  const res = await fetch(`${stack.baseUrl}/api/v1/files?purpose=wishPhoto`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  fake = await startFakeWechatContent();
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 } } });
  api = client(stack.baseUrl);
  staff = await api.signIn('wt-staff', { role: 'staff', regionCode: '371402001', level: 'township' });
});
afterAll(async () => { await stack.stop(); await fake.stop(); });

describe('a wish posted for a person reaches them only through a verified identity', () => {
  it('staff cannot post for an account whose identity is only claimed; nothing is created', async () => {
    // A stranger typed 孙大娘's ID number; staff, looking for 孙大娘, pick that account.
    const stranger = await withProfile('wt-stranger', freshIdNumber(), '孙大娘');
    const before = await stack.app.db.collection('wishes').countDocuments();
    expectEnvelope(await api.post(W, wishBody({ beneficiaryId: stranger.user.id }), staff.accessToken), 409, 'WISH_BENEFICIARY_UNVERIFIED');
    expect(await stack.app.db.collection('wishes').countDocuments()).toBe(before);
    expect((await api.get('/api/v1/me/wishes', stranger.accessToken)).body.wishes).toEqual([]);
  });

  it('once the person has verified, the wish staff post reaches their account, and staff see it is verified', async () => {
    const sun = await withProfile('wt-sun', freshIdNumber(), '孙大娘');
    await verifyIdentity(stack, sun.accessToken);
    const posted = await api.post(W, wishBody({ beneficiaryId: sun.user.id }), staff.accessToken);
    expect(posted.status).toBe(201);
    expect((await api.get('/api/v1/me/wishes', sun.accessToken)).body.wishes).toEqual([expect.objectContaining({ id: posted.body.id, postedOnBehalf: true })]);
    const queue = (await api.get('/api/v1/staff/wishes', staff.accessToken)).body.wishes;
    expect(queue.find((w: any) => w.id === posted.body.id)).toMatchObject({ postedOnBehalf: true, beneficiaryVerified: true });
  });

  it('a person posting for themselves needs no verification, and staff see the name is only claimed', async () => {
    const self = await withProfile('wt-self', freshIdNumber(), '周大爷');
    const posted = await api.post(W, wishBody({ title: '一袋大米', story: '想要一袋大米。' }), self.accessToken);
    expect(posted.status).toBe(201);
    expect((await api.get('/api/v1/me/wishes', self.accessToken)).body.wishes.map((w: any) => w.id)).toEqual([posted.body.id]);
    const queue = (await api.get('/api/v1/staff/wishes', staff.accessToken)).body.wishes;
    expect(queue.find((w: any) => w.id === posted.body.id)).toMatchObject({ postedOnBehalf: false, beneficiaryVerified: false });
  });
});

describe('staff reads of people\'s wishes are audited', () => {
  it('the review queue: one audit row per page read, naming the people and wishes shown', async () => {
    const before = (await audits({ action: 'wish.queue.read', actorId: staff.user.id })).length;
    const page = await api.get('/api/v1/staff/wishes?limit=100', staff.accessToken);
    expect(page.status).toBe(200);
    const rows = (await audits({ action: 'wish.queue.read', actorId: staff.user.id })).slice(before);
    expect(rows).toHaveLength(1);
    const shown = page.body.wishes.map((w: any) => w.id as string);
    expect(shown.length).toBeGreaterThan(0);
    expect(String(rows[0].details.wishIds).split(',').sort()).toEqual([...shown].sort());
    const owners = await stack.app.db.collection('wishes').find({ _id: { $in: shown } } as never).toArray();
    for (const w of owners) expect(String(rows[0].details.subjectIds)).toContain(w.beneficiaryId);
  });

  it('a photo of a wish still under review: staff read audited, the person\'s own read not; once public, no audit', async () => {
    const owner = await withProfile('wt-photo', freshIdNumber(), '吴奶奶');
    const photo = await uploadPhoto(owner.accessToken);
    const posted = await api.post(W, wishBody({ title: '一个暖水袋', story: '想要一个暖水袋。', photoFileIds: [photo], noChildFaces: true }), owner.accessToken);
    expect(posted.status).toBe(201);
    const url = `${stack.baseUrl}${W}/${posted.body.id}/photos/${photo}`;
    const get = (token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const photoReads = () => audits({ action: 'wish.photo.read', subjectId: owner.user.id });

    expect((await get()).status).toBe(404);
    expect((await get(owner.accessToken)).status).toBe(200);
    expect(await photoReads()).toHaveLength(0);
    const byStaff = await get(staff.accessToken);
    expect(byStaff.status).toBe(200);
    expect(byStaff.headers.get('cache-control')).toContain('no-store');
    const rows = await photoReads();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: staff.user.id, details: { wishId: posted.body.id, fileId: photo } });

    expect((await api.post(`/api/v1/staff/wishes/${posted.body.id}/approve`, {}, staff.accessToken)).status).toBe(200);
    expect((await get(staff.accessToken)).status).toBe(200);
    expect(await photoReads()).toHaveLength(1);
  });
});
