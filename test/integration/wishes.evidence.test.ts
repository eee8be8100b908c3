/**
 * 微心愿 with evidence (issue 12 item 7) against the real API and database: photos are real images
 * under the configured cap and stored without metadata; a post with photos carries the poster's
 * word that no child's face is shown; staff remove a photo with a reason; the donor's delivery
 * photo is shown to the public and the person only once the delivery is confirmed; the donor's
 * chosen display name (or 匿名) is what the person and the certificate see; a person found through
 * monitoring is referred to a wish only with their recorded consent.
 */
import { checkCharFor } from '@dajiuzhu/shared';
import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope } from '../support/http';
import { startFakeWechatContent } from '../support/fakeWechatContent';
import { verifiedResident } from '../support/identity';
import { JPEG_16, SECRET, jpegWithMetadata, pngImage, pngWithMetadata, webpWithMetadata } from '../support/images';
import '../../server/src/domains/wishes/api';

let stack: Stack;
let fake: Awaited<ReturnType<typeof startFakeWechatContent>>;
let api: ReturnType<typeof client>;
type Session = Awaited<ReturnType<ReturnType<typeof client>['signIn']>>;
let ben: Session;
let donor: Session;
let staff: Session;
let farStaff: Session;

const W = '/api/v1/wishes';
const PHOTO_MAX = 20 * 1024;
const idFor = (first17: string) => first17 + checkCharFor(first17);
const wishBody = (over: Record<string, unknown> = {}) => ({ category: 'study', title: '一个新书包', story: '孙女的书包破了，想要一个结实的新书包。', budgetFen: 12000, ...over });

async function upload(token: string, data: Buffer, purpose = 'wishPhoto', name = 'item.jpg') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${stack.baseUrl}/api/v1/files?purpose=${purpose}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}
const getPhoto = (wishId: string, fileId: string, token?: string) =>
  fetch(`${stack.baseUrl}${W}/${wishId}/photos/${fileId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const fileCount = () => stack.app.db.collection('files').countDocuments();

async function postWithPhoto(): Promise<{ id: string; photo: string }> {
  const photo = await upload(ben.accessToken, JPEG_16);
  expect(photo.status).toBe(201);
  const posted = await api.post(W, wishBody({ photoFileIds: [photo.body.id], noChildFaces: true }), ben.accessToken);
  expect(posted.status).toBe(201);
  return { id: posted.body.id, photo: photo.body.id };
}

beforeAll(async () => {
  fake = await startFakeWechatContent();
  stack = await startStack({ overrides: { wechat: { apiBaseUrl: fake.baseUrl, timeoutMs: 500 }, wishes: { photoMaxBytes: PHOTO_MAX } } as never });
  api = client(stack.baseUrl);
  ben = await api.signIn('we-ben');
  expect((await api.put('/api/v1/me/profile', { name: '孙秀兰', idNumber: idFor('37140219550301003'), phone: '13912340001', hukou: 'urban', regionCode: '371402001001' }, ben.accessToken)).status).toBe(200);
  donor = await api.signIn('we-donor', { role: 'donor' });
  staff = await api.signIn('we-staff', { role: 'staff', regionCode: '371402001', level: 'township' });
  farStaff = await api.signIn('we-far', { role: 'staff', regionCode: '371500', level: 'county' });
});
afterAll(async () => { await stack.stop(); await fake.stop(); });

describe('uploading a photo: a real image under the cap, or a clear 4xx and nothing stored', () => {
  it('refuses a file that is not an image, whatever its name (415), and stores nothing', async () => {
    const before = await fileCount();
    const exe = await upload(ben.accessToken, Buffer.from('MZ\x90\x00 not a picture at all', 'latin1'), 'wishPhoto', 'photo.jpg');
    expectEnvelope(exe as never, 415, 'FILE_TYPE_NOT_ALLOWED');
    // JPEG magic bytes in front of anything else are not a JPEG either: the structure is walked.
    const fake = await upload(ben.accessToken, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake item photo')]));
    expectEnvelope(fake as never, 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(fake.body.error.message).toContain('照片文件不完整');
    const pdf = await upload(ben.accessToken, Buffer.from('%PDF-1.4 a document'), 'deliveryPhoto', 'x.jpg');
    expectEnvelope(pdf as never, 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(await fileCount()).toBe(before);
  });

  it('refuses a photo over the configured cap (413, naming the limit), and stores nothing', async () => {
    const before = await fileCount();
    const big = pngImage(4, 4, [1, 2, 3], [Buffer.alloc(PHOTO_MAX)]); // PNG bytes padded past the cap (the size is checked first)
    for (const purpose of ['wishPhoto', 'deliveryPhoto']) {
      const res = await upload(ben.accessToken, big, purpose, 'big.png');
      expectEnvelope(res as never, 413, 'FILE_TOO_LARGE');
      expect(res.body.error.message).toContain('20KB');
    }
    expect(await fileCount()).toBe(before);
    // The cap is the photos' own: a document of the same size is accepted.
    expect((await upload(ben.accessToken, big, 'document', 'big.png')).status).toBe(201);
  });

  it('stores JPEG, PNG and WebP photos without their metadata (EXIF, GPS, comments, trailers)', async () => {
    for (const [data, name] of [[jpegWithMetadata(), 'a.jpg'], [pngWithMetadata(), 'a.png'], [webpWithMetadata(), 'a.webp']] as const) {
      expect(data.includes(Buffer.from(SECRET))).toBe(true);
      const res = await upload(ben.accessToken, data, 'wishPhoto', name);
      expect(res.status).toBe(201);
      expect(res.body.size).toBeLessThan(data.length);
      const stored = Buffer.from(await (await fetch(`${stack.baseUrl}/api/v1/files/${res.body.id}`, { headers: { authorization: `Bearer ${ben.accessToken}` } })).arrayBuffer());
      expect(stored.length).toBe(res.body.size);
      expect(stored.includes(Buffer.from(SECRET))).toBe(false);
    }
    const jpeg = await upload(ben.accessToken, jpegWithMetadata());
    const bytes = Buffer.from(await (await fetch(`${stack.baseUrl}/api/v1/files/${jpeg.body.id}`, { headers: { authorization: `Bearer ${ben.accessToken}` } })).arrayBuffer());
    expect(bytes.equals(JPEG_16)).toBe(true);
  });
});

describe('the photo rule: no faces of children', () => {
  it('a post with photos needs the poster\'s confirmation (400, nothing saved)', async () => {
    const photo = await upload(ben.accessToken, JPEG_16);
    const before = await stack.app.db.collection('wishes').countDocuments();
    for (const noChildFaces of [undefined, false]) {
      const res = await api.post(W, wishBody({ photoFileIds: [photo.body.id], ...(noChildFaces === undefined ? {} : { noChildFaces }) }), ben.accessToken);
      expectEnvelope(res, 400, 'WISH_PHOTO_RULE_NOT_CONFIRMED');
      expect(res.body.error.message).toContain('儿童的面部');
    }
    expect(await stack.app.db.collection('wishes').countDocuments()).toBe(before);
    // Without photos there is nothing to confirm.
    expect((await api.post(W, wishBody(), ben.accessToken)).status).toBe(201);
  });

  it('staff of the region remove a photo with a reason the person sees; it is no longer served', async () => {
    const { id, photo } = await postWithPhoto();
    expect((await api.post(`/api/v1/staff/wishes/${id}/approve`, {}, staff.accessToken)).status).toBe(200);
    expect((await getPhoto(id, photo)).status).toBe(200);
    const remove = (token: string, body: unknown, fileId = photo) => api.post(`/api/v1/staff/wishes/${id}/photos/${fileId}/remove`, body, token);
    expectEnvelope(await remove(farStaff.accessToken, { reason: '照片中有儿童面部' }), 404, 'NOT_FOUND');
    expectEnvelope(await remove(ben.accessToken, { reason: '照片中有儿童面部' }), 403);
    expectEnvelope(await remove(staff.accessToken, { reason: '   ' }), 400, 'VALIDATION_FAILED');
    expectEnvelope(await remove(staff.accessToken, { reason: 'x' }, '00000000-0000-0000-0000-000000000000'), 404, 'NOT_FOUND');
    expect((await getPhoto(id, photo)).status).toBe(200); // none of those changed anything

    const removed = await remove(staff.accessToken, { reason: '照片中有儿童面部，已移除' });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ photoFileIds: [], removedPhotos: [{ kind: 'wishPhoto', reason: '照片中有儿童面部，已移除' }] });
    expect(removed.body.events.at(-1)).toMatchObject({ type: 'photoRemoved', actorRole: 'staff', note: '照片中有儿童面部，已移除' });
    expect((await api.get(`${W}/${id}`)).body.photoFileIds).toEqual([]);
    expect((await getPhoto(id, photo)).status).toBe(404);
    expect((await getPhoto(id, photo, staff.accessToken)).status).toBe(404);
    const mine = (await api.get('/api/v1/me/wishes', ben.accessToken)).body.wishes.find((w: any) => w.id === id);
    expect(mine).toMatchObject({ photoFileIds: [], removedPhotos: [{ kind: 'wishPhoto', reason: '照片中有儿童面部，已移除' }] });
    expectEnvelope(await remove(staff.accessToken, { reason: '再移除一次' }), 404, 'NOT_FOUND');
  });
});

describe('delivery evidence and the donor\'s display name', () => {
  it('the delivery photo is shown to the public and the person only once the delivery is confirmed', async () => {
    const { id, photo } = await postWithPhoto();
    // Before approval only the person and staff see the wish photo.
    expect((await getPhoto(id, photo)).status).toBe(404);
    expect((await getPhoto(id, photo, ben.accessToken)).status).toBe(200);
    expect((await getPhoto(id, photo, staff.accessToken)).status).toBe(200);
    const review = await api.get('/api/v1/staff/wishes', staff.accessToken);
    expect(review.body.wishes.find((w: any) => w.id === id)).toMatchObject({ photoFileIds: [photo] });
    expect((await api.post(`/api/v1/staff/wishes/${id}/approve`, {}, staff.accessToken)).status).toBe(200);

    const claim = await api.post(`${W}/${id}/claim`, { displayName: '德州张阿姨' }, donor.accessToken);
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ donorName: '德州张阿姨', anonymous: false, wish: { donorName: '德州张阿姨' } });

    const evidence = await upload(donor.accessToken, jpegWithMetadata(), 'deliveryPhoto', 'delivered.jpg');
    expect(evidence.status).toBe(201);
    const deliverBody = { note: '书包已送到新湖社区服务站', photoFileIds: [evidence.body.id] };
    expectEnvelope(await api.post(`/api/v1/wish-claims/${claim.body.id}/deliver`, deliverBody, donor.accessToken), 400, 'WISH_PHOTO_RULE_NOT_CONFIRMED');
    const delivered = await api.post(`/api/v1/wish-claims/${claim.body.id}/deliver`, { ...deliverBody, noChildFaces: true }, donor.accessToken);
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ status: 'delivered', deliveryPhotoFileIds: [evidence.body.id], wish: { deliveryPhotoFileIds: [] } });

    // Delivered, not yet confirmed: the public and the person do not see the evidence; the donor and staff do.
    const ev = evidence.body.id as string;
    expect((await api.get(`${W}/${id}`)).body.deliveryPhotoFileIds).toEqual([]);
    expect((await api.get('/api/v1/me/wishes', ben.accessToken)).body.wishes.find((w: any) => w.id === id).deliveryPhotoFileIds).toEqual([]);
    expect((await getPhoto(id, ev)).status).toBe(404);
    expect((await getPhoto(id, ev, ben.accessToken)).status).toBe(404);
    expect((await getPhoto(id, ev, farStaff.accessToken)).status).toBe(404);
    expect((await getPhoto(id, ev, donor.accessToken)).status).toBe(200);
    const staffReadsBefore = await stack.app.models.Audit.countDocuments({ action: 'wish.photo.read', subjectId: ben.user.id });
    expect((await getPhoto(id, ev, staff.accessToken)).status).toBe(200);
    expect(await stack.app.models.Audit.countDocuments({ action: 'wish.photo.read', subjectId: ben.user.id })).toBe(staffReadsBefore + 1);
    expect((await api.get(`/api/v1/staff/wishes/${id}`, staff.accessToken)).body).toMatchObject({ deliveryPhotoFileIds: [ev], claim: { donorName: '德州张阿姨' } });

    // The person confirms: now the evidence is public, without the camera's metadata.
    expect((await api.post(`${W}/${id}/confirm`, {}, ben.accessToken)).status).toBe(200);
    expect((await api.get(`${W}/${id}`)).body).toMatchObject({ status: 'fulfilled', deliveryPhotoFileIds: [ev], donorName: '德州张阿姨' });
    const mine = (await api.get('/api/v1/me/wishes', ben.accessToken)).body.wishes.find((w: any) => w.id === id);
    expect(mine).toMatchObject({ deliveryPhotoFileIds: [ev], donorName: '德州张阿姨' });
    const pub = await getPhoto(id, ev);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('cache-control')).toContain('public');
    const bytes = Buffer.from(await pub.arrayBuffer());
    expect(bytes.equals(JPEG_16)).toBe(true);

    expect((await api.post(`${W}/${id}/thanks`, { message: '谢谢张阿姨，书包很结实！' }, ben.accessToken)).status).toBe(200);
    const cert = await api.get(`/api/v1/wish-claims/${claim.body.id}/certificate`, donor.accessToken);
    expect(cert.body).toMatchObject({ donorName: '德州张阿姨', thanks: '谢谢张阿姨，书包很结实！' });
  });

  it('an anonymous donor is 匿名爱心人士 to the person, the square and the certificate', async () => {
    const { id } = await postWithPhoto();
    await api.post(`/api/v1/staff/wishes/${id}/approve`, {}, staff.accessToken);
    const claim = await api.post(`${W}/${id}/claim`, { anonymous: true, displayName: '不会显示' }, donor.accessToken);
    expect(claim.body).toMatchObject({ donorName: '匿名爱心人士', anonymous: true });
    expect((await api.get(`${W}/${id}`)).body.donorName).toBe('匿名爱心人士');
    await api.post(`/api/v1/wish-claims/${claim.body.id}/deliver`, { note: '已送到服务站' }, donor.accessToken);
    await api.post(`${W}/${id}/confirm`, {}, staff.accessToken);
    expect((await api.get('/api/v1/me/wishes', ben.accessToken)).body.wishes.find((w: any) => w.id === id).donorName).toBe('匿名爱心人士');
    const cert = await api.get(`/api/v1/wish-claims/${claim.body.id}/certificate`, donor.accessToken);
    expect(cert.body.donorName).toBe('匿名爱心人士');
    expect(JSON.stringify(cert.body)).not.toContain('不会显示');
  });

  it('a display name is public text: no phone numbers, and it passes the content check (nothing claimed otherwise)', async () => {
    const { id } = await postWithPhoto();
    await api.post(`/api/v1/staff/wishes/${id}/approve`, {}, staff.accessToken);
    expectEnvelope(await api.post(`${W}/${id}/claim`, { displayName: '张 13912345678' }, donor.accessToken), 400, 'WISH_CONTENT_REJECTED');
    const risky = await api.post(`${W}/${id}/claim`, { displayName: '违规的名字' }, donor.accessToken);
    expectEnvelope(risky, 400, 'WISH_CONTENT_REJECTED');
    expect(risky.body.error.message).toContain('显示的名字');
    expectEnvelope(await api.post(`${W}/${id}/claim`, { displayName: '名'.repeat(21) }, donor.accessToken), 400, 'VALIDATION_FAILED');
    expect(await stack.app.db.collection('wish_claims').countDocuments({ wishId: id })).toBe(0);
    expect((await api.get(`${W}/${id}`)).body.status).toBe('open');
  });
});

describe('a referral from monitoring: only with the person\'s consent', () => {
  const referral = (over: Record<string, unknown> = {}) => ({ source: 'monitoring', reference: 'al_0123abcd', consent: { given: true, method: 'inPerson', date: '2026-11-28', note: '走访时本人同意', ...over } });

  it('staff post for a verified person with the consent recorded; the review shows it and the referral is audited', async () => {
    const person = await verifiedResident(stack, 'we-referred', { name: '钱老汉', regionCode: '371402001001' });
    const before = await stack.app.db.collection('wishes').countDocuments();
    // No consent, or consent not given: refused by the schema, nothing saved.
    expectEnvelope(await api.post(W, wishBody({ beneficiaryId: person.userId, referral: referral({ given: false }) }), staff.accessToken), 400, 'VALIDATION_FAILED');
    const noConsent = { source: 'monitoring', reference: 'al_0123abcd' };
    expectEnvelope(await api.post(W, wishBody({ beneficiaryId: person.userId, referral: noConsent }), staff.accessToken), 400, 'VALIDATION_FAILED');
    // A referral is staff posting for the person, never a person's own post.
    expectEnvelope(await api.post(W, wishBody({ referral: referral() }), ben.accessToken), 403, 'WISH_REFERRAL_NOT_ON_BEHALF');
    expect(await stack.app.db.collection('wishes').countDocuments()).toBe(before);

    const posted = await api.post(W, wishBody({ beneficiaryId: person.userId, referral: referral() }), staff.accessToken);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ postedOnBehalf: true, status: 'pendingReview' });
    const detail = await api.get(`/api/v1/staff/wishes/${posted.body.id}`, staff.accessToken);
    expect(detail.body).toMatchObject({ referral: { source: 'monitoring', consentMethod: 'inPerson', consentDate: '2026-11-28' }, beneficiaryVerified: true });
    expect(detail.body.events[0]).toMatchObject({ type: 'posted', actorRole: 'staff', note: '工作人员代为发布（动态监测转介，已取得本人同意）' });
    const audit = await stack.app.models.Audit.findOne({ action: 'wish.referral', subjectId: person.userId }).lean();
    expect(audit).toMatchObject({ actorId: staff.user.id, details: { wishId: posted.body.id, reference: 'al_0123abcd', consentMethod: 'inPerson' } });
    // The person sees it among their wishes (linked through the verified identity).
    expect((await api.get('/api/v1/me/wishes', person.accessToken)).body.wishes.map((w: any) => w.id)).toContain(posted.body.id);
  });
});
