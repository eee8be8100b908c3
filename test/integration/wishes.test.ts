/**
 * 微心愿 against the real API and the real embedded database: the whole flow, the public-view
 * rule on the wire, the content check through the real adapter against a local fake of WeChat,
 * the lapse job, numbers, and every "bad input and security" case of the issue (4xx with the
 * envelope, nothing changed).
 */
import { checkCharFor } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { verifyIdentity } from '../support/identity';
import { JPEG_16, riskyPng } from '../support/images';
import '../../server/src/domains/wishes/api';

let stack: Stack;
let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
type Session = Awaited<ReturnType<ReturnType<typeof client>['signIn']>>;
let ben: Session; // 王建国, 70s, 新湖社区
let child: Session; // 李想, a child
let donor: Session;
let donor2: Session;
let staff: Session; // 新华街道
let farStaff: Session; // 聊城市
let resident: Session;

const W = '/api/v1/wishes';
const idFor = (first17: string) => first17 + checkCharFor(first17);
const JPEG = JPEG_16;

async function upload(token: string, data: Buffer, purpose = 'wishPhoto', name = 'item.jpg') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${stack.baseUrl}/api/v1/files?purpose=${purpose}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as any };
}

const wishBody = (over: Record<string, unknown> = {}) => ({ category: 'health', title: '一台助听器', story: '耳朵不好，想要一台助听器，方便和孙子说话。', budgetFen: 45000, ...over });

async function postApproved(token = ben.accessToken, over: Record<string, unknown> = {}) {
  const posted = await api.post(W, wishBody(over), token);
  expect(posted.status).toBe(201);
  const approved = await api.post(`/api/v1/staff/wishes/${posted.body.id}/approve`, {}, staff.accessToken);
  expect(approved.status).toBe(200);
  return posted.body.id as string;
}

const snapshot = async (wishId: string) => ({
  wish: await stack.app.db.collection('wishes').findOne({ _id: wishId as any }),
  events: await stack.app.db.collection('wish_events').countDocuments({ wishId }),
  claims: await stack.app.db.collection('wish_claims').countDocuments({ wishId }),
  locks: await stack.app.db.collection('wish_active_claims').countDocuments({ _id: wishId as any }),
});

beforeAll(async () => {
  fake = await startFakeWechatContent();
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 } } });
  api = client(stack.baseUrl);
  ben = await api.signIn('w-ben');
  expect((await api.put('/api/v1/me/profile', { name: '王建国', idNumber: idFor('37140219520301001'), phone: '13912345678', hukou: 'urban', regionCode: '371402001001' }, ben.accessToken)).status).toBe(200);
  child = await api.signIn('w-child');
  expect((await api.put('/api/v1/me/profile', { name: '李想', idNumber: idFor('37140220150601002'), phone: '13912345679', hukou: 'urban', regionCode: '371402001001' }, child.accessToken)).status).toBe(200);
  // Staff post for a person only through a verified identity (the child's guardian verified it at the counter or by face check).
  await verifyIdentity(stack, child.accessToken);
  donor = await api.signIn('w-donor', { role: 'donor' });
  donor2 = await api.signIn('w-donor2', { role: 'donor', donorKind: 'company' });
  staff = await api.signIn('w-staff', { role: 'staff', regionCode: '371402001', level: 'township' });
  farStaff = await api.signIn('w-far', { role: 'staff', regionCode: '371500', level: 'county' });
  resident = await api.signIn('w-resident');
});
afterAll(async () => { await stack.stop(); await fake.stop(); });

describe('the whole flow', () => {
  it('post → review → square → claim → deliver → confirm → thank → certificate → numbers', async () => {
    const photo = await upload(ben.accessToken, JPEG);
    expect(photo.status).toBe(201);
    const posted = await api.post(W, wishBody({ photoFileIds: [photo.body.id], noChildFaces: true }), ben.accessToken);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ status: 'pendingReview', delivery: 'communityOffice', postedOnBehalf: false, actions: [] });
    const id = posted.body.id;

    // Not public while under review: the square, the detail and the photo do not show it.
    expect((await api.get(`${W}?regionCode=371402`)).body.wishes.map((w: any) => w.id)).not.toContain(id);
    expectEnvelope(await api.get(`${W}/${id}`), 404, 'NOT_FOUND');
    expect((await fetch(`${stack.baseUrl}${W}/${id}/photos/${photo.body.id}`)).status).toBe(404);
    // …but the person and staff see the photo.
    expect((await fetch(`${stack.baseUrl}${W}/${id}/photos/${photo.body.id}`, { headers: { authorization: `Bearer ${ben.accessToken}` } })).status).toBe(200);

    const queue = await api.get('/api/v1/staff/wishes', staff.accessToken);
    expect(queue.body.wishes.map((w: any) => w.id)).toContain(id);
    const inQueue = queue.body.wishes.find((w: any) => w.id === id);
    expect(inQueue).toMatchObject({ maskedName: '王**', actions: ['approve', 'edit', 'reject'], budgetCapFen: 50000 });
    // The queue shows no full name and no id of the person, so reading it is not a read of the person…
    expect(inQueue).not.toHaveProperty('beneficiaryName');
    expect(inQueue).not.toHaveProperty('beneficiaryId');
    expect(JSON.stringify(queue.body)).not.toContain('王建国');
    expect(JSON.stringify(queue.body)).not.toContain(ben.user.id);
    const benReads = () => stack.app.models.Audit.countDocuments({ action: 'person.read', subjectId: ben.user.id });
    const readsBefore = await benReads();
    // …the detail shows the full name, and each such read is audited against the person.
    const detail = await api.get(`/api/v1/staff/wishes/${id}`, staff.accessToken);
    expect(detail.body).toMatchObject({ beneficiaryName: '王建国', maskedName: '王**' });
    expect(detail.body).not.toHaveProperty('beneficiaryId');
    expect(await benReads()).toBe(readsBefore + 1);
    expect(await stack.app.models.Audit.findOne({ action: 'person.read', subjectId: ben.user.id, actorId: staff.user.id }).lean()).toMatchObject({ details: { fields: 'beneficiaryName', wishId: id } });

    const approved = await api.post(`/api/v1/staff/wishes/${id}/approve`, { note: '情况属实' }, staff.accessToken);
    expect(approved.body.status).toBe('open');

    // The public view: masked name, age band, community and district, nothing personal.
    const square = await api.get(`${W}?regionCode=371402&category=health`);
    const pub = square.body.wishes.find((w: any) => w.id === id);
    expect(pub).toMatchObject({ maskedName: '王**', ageBand: '70多岁', community: '新华街道新湖社区', district: '德州市德城区', status: 'open', budgetFen: 45000, regionCode: '371402' });
    const text = JSON.stringify(square.body);
    expect(text).not.toMatch(/王建国|13912345678|3714021952|371402001001|beneficiary/);
    const photoRes = await fetch(`${stack.baseUrl}${W}/${id}/photos/${photo.body.id}`);
    expect(photoRes.status).toBe(200);
    expect(photoRes.headers.get('content-type')).toBe('image/jpeg');

    await api.put('/api/v1/me/wish-donor-contact', { contact: '13700001111' }, donor.accessToken);
    const claim = await api.post(`${W}/${id}/claim`, {}, donor.accessToken);
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ status: 'active', wishId: id, wish: { status: 'claimed', donorName: '爱心人士' } });
    const claimId = claim.body.id;
    expect(new Date(claim.body.dueAt).getTime() - new Date(claim.body.claimedAt).getTime()).toBe(7 * 24 * 3600 * 1000);

    // Staff of the region see the donor's contact (audited); the public never does.
    const staffView = await api.get(`/api/v1/staff/wishes/${id}`, staff.accessToken);
    expect(staffView.body.claim).toMatchObject({ donorContact: '13700001111', status: 'active' });
    expect(await stack.app.models.Audit.countDocuments({ action: 'person.read', subjectId: donor.user.id })).toBe(1);
    expect(JSON.stringify((await api.get(`${W}/${id}`)).body)).not.toContain('13700001111');

    const deliverPhoto = await upload(donor.accessToken, JPEG, 'deliveryPhoto');
    const delivered = await api.post(`/api/v1/wish-claims/${claimId}/deliver`, { note: '已送到新湖社区服务站', photoFileIds: [deliverPhoto.body.id], noChildFaces: true }, donor.accessToken);
    expect(delivered.status).toBe(200);
    expect(delivered.body.status).toBe('delivered');

    expectEnvelope(await api.get(`/api/v1/wish-claims/${claimId}/certificate`, donor.accessToken), 409, 'WISH_CERTIFICATE_NOT_READY');
    const mine = await api.get('/api/v1/me/wishes', ben.accessToken);
    expect(mine.body.wishes[0]).toMatchObject({ id, status: 'delivered', actions: ['confirm'], deliverNote: '已送到新湖社区服务站', reviewNote: '情况属实' });

    const confirmed = await api.post(`${W}/${id}/confirm`, {}, ben.accessToken);
    expect(confirmed.body).toMatchObject({ status: 'fulfilled', actions: ['thank'] });
    const thanked = await api.post(`${W}/${id}/thanks`, { message: '谢谢好心人，助听器很好用！' }, ben.accessToken);
    expect(thanked.body).toMatchObject({ thanks: '谢谢好心人，助听器很好用！', actions: [] });
    expectEnvelope(await api.post(`${W}/${id}/thanks`, { message: '再谢一次' }, ben.accessToken), 409, 'WISH_ALREADY_THANKED');

    const cert = await api.get(`/api/v1/wish-claims/${claimId}/certificate`, donor.accessToken);
    expect(cert.status).toBe(200);
    expect(cert.body).toMatchObject({ donorName: '爱心人士', wishTitle: '一台助听器', district: '德州市德城区', thanks: '谢谢好心人，助听器很好用！' });
    expect(cert.body.certificateNo).toMatch(/^AX\d{8}[0-9A-F]{8}$/);
    expect(JSON.stringify(cert.body)).not.toContain('王');

    const history = await api.get('/api/v1/me/wish-claims', donor.accessToken);
    expect(history.body.claims[0]).toMatchObject({ id: claimId, status: 'fulfilled', thanks: '谢谢好心人，助听器很好用！' });

    // Every change is an event with actor and time, sequences 1..n without gaps.
    const events = (await api.get(`/api/v1/staff/wishes/${id}`, staff.accessToken)).body.events;
    expect(events.map((e: any) => [e.sequence, e.type, e.actorRole])).toEqual([
      [1, 'posted', 'beneficiary'], [2, 'approved', 'staff'], [3, 'claimed', 'donor'], [4, 'delivered', 'donor'], [5, 'fulfilled', 'beneficiary'], [6, 'thanked', 'beneficiary'],
    ]);
    const raw = await stack.app.db.collection('wish_events').find({ wishId: id }).toArray();
    for (const e of raw) expect(e).toMatchObject({ actorId: expect.any(String), at: expect.any(Date), requestId: expect.any(String) });
    // The lock and the donor's slot are free again.
    expect((await snapshot(id)).locks).toBe(0);
    expect(await stack.app.db.collection('wish_donor_slots').countDocuments({ donorId: donor.user.id })).toBe(0);

    const numbers = await api.get('/api/v1/wish-numbers?regionCode=371402');
    expect(numbers.body).toMatchObject({ regionCode: '371402', regionName: '德城区' });
    expect(numbers.body.counts.fulfilled).toBeGreaterThanOrEqual(1);
  });

  it('shows no name at all for a child, and lets staff post on behalf of a person of their region', async () => {
    const posted = await api.post(W, wishBody({ beneficiaryId: child.user.id, category: 'study', title: '一个新书包', story: '上三年级了，想要一个新书包。' }), staff.accessToken);
    expect(posted.status).toBe(201);
    expect(posted.body.postedOnBehalf).toBe(true);
    await api.post(`/api/v1/staff/wishes/${posted.body.id}/approve`, {}, staff.accessToken);
    const pub = await api.get(`${W}/${posted.body.id}`);
    expect(pub.body.maskedName).toBeNull();
    expect(['小学年龄段儿童', '青少年']).toContain(pub.body.ageBand);
    expect(JSON.stringify(pub.body)).not.toContain('李');
    // The child's own list shows it, recorded as posted on their behalf.
    expect((await api.get('/api/v1/me/wishes', child.accessToken)).body.wishes[0]).toMatchObject({ id: posted.body.id, postedOnBehalf: true });
    // Staff of another region cannot post for this person.
    expectEnvelope(await api.post(W, wishBody({ beneficiaryId: child.user.id }), farStaff.accessToken), 404, 'NOT_FOUND');
    // A resident cannot post for someone else.
    expectEnvelope(await api.post(W, wishBody({ beneficiaryId: child.user.id }), resident.accessToken), 403, 'FORBIDDEN');
  });

  it('staff edit with a note, or reject with a reason; the person sees both', async () => {
    const a = await api.post(W, wishBody({ title: '一床棉被', story: '冬天冷，想要一床厚棉被。', category: 'dailyLiving', budgetFen: 30000 }), ben.accessToken);
    const edited = await api.post(`/api/v1/staff/wishes/${a.body.id}/edit`, { note: '预算按市价调整', budgetFen: 20000, title: '一床厚棉被' }, staff.accessToken);
    expect(edited.body).toMatchObject({ status: 'open', budgetFen: 20000, title: '一床厚棉被', reviewNote: '预算按市价调整' });
    const b = await api.post(W, wishBody({ title: '一部手机', story: '想要一部新手机。', category: 'other' }), ben.accessToken);
    const rejected = await api.post(`/api/v1/staff/wishes/${b.body.id}/reject`, { reason: '不属于微心愿范围，可申请临时救助' }, staff.accessToken);
    expect(rejected.body.status).toBe('rejected');
    const mine = (await api.get('/api/v1/me/wishes', ben.accessToken)).body.wishes;
    expect(mine.find((w: any) => w.id === b.body.id)).toMatchObject({ status: 'rejected', rejectReason: '不属于微心愿范围，可申请临时救助' });
    expect(mine.find((w: any) => w.id === a.body.id)).toMatchObject({ reviewNote: '预算按市价调整' });
    expectEnvelope(await api.post(`/api/v1/staff/wishes/${a.body.id}/edit`, { note: '再改一次', budgetFen: 40000 }, staff.accessToken), 409, 'WISH_STATE_INVALID');
    // Over the cap is refused before anything else, pending or not (the schema states the cap).
    const c = await api.post(W, wishBody({ title: '一盏台灯', story: '想要一盏台灯，晚上看书。', category: 'study', budgetFen: 8000 }), ben.accessToken);
    expectEnvelope(await api.post(`/api/v1/staff/wishes/${c.body.id}/edit`, { note: '超预算', budgetFen: 60000 }, staff.accessToken), 400, 'WISH_OVER_BUDGET');
    expect((await api.get('/api/v1/me/wishes', ben.accessToken)).body.wishes.find((w: any) => w.id === c.body.id)).toMatchObject({ status: 'pendingReview', budgetFen: 8000 });
  });

  it('runs the content check on text staff change before it becomes public', async () => {
    const posted = await api.post(W, wishBody({ title: '一袋大米', story: '想要一袋大米。', category: 'dailyLiving', budgetFen: 10000 }), ben.accessToken);
    const before = await snapshot(posted.body.id);
    const risky = await api.post(`/api/v1/staff/wishes/${posted.body.id}/edit`, { note: '补充说明', story: '补充一段违规的话' }, staff.accessToken);
    expectEnvelope(risky, 400, 'WISH_CONTENT_REJECTED');
    expect(risky.body.error.details.fields[0]).toMatchObject({ path: '/story', rule: 'contentRisky' });
    expect(fake.calls.some((c) => c.content === '补充一段违规的话')).toBe(true);
    expectEnvelope(await api.post(`/api/v1/staff/wishes/${posted.body.id}/edit`, { note: '改标题', title: '系统故障' }, staff.accessToken), 503, 'WISH_CONTENT_CHECK_UNAVAILABLE');
    expect(await snapshot(posted.body.id)).toEqual(before);
    const ok = await api.post(`/api/v1/staff/wishes/${posted.body.id}/edit`, { note: '写清楚一些', title: '一袋十斤的大米' }, staff.accessToken);
    expect(ok.body).toMatchObject({ status: 'open', title: '一袋十斤的大米' });
    expect(fake.calls.some((c) => c.content === '一袋十斤的大米')).toBe(true);
  });

  it('filters and sorts the square by region, category, budget and newest', async () => {
    const cheap = await postApproved(ben.accessToken, { title: '一盒感冒药', story: '常备一点药。', budgetFen: 3000 });
    const dear = await postApproved(ben.accessToken, { title: '一个血压计', story: '想在家量血压。', budgetFen: 20000 });
    const newest = (await api.get(`${W}?regionCode=371402001&category=health`)).body.wishes.map((w: any) => w.id);
    expect(newest.indexOf(dear)).toBeLessThan(newest.indexOf(cheap));
    const budget = (await api.get(`${W}?maxBudgetFen=5000&category=health`)).body.wishes.map((w: any) => w.id);
    expect(budget).toContain(cheap);
    expect(budget).not.toContain(dear);
    const asc = (await api.get(`${W}?sort=budgetAsc&regionCode=371402`)).body.wishes.map((w: any) => w.budgetFen);
    expect(asc).toEqual([...asc].sort((x, y) => x - y));
    expect((await api.get(`${W}?regionCode=371500`)).body.wishes).toEqual([]);
    expectEnvelope(await api.get(`${W}?category=luxury`), 400, 'VALIDATION_FAILED');
  });

  it('pages through the square with a cursor: every wish once, in order, the same count on each page', async () => {
    for (const budgetFen of [4000, 4000, 4000]) await postApproved(ben.accessToken, { title: '一副老花镜', story: '看报纸用。', budgetFen });
    for (const sort of ['newest', 'budgetAsc', 'budgetDesc']) {
      const all = (await api.get(`${W}?regionCode=371402&sort=${sort}&limit=100`)).body;
      expect(all.nextCursor).toBeNull();
      expect(all).toMatchObject({ total: all.wishes.length, totalCapped: false });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = (await api.get(`${W}?regionCode=371402&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
        expect(page.wishes.length).toBeLessThanOrEqual(2);
        expect(page.total).toBe(all.total);
        seen.push(...page.wishes.map((w: any) => w.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.wishes.map((w: any) => w.id));
    }
    const first = (await api.get(`${W}?regionCode=371402&limit=1`)).body;
    // A cursor is a position (`<publishedAt>.<budget>.<id>`): any well-formed one pages on; anything else is refused by the schema.
    expect(first.nextCursor).toMatch(/^\d+\.\d+\.[A-Za-z0-9_-]+$/);
    expect((await api.get(`${W}?regionCode=371402&sort=budgetAsc&cursor=${first.nextCursor}`)).status).toBe(200);
    expectEnvelope(await api.get(`${W}?cursor=bm90LWpzb24`), 400, 'VALIDATION_FAILED');
  });
});

describe('content check (WeChat content security through the adapter)', () => {
  it('refuses risky text and says which field to change; nothing is saved', async () => {
    const before = await stack.app.db.collection('wishes').countDocuments();
    const res = await api.post(W, wishBody({ story: '这里有一段违规的话' }), ben.accessToken);
    expectEnvelope(res, 400, 'WISH_CONTENT_REJECTED');
    expect(res.body.error.message).toContain('「心愿故事」');
    expect(res.body.error.message).toContain('请修改');
    expect(res.body.error.details.fields[0]).toMatchObject({ path: '/story', rule: 'contentRisky', label: 20003 });
    expect(await stack.app.db.collection('wishes').countDocuments()).toBe(before);
    // The adapter sent version 2 with the user's openid.
    expect(fake.calls.find((c) => c.content === '这里有一段违规的话')).toMatchObject({ openid: 'w-ben' });
  });

  it('refuses phone numbers and house numbers in the story before asking WeChat', async () => {
    const res = await api.post(W, wishBody({ story: '有事打13912345678找我' }), ben.accessToken);
    expectEnvelope(res, 400, 'WISH_CONTENT_REJECTED');
    expect(res.body.error.message).toContain('手机号');
  });

  it('flags "review" suggestions for staff instead of refusing', async () => {
    const res = await api.post(W, wishBody({ story: '这段话待复核一下' }), ben.accessToken);
    expect(res.status).toBe(201);
    expect((await api.get(`/api/v1/staff/wishes/${res.body.id}`, staff.accessToken)).body.contentFlag).toBe('review');
  });

  it('fetches a new access token when WeChat says the old one expired', async () => {
    const tokensBefore = fake.calls.filter((c) => c.path === '/cgi-bin/stable_token').length;
    fake.expireTokens();
    expect((await api.post(W, wishBody(), ben.accessToken)).status).toBe(201);
    expect(fake.calls.filter((c) => c.path === '/cgi-bin/stable_token').length).toBe(tokensBefore + 1);
  });

  it('answers 503 when WeChat is down or slow, and saves nothing', async () => {
    const before = await stack.app.db.collection('wishes').countDocuments();
    expectEnvelope(await api.post(W, wishBody({ story: '系统故障了' }), ben.accessToken), 503, 'WISH_CONTENT_CHECK_UNAVAILABLE');
    expectEnvelope(await api.post(W, wishBody({ story: '请求超时了' }), ben.accessToken), 503, 'WISH_CONTENT_CHECK_UNAVAILABLE');
    // A 200 whose JSON body is null (not an object) is no answer either: 503, not a 500.
    expectEnvelope(await api.post(W, wishBody({ story: '这次空答了' }), ben.accessToken), 503, 'WISH_CONTENT_CHECK_UNAVAILABLE');
    expect(await stack.app.db.collection('wishes').countDocuments()).toBe(before);
  });

  it('checks photos with img_sec_check and refuses a risky one', async () => {
    const risky = await upload(ben.accessToken, riskyPng(), 'wishPhoto', 'item.png');
    expect(risky.status).toBe(201);
    const res = await api.post(W, wishBody({ photoFileIds: [risky.body.id], noChildFaces: true }), ben.accessToken);
    expectEnvelope(res, 400, 'WISH_CONTENT_REJECTED');
    expect(res.body.error.message).toContain('第1张照片');
    expect(fake.calls.some((c) => c.path === '/wxa/img_sec_check')).toBe(true);
  });
});

describe('bad input and security: 4xx with the envelope, nothing changed', () => {
  let openWish: string;
  beforeAll(async () => { openWish = await postApproved(); });

  async function unchangedAfter(wishId: string, act: () => Promise<void>) {
    const before = await snapshot(wishId);
    await act();
    expect(await snapshot(wishId)).toEqual(before);
  }

  it.each([
    ['over budget', wishBody({ budgetFen: 50001 }), 400, 'WISH_OVER_BUDGET'],
    ['empty title', wishBody({ title: '' }), 400, 'VALIDATION_FAILED'],
    ['blank story', wishBody({ story: '   ' }), 400, 'WISH_EMPTY'],
    ['no story', { category: 'health', title: '一台助听器', budgetFen: 100 }, 400, 'VALIDATION_FAILED'],
    ['oversize story', wishBody({ story: '想'.repeat(301) }), 400, 'VALIDATION_FAILED'],
    ['budget in yuan with decimals', wishBody({ budgetFen: 99.5 }), 400, 'VALIDATION_FAILED'],
    ['negative budget', wishBody({ budgetFen: -1 }), 400, 'VALIDATION_FAILED'],
    ['unknown category', wishBody({ category: 'luxury' }), 400, 'VALIDATION_FAILED'],
    ['an undeclared field', wishBody({ address: '新湖小区3号楼' }), 400, 'VALIDATION_FAILED'],
    ['a file id that does not exist', wishBody({ photoFileIds: ['00000000-0000-0000-0000-000000000000'] }), 400, 'WISH_PHOTO_INVALID'],
  ])('refuses a wish with %s', async (_name, body, status, code) => {
    const before = await stack.app.db.collection('wishes').countDocuments();
    expectEnvelope(await api.post(W, body, ben.accessToken), status, code);
    expect(await stack.app.db.collection('wishes').countDocuments()).toBe(before);
  });

  it('states the local cap in the over-budget message', async () => {
    const res = await api.post(W, wishBody({ budgetFen: 60000 }), ben.accessToken);
    expect(res.body.error.message).toContain('¥500');
  });

  it('refuses images that are not images: the upload is refused, and a PDF or someone else\'s photo cannot be attached', async () => {
    const exe = await upload(ben.accessToken, Buffer.from('MZ\x90\x00 this is not an image'), 'wishPhoto', 'photo.jpg');
    expectEnvelope(exe as any, 415, 'FILE_TYPE_NOT_ALLOWED');
    const pdf = await upload(ben.accessToken, Buffer.from('%PDF-1.4 a document'), 'document', 'doc.pdf');
    expect(pdf.status).toBe(201);
    expectEnvelope(await api.post(W, wishBody({ photoFileIds: [pdf.body.id] }), ben.accessToken), 400, 'WISH_PHOTO_INVALID');
    const others = await upload(child.accessToken, JPEG);
    expectEnvelope(await api.post(W, wishBody({ photoFileIds: [others.body.id] }), ben.accessToken), 400, 'WISH_PHOTO_INVALID');
  });

  it('refuses a donor contact that is only spaces, and keeps the stored one', async () => {
    const d = await api.signIn('w-contact-donor', { role: 'donor' });
    expect((await api.put('/api/v1/me/wish-donor-contact', { contact: '13700002222' }, d.accessToken)).status).toBe(200);
    expectEnvelope(await api.put('/api/v1/me/wish-donor-contact', { contact: '      ' }, d.accessToken), 400, 'VALIDATION_FAILED');
    expectEnvelope(await api.put('/api/v1/me/wish-donor-contact', { contact: '  12   ' }, d.accessToken), 400, 'VALIDATION_FAILED');
    expect((await api.get('/api/v1/me/wish-donor-contact', d.accessToken)).body.contactMasked).toBe('137****2222');
  });

  it('asks for real-name verification first', async () => {
    expectEnvelope(await api.post(W, wishBody(), resident.accessToken), 409, 'WISH_PROFILE_REQUIRED');
  });

  it('refuses a donor claiming their own wish', async () => {
    const both = await api.signIn('w-ben', { role: 'donor' }); // the beneficiary also becomes a donor
    await unchangedAfter(openWish, async () => { expectEnvelope(await api.post(`${W}/${openWish}/claim`, {}, both.accessToken), 403, 'WISH_OWN_CLAIM'); });
  });

  it('refuses claims on wishes under review, rejected, claimed or fulfilled', async () => {
    // Under review or rejected: not public, so 404 as for an id never used (same as GET /wishes/:id).
    const pending = (await api.post(W, wishBody(), ben.accessToken)).body.id;
    await unchangedAfter(pending, async () => {
      expectEnvelope(await api.get(`${W}/${pending}`), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${pending}/claim`, {}, donor.accessToken), 404, 'NOT_FOUND');
    });

    const rejected = (await api.post(W, wishBody(), ben.accessToken)).body.id;
    await api.post(`/api/v1/staff/wishes/${rejected}/reject`, { reason: '重复提交' }, staff.accessToken);
    await unchangedAfter(rejected, async () => {
      expectEnvelope(await api.get(`${W}/${rejected}`), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${rejected}/claim`, {}, donor.accessToken), 404, 'NOT_FOUND');
    });

    const claimed = await postApproved();
    const c = await api.post(`${W}/${claimed}/claim`, {}, donor.accessToken);
    expect(c.status).toBe(200);
    await unchangedAfter(claimed, async () => {
      const res = await api.post(`${W}/${claimed}/claim`, {}, donor2.accessToken);
      expectEnvelope(res, 409, 'WISH_ALREADY_CLAIMED');
      expect(res.body.error.message).toBe('该心愿已被认领');
      expectEnvelope(await api.post(`${W}/${claimed}/claim`, {}, donor.accessToken), 409, 'WISH_ALREADY_CLAIMED');
    });

    await api.post(`/api/v1/wish-claims/${c.body.id}/deliver`, { note: '已送到社区' }, donor.accessToken);
    await api.post(`${W}/${claimed}/confirm`, {}, staff.accessToken); // staff of the region may confirm too
    await unchangedAfter(claimed, async () => { expectEnvelope(await api.post(`${W}/${claimed}/claim`, {}, donor2.accessToken), 409, 'WISH_ALREADY_FULFILLED'); });
    expectEnvelope(await api.post(`${W}/no-such-wish/claim`, {}, donor2.accessToken), 404, 'NOT_FOUND');
  });

  it('refuses confirming someone else\'s wish, and delivering or releasing someone else\'s claim', async () => {
    const id = await postApproved();
    const c = await api.post(`${W}/${id}/claim`, {}, donor.accessToken);
    await api.post(`/api/v1/wish-claims/${c.body.id}/deliver`, { note: '已送到社区服务站' }, donor.accessToken);
    await unchangedAfter(id, async () => {
      // Neither the person nor staff of the region: 404, as if the wish did not exist.
      expectEnvelope(await api.post(`${W}/${id}/confirm`, {}, resident.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${id}/confirm`, {}, child.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${id}/confirm`, {}, donor.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${id}/confirm`, {}, farStaff.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${id}/thanks`, { message: '谢谢' }, resident.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${id}/thanks`, { message: '谢谢' }, farStaff.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`${W}/${id}/thanks`, { message: '谢谢' }, ben.accessToken), 409, 'WISH_STATE_INVALID');
      expectEnvelope(await api.post(`/api/v1/wish-claims/${c.body.id}/release`, {}, donor2.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`/api/v1/wish-claims/${c.body.id}/deliver`, { note: 'x' }, donor2.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.get(`/api/v1/wish-claims/${c.body.id}/certificate`, donor2.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`/api/v1/wish-claims/${c.body.id}/release`, {}, donor.accessToken), 409, 'WISH_STATE_INVALID');
    });
  });

  it('refuses a resident acting as staff', async () => {
    const pending = (await api.post(W, wishBody(), ben.accessToken)).body.id;
    await unchangedAfter(pending, async () => {
      expectEnvelope(await api.post(`/api/v1/staff/wishes/${pending}/approve`, {}, resident.accessToken), 403, 'FORBIDDEN');
      expectEnvelope(await api.post(`/api/v1/staff/wishes/${pending}/reject`, { reason: 'x' }, ben.accessToken), 403, 'FORBIDDEN');
      expectEnvelope(await api.get('/api/v1/staff/wishes', donor.accessToken), 403, 'FORBIDDEN');
      expectEnvelope(await api.get('/api/v1/staff/wish-numbers', resident.accessToken), 403, 'FORBIDDEN');
      expectEnvelope(await api.post(`${W}/${openWish}/claim`, {}, resident.accessToken), 403, 'FORBIDDEN');
      expectEnvelope(await api.post(`/api/v1/staff/wishes/${pending}/approve`, {}), 401, 'UNAUTHENTICATED');
    });
  });

  it('refuses staff of another region reviewing (the wish does not exist for them)', async () => {
    const pending = (await api.post(W, wishBody(), ben.accessToken)).body.id;
    await unchangedAfter(pending, async () => {
      expectEnvelope(await api.post(`/api/v1/staff/wishes/${pending}/approve`, {}, farStaff.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`/api/v1/staff/wishes/${pending}/edit`, { note: '改一下', budgetFen: 100 }, farStaff.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.post(`/api/v1/staff/wishes/${pending}/reject`, { reason: '不行' }, farStaff.accessToken), 404, 'NOT_FOUND');
      expectEnvelope(await api.get(`/api/v1/staff/wishes/${pending}`, farStaff.accessToken), 404, 'NOT_FOUND');
    });
    expect((await api.get('/api/v1/staff/wishes', farStaff.accessToken)).body.wishes).toEqual([]);
    // Reviewing twice is refused too.
    await api.post(`/api/v1/staff/wishes/${pending}/approve`, {}, staff.accessToken);
    await unchangedAfter(pending, async () => { expectEnvelope(await api.post(`/api/v1/staff/wishes/${pending}/reject`, { reason: '晚了' }, staff.accessToken), 409, 'WISH_STATE_INVALID'); });
  });
});

describe('claims: limit per donor, release, lapse', () => {
  it('lets a donor hold at most 5 claims at once; releasing frees a place', async () => {
    const d = await api.signIn('w-busy-donor', { role: 'donor' });
    const ids = [];
    for (let i = 0; i < 6; i += 1) ids.push(await postApproved(ben.accessToken, { title: `心愿${i}`, story: '一个小心愿。', budgetFen: 1000 }));
    const claims = [];
    for (const id of ids.slice(0, 5)) { const r = await api.post(`${W}/${id}/claim`, {}, d.accessToken); expect(r.status).toBe(200); claims.push(r.body.id); }
    const sixth = await api.post(`${W}/${ids[5]}/claim`, {}, d.accessToken);
    expectEnvelope(sixth, 409, 'WISH_CLAIM_LIMIT');
    expect(sixth.body.error.message).toContain('5个');
    expect((await snapshot(ids[5])).wish!.status).toBe('open');

    const released = await api.post(`/api/v1/wish-claims/${claims[0]}/release`, {}, d.accessToken);
    expect(released.body).toMatchObject({ status: 'released', wish: { status: 'open', donorName: null } });
    expect((await api.post(`${W}/${ids[5]}/claim`, {}, d.accessToken)).status).toBe(200);
    // The released wish is open for someone else.
    expect((await api.post(`${W}/${ids[0]}/claim`, {}, donor2.accessToken)).status).toBe(200);
  });

  it('lapses claims not delivered in 7 days (the scheduled job), reopens the wish and lists them for staff first', async () => {
    const id = await postApproved();
    const c = await api.post(`${W}/${id}/claim`, {}, donor2.accessToken);
    const lapsing = await api.get('/api/v1/staff/wish-claims/lapsing?withinHours=200', staff.accessToken);
    expect(lapsing.body.claims.map((x: any) => x.id)).toContain(c.body.id);
    expect((await api.get('/api/v1/staff/wish-claims/lapsing?withinHours=24', staff.accessToken)).body.claims.map((x: any) => x.id)).not.toContain(c.body.id);
    expect((await api.get('/api/v1/staff/wish-claims/lapsing?withinHours=200', farStaff.accessToken)).body.claims).toEqual([]);

    const lapsedBefore = (await api.get('/api/v1/wish-numbers?regionCode=371400')).body.counts.lapsed;
    expect(await stack.app.wishes.claims.runLapseJob(new Date(Date.now() + 6 * 24 * 3600 * 1000))).toMatchObject({ lapsed: 0 });
    const result = await stack.app.wishes.claims.runLapseJob(new Date(Date.now() + 7 * 24 * 3600 * 1000 + 60_000));
    // Other tests' claims lapse in the same run too; this claim is certainly among them.
    expect(result.lapsedClaimIds).toContain(c.body.id);
    expect(result.lapsed).toBe(result.lapsedClaimIds.length);
    expect((await api.get(`${W}/${id}`)).body).toMatchObject({ status: 'open', donorName: null });
    const history = (await api.get('/api/v1/me/wish-claims', donor2.accessToken)).body.claims;
    expect(history.find((x: any) => x.id === c.body.id).status).toBe('lapsed');
    const ev = (await api.get(`/api/v1/staff/wishes/${id}`, staff.accessToken)).body.events.at(-1);
    expect(ev).toMatchObject({ type: 'lapsed', actorRole: 'system' });
    expectEnvelope(await api.post(`/api/v1/wish-claims/${c.body.id}/deliver`, { note: '晚了' }, donor2.accessToken), 409, 'WISH_STATE_INVALID');
    expect((await api.get('/api/v1/wish-numbers?regionCode=371400')).body.counts.lapsed).toBe(lapsedBefore + result.lapsed);
    // A second run finds nothing more to do.
    expect((await stack.app.wishes.claims.runLapseJob(new Date(Date.now() + 8 * 24 * 3600 * 1000))).lapsed).toBe(0);
    expect((await api.post(`${W}/${id}/claim`, {}, donor.accessToken)).status).toBe(200);
  });

  it('frees a lock a stopped process left behind (after 10 minutes)', async () => {
    const id = await postApproved();
    await stack.app.db.collection('wish_active_claims').insertOne({ _id: id as any, claimId: 'ghost', donorId: 'ghost', at: new Date(Date.now() - 11 * 60_000) });
    expectEnvelope(await api.post(`${W}/${id}/claim`, {}, donor.accessToken), 409, 'WISH_ALREADY_CLAIMED');
    expect((await stack.app.wishes.claims.runLapseJob()).orphansFreed).toBeGreaterThanOrEqual(1);
    expect((await api.post(`${W}/${id}/claim`, {}, donor2.accessToken)).status).toBe(200);
  });

  it('applies a claim whose writer stopped right after recording its event, at the very next read', async () => {
    const id = await postApproved();
    const d = await api.signIn('w-donor-stopped', { role: 'donor' });
    // What a claim leaves when its process stops between recording event 3 and applying it: the
    // lock, the slot and the event — no claim document, and the wish still at sequence 2, open.
    const claimId = 'stopped-claim';
    const now = new Date();
    const claim = {
      _id: claimId, wishId: id, regionCode: '371402001001', category: 'health', donorId: d.user.id, donorName: '爱心人士', donorKind: 'person', slotId: `${d.user.id}:0`,
      status: 'active', claimedAt: now, dueAt: new Date(now.getTime() + 7 * 24 * 3600 * 1000), deliveredAt: null, deliverNote: null, deliverPhotoFileIds: [], endedAt: null, certificateNo: null,
    };
    await stack.app.db.collection('wish_active_claims').insertOne({ _id: id as any, claimId, donorId: d.user.id, at: now });
    await stack.app.db.collection('wish_donor_slots').insertOne({ _id: `${d.user.id}:0` as any, donorId: d.user.id, claimId, wishId: id, at: now });
    await stack.app.db.collection('wish_events').insertOne({
      _id: `${id}:000003` as any, wishId: id, sequence: 3, type: 'claimed', actorId: d.user.id, actorRole: 'donor', at: now, requestId: 'stopped', note: null, claimId,
      wishSet: { status: 'claimed', activeClaimId: claimId, claimDonorId: d.user.id, donorName: '爱心人士', updatedAt: now }, claimSet: claim, freesClaim: false,
    });
    expect((await snapshot(id)).wish).toMatchObject({ seq: 2, status: 'open' });

    // The next reader (here the public detail, moments later — no waiting period) applies it.
    expect((await api.get(`${W}/${id}`)).body).toMatchObject({ status: 'claimed', donorName: '爱心人士' });
    expect((await snapshot(id)).wish).toMatchObject({ seq: 3, status: 'claimed', activeClaimId: claimId });
    expect((await api.get('/api/v1/me/wish-claims', d.accessToken)).body.claims).toMatchObject([{ id: claimId, status: 'active', wishId: id }]);
    expectEnvelope(await api.post(`${W}/${id}/claim`, {}, donor.accessToken), 409, 'WISH_ALREADY_CLAIMED');
    // The claim goes on normally from there.
    expect((await api.post(`/api/v1/wish-claims/${claimId}/release`, {}, d.accessToken)).body).toMatchObject({ status: 'released' });
    expect((await snapshot(id)).locks).toBe(0);
  });
});

describe('numbers', () => {
  it('shows the public the counts per region, and staff per community and per category', async () => {
    const pub = await api.get('/api/v1/wish-numbers?regionCode=371400');
    expect(pub.status).toBe(200);
    const c = pub.body.counts;
    expect(c.collected).toBe(c.open + c.claimed + c.fulfilled);
    expect(c.fulfilled).toBeGreaterThanOrEqual(2);
    expect((await api.get('/api/v1/wish-numbers?regionCode=371500')).body.counts).toEqual({ collected: 0, open: 0, claimed: 0, fulfilled: 0, lapsed: 0 });
    expectEnvelope(await api.get('/api/v1/wish-numbers?regionCode=abc'), 400, 'VALIDATION_FAILED');

    const s = await api.get('/api/v1/staff/wish-numbers', staff.accessToken);
    expect(s.body.counts).toEqual(c);
    expect(s.body.pendingReview).toBeGreaterThan(0);
    expect(s.body.byCommunity[0]).toMatchObject({ regionCode: '371402001001', name: '新华街道新湖社区' });
    const health = s.body.byCategory.find((x: any) => x.category === 'health');
    expect(health.counts.fulfilled).toBeGreaterThanOrEqual(1);
    expect(s.body.byCategory.reduce((n: number, x: any) => n + x.counts.collected, 0)).toBe(c.collected);
  });

  it('publishes the local rules', async () => {
    expect((await api.get('/api/v1/wish-rules?regionCode=371402')).body).toEqual({ budgetCapFen: 50000, storyMaxChars: 300, maxActiveClaims: 5, lapseDays: 7, photoMaxBytes: 1024 * 1024 });
  });
});

describe('the budget cap in the document (config.wishes, stated when the routes are registered)', () => {
  const budgetOf = (doc: any, path: string) => doc.paths[path].post.requestBody.content['application/json'].schema.properties.budgetFen;

  it('states the local cap as the maximum of budgetFen, for posting and for staff edits', async () => {
    const doc = (await api.get('/docs/json')).body;
    expect(budgetOf(doc, '/api/v1/wishes')).toMatchObject({ type: 'integer', minimum: 1, maximum: 50000 });
    expect(budgetOf(doc, '/api/v1/staff/wishes/{id}/edit')).toMatchObject({ type: 'integer', minimum: 1, maximum: 50000 });
    expect((await api.post(W, wishBody({ budgetFen: 50000 }), ben.accessToken)).status).toBe(201);
    const over = await api.post(W, wishBody({ budgetFen: 50001 }), ben.accessToken);
    expectEnvelope(over, 400, 'WISH_OVER_BUDGET');
    expect(over.body.error.details).toEqual({ fields: [{ path: '/budgetFen', rule: 'budgetCap', max: 50000 }] });
  });

  it('with regional caps: the highest is the maximum, the description names each, and a lower regional cap still answers 400 WISH_OVER_BUDGET', async () => {
    const regional = await startStack({ overrides: { wishes: { contentCheck: 'off', budgetCapFen: 50000, budgetCapByRegion: { 371402: 20000, 371500: 80000 } } } });
    try {
      const r = client(regional.baseUrl);
      const doc = (await r.get('/docs/json')).body;
      const budget = budgetOf(doc, '/api/v1/wishes');
      expect(budget).toMatchObject({ minimum: 1, maximum: 80000 });
      expect(budget.description).toEqual(expect.stringContaining('默认 ¥500'));
      expect(budget.description).toEqual(expect.stringContaining('371402 及下属地区 ¥200'));
      expect(budget.description).toEqual(expect.stringContaining('371500 及下属地区 ¥800'));
      const person = await r.signIn('w-regional');
      expect((await r.put('/api/v1/me/profile', { name: '王建国', idNumber: idFor('37140219520301001'), phone: '13912345678', hukou: 'urban', regionCode: '371402001001' }, person.accessToken)).status).toBe(200);
      // Within the schema, over the region's own cap: the service's answer, naming that cap.
      const local = await r.post(W, wishBody({ budgetFen: 20001 }), person.accessToken);
      expectEnvelope(local, 400, 'WISH_OVER_BUDGET');
      expect(local.body.error.message).toContain('¥200');
      // Over every cap: refused by the schema, the same code.
      expectEnvelope(await r.post(W, wishBody({ budgetFen: 80001 }), person.accessToken), 400, 'WISH_OVER_BUDGET');
      expect((await r.post(W, wishBody({ budgetFen: 20000 }), person.accessToken)).status).toBe(201);
    } finally {
      await regional.stop();
    }
  });
});
