import { startStack, type Stack } from '../support/stack';
import { client, expectEnvelope, request } from '../support/http';

let stack: Stack;
let api: ReturnType<typeof client>;
beforeAll(async () => { stack = await startStack({ overrides: { uploads: { maxBytes: 64 * 1024 } } }); api = client(stack.baseUrl); });
afterAll(() => stack.stop());

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 1)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]);

async function upload(token: string, purpose: string, data: Buffer, name: string, type = 'image/png') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  const res = await fetch(`${stack.baseUrl}/api/v1/files?purpose=${purpose}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.json() as any, headers: res.headers };
}

async function profileIn(openid: string, regionCode: string, idNumber: string) {
  const s = await api.signIn(openid);
  const r = await api.put('/api/v1/me/profile', { name: '赵六', idNumber, phone: '13700000000', hukou: 'rural', regionCode }, s.accessToken);
  expect(r.status).toBe(200);
  return s;
}

describe('uploaded files', () => {
  let owner: Awaited<ReturnType<typeof profileIn>>;
  beforeAll(async () => { owner = await profileIn('f-owner', '371402001', '11010519491231002X'); });

  it('accepts a photo or PDF, identified by its content, and serves it back only to the owner', async () => {
    const up = await upload(owner.accessToken, 'document', PDF, '户口本.pdf', 'application/octet-stream');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ purpose: 'document', name: '户口本.pdf', contentType: 'application/pdf', size: PDF.length });
    const res = await fetch(`${stack.baseUrl}/api/v1/files/${up.body.id}`, { headers: { authorization: `Bearer ${owner.accessToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    // Listed for reuse in another application.
    expect((await api.get('/api/v1/files?purpose=document', owner.accessToken)).body.files.map((f: { id: string }) => f.id)).toContain(up.body.id);
  });

  it('refuses a renamed executable, an empty file and a PDF as a wish photo', async () => {
    expectEnvelope(await upload(owner.accessToken, 'document', EXE, 'photo.jpg', 'image/jpeg') as never, 415, 'FILE_TYPE_NOT_ALLOWED');
    expectEnvelope(await upload(owner.accessToken, 'document', Buffer.alloc(0), 'empty.png') as never, 400, 'FILE_MISSING');
    expectEnvelope(await upload(owner.accessToken, 'wishPhoto', PDF, 'x.pdf') as never, 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(await stack.app.models.File.countDocuments({ ownerId: owner.user.id, name: { $in: ['photo.jpg', 'empty.png', 'x.pdf'] } })).toBe(0);
  });

  it('refuses an oversize file', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(100 * 1024)]);
    expectEnvelope(await upload(owner.accessToken, 'document', big, 'big.png') as never, 413, 'FILE_TOO_LARGE');
  });

  it('refuses an unknown purpose and a request without a file', async () => {
    expectEnvelope(await upload(owner.accessToken, 'selfie', PNG, 'a.png') as never, 400, 'VALIDATION_FAILED');
    const res = await api.post('/api/v1/files?purpose=document', { file: 'not a file' }, owner.accessToken);
    expectEnvelope(res, 400, 'FILE_MISSING');
  });

  it('takes exactly the one file part `file` the API document states, and no other part', async () => {
    const send = async (form: FormData) => {
      const res = await fetch(`${stack.baseUrl}/api/v1/files?purpose=document`, { method: 'POST', headers: { authorization: `Bearer ${owner.accessToken}` }, body: form });
      return { status: res.status, body: await res.json() as any, headers: res.headers };
    };
    const plainField = new FormData();
    plainField.append('file', PDF.toString('latin1')); // a text field, not a file
    expectEnvelope(await send(plainField) as never, 400, 'FILE_MISSING');
    // Another part, before or after the file, is refused like an unknown JSON field; nothing is stored.
    const otherName = new FormData();
    otherName.append('photo', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'other-name.png');
    const refused = await send(otherName);
    expectEnvelope(refused as never, 400, 'VALIDATION_FAILED');
    expect(refused.body.error.details.fields).toEqual([{ path: '/', rule: 'additionalProperties', field: 'photo' }]);
    const extraField = new FormData();
    extraField.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'extra-field.png');
    extraField.append('note', 'hello');
    expectEnvelope(await send(extraField) as never, 400, 'VALIDATION_FAILED');
    expect(await stack.app.models.File.countDocuments({ name: { $in: ['other-name.png', 'extra-field.png'] } })).toBe(0);
    const doc = (await api.get('/docs/json')).body;
    expect(doc.paths['/api/v1/files'].post.requestBody.content['multipart/form-data'].schema).toMatchObject({ required: ['file'], additionalProperties: false });
  });

  it('serves a file to staff of the region (audited) and to nobody else', async () => {
    const up = await upload(owner.accessToken, 'document', PNG, 'a.png');
    const path = `/api/v1/files/${up.body.id}`;
    const stranger = await api.signIn('f-stranger');
    expectEnvelope(await api.get(path, stranger.accessToken), 404);
    const otherStaff = await api.signIn('f-staff-lc', { role: 'staff', regionCode: '371500' });
    expectEnvelope(await api.get(path, otherStaff.accessToken), 404);
    const staff = await api.signIn('f-staff-dz', { role: 'staff', regionCode: '371400' });
    expect((await api.get(path, staff.accessToken)).status).toBe(200);
    expect(await stack.app.models.Audit.countDocuments({ action: 'file.read', subjectId: owner.user.id, actorId: staff.user.id })).toBe(1);
    expectEnvelope(await api.get(path), 401);
    expectEnvelope(await api.get('/api/v1/files/00000000-0000-0000-0000-000000000000', owner.accessToken), 404);
  });

  it('lets staff of another region read a file once a record of theirs carries it (帮办代办)', async () => {
    const helper = await profileIn('f-helper', '371502', '11010519491231003' + '8');
    const up = await upload(helper.accessToken, 'document', PNG, 'b.png');
    const dezhouStaff = await api.signIn('f-staff-dz2', { role: 'staff', regionCode: '371400' });
    expectEnvelope(await api.get(`/api/v1/files/${up.body.id}`, dezhouStaff.accessToken), 404);
    await stack.app.services.files.grantRegion(up.body.id, '371402001');
    await stack.app.services.files.grantRegion(up.body.id, '371402001'); // attaching twice is harmless
    expect((await api.get(`/api/v1/files/${up.body.id}`, dezhouStaff.accessToken)).status).toBe(200);
  });
});

describe('a broken upload is a 400 in the envelope, never a 500', () => {
  const part = (boundary: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF.toString('latin1')}\r\n`;
  const send = async (contentType: string, body: string) => {
    const s = await api.signIn('f-broken');
    return request(stack.baseUrl, 'POST', '/api/v1/files?purpose=document', { raw: body, headers: { 'content-type': contentType }, token: s.accessToken });
  };

  it.each([
    ['no boundary', 'multipart/form-data', `${part('b1')}--b1--\r\n`],
    ['a boundary that never appears', 'multipart/form-data; boundary=elsewhere', `${part('b1')}--b1--\r\n`],
    ['a body cut short inside the file', 'multipart/form-data; boundary=b1', part('b1').slice(0, -20)],
    ['a body cut short inside the part headers', 'multipart/form-data; boundary=b1', '--b1\r\nContent-Disposition: form-da'],
  ])('%s', async (_what, contentType, body) => {
    expectEnvelope(await send(contentType, body), 400, 'MULTIPART_INVALID');
  });

  it('stores nothing for any of them', async () => {
    const s = await api.signIn('f-broken');
    expect((await api.get('/api/v1/files', s.accessToken)).body.files).toEqual([]);
  });
});

describe('uploads per account per day', () => {
  let capped: Stack;
  beforeAll(async () => { capped = await startStack({ overrides: { uploads: { maxBytes: 64 * 1024, perAccountPerDay: 3 } } }); });
  afterAll(() => capped.stop());

  const uploadTo = async (s: Stack, token: string, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), name);
    const res = await fetch(`${s.baseUrl}/api/v1/files?purpose=document`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any, headers: res.headers };
  };

  it('a burst of 10 parallel uploads gets exactly the 3 of the day, the rest 429; another account is not affected', async () => {
    const c = client(capped.baseUrl);
    const burst = await c.signIn('f-burst');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => uploadTo(capped, burst.accessToken, `p${i}.png`)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    for (const r of results.filter((x) => x.status !== 201)) expectEnvelope(r as never, 429, 'UPLOAD_LIMIT_REACHED');
    expect(await capped.app.models.File.countDocuments({ ownerId: burst.user.id })).toBe(3);
    expectEnvelope(await uploadTo(capped, burst.accessToken, 'later.png') as never, 429, 'UPLOAD_LIMIT_REACHED');
    const other = await c.signIn('f-burst-other');
    expect((await uploadTo(capped, other.accessToken, 'mine.png')).status).toBe(201);
  });
});
