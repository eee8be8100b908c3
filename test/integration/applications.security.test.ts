import { startStack, type Stack } from '../support/stack';
import { expectEnvelope } from '../support/http';
import { applicationsKit, idNumber, PDF } from '../support/applications';

const wrongCheckDigit = (first17: string) => first17 + (idNumber(first17).endsWith('1') ? '2' : '1');

let stack: Stack;
let kit: ReturnType<typeof applicationsKit>;
let township: string;
let county: string;
beforeAll(async () => {
  stack = await startStack();
  kit = applicationsKit(stack);
  township = await kit.staff('s-township', '371402001', 'township');
  county = await kit.staff('s-county', '371402', 'county');
});
afterAll(() => stack.stop());

describe('bad input and security', () => {
  it('ids swapped: another resident gets 404 for the application, the draft and their actions', async () => {
    const a = await kit.resident('s-owner');
    const b = await kit.resident('s-intruder');
    const app = await kit.submitted(a.token);
    const draft = await kit.api.post('/api/v1/applications/drafts', { programme: 'tekun' }, a.token);
    const before = await kit.counts();
    expectEnvelope(await kit.api.get(`/api/v1/applications/${app.id}`, b.token), 404, 'NOT_FOUND');
    expectEnvelope(await kit.api.post(`/api/v1/applications/${app.id}/withdraw`, {}, b.token), 404, 'NOT_FOUND');
    expectEnvelope(await kit.api.post(`/api/v1/applications/${app.id}/supplement`, { documents: [{ item: 'idCard', fileId: 'x' }] }, b.token), 404, 'NOT_FOUND');
    expectEnvelope(await kit.api.get(`/api/v1/applications/drafts/${draft.body.id}`, b.token), 404, 'NOT_FOUND');
    expectEnvelope(await kit.api.put(`/api/v1/applications/drafts/${draft.body.id}`, { form: { reason: '篡改' } }, b.token), 404, 'NOT_FOUND');
    expectEnvelope(await kit.api.post(`/api/v1/applications/drafts/${draft.body.id}/consent`, { textVersion: '2026-01', agreed: true }, b.token), 404, 'NOT_FOUND');
    expectEnvelope(await kit.api.post('/api/v1/applications', { draftId: draft.body.id, idempotencyKey: kit.key() }, b.token), 404, 'NOT_FOUND');
    expect((await kit.api.get('/api/v1/applications', b.token)).body.applications).toEqual([]);
    expect(await kit.counts()).toEqual(before);
    // Someone else's file, or one that does not exist, cannot be attached: 404 naming the field (the two
    // answers alike, so the refusal tells nothing about another person's files), and the draft is unchanged.
    const foreign = (await kit.upload(a.token)).body.id;
    const own = (await kit.upload(b.token)).body.id;
    const mine = await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao' }, b.token);
    const saved = await kit.api.get(`/api/v1/applications/drafts/${mine.body.id}`, b.token);
    for (const fileId of [foreign, '00000000-0000-4000-8000-000000000000']) {
      const refused = await kit.api.put(`/api/v1/applications/drafts/${mine.body.id}`, { form: { reason: '不应保存' }, documents: [{ item: 'idCard', fileId: own }, { item: 'householdRegister', fileId }] }, b.token);
      expectEnvelope(refused, 404, 'APPLICATION_DOCUMENT_UNUSABLE');
      expect(refused.body.error.message).toBe('所选材料文件不存在或不属于您');
      expect(refused.body.error.details).toEqual({ fields: [{ path: '/documents/1/fileId', rule: 'owned' }] });
    }
    expect((await kit.api.get(`/api/v1/applications/drafts/${mine.body.id}`, b.token)).body).toEqual(saved.body);
  });

  it('staff of another region get 404 and leave no audit; a resident gets 403 on staff routes', async () => {
    const a = await kit.resident('s-region');
    const app = await kit.submitted(a.token);
    const liaocheng = await kit.staff('s-liaocheng', '371500', 'county');
    const neighbour = await kit.staff('s-neighbour', '371402002', 'township');
    const audits = await stack.app.models.Audit.countDocuments({ subjectId: a.userId, action: 'person.read' });
    for (const token of [liaocheng, neighbour]) {
      expectEnvelope(await kit.api.get(`/api/v1/staff/applications/${app.id}`, token), 404, 'NOT_FOUND');
      expectEnvelope(await kit.act(token, app.id, 'accept'), 404, 'NOT_FOUND');
      expect((await kit.api.get('/api/v1/staff/applications', token)).body.applications.map((x: { id: string }) => x.id)).not.toContain(app.id);
    }
    expect(await stack.app.models.Audit.countDocuments({ subjectId: a.userId, action: 'person.read' })).toBe(audits);
    expectEnvelope(await kit.api.get(`/api/v1/staff/applications/${app.id}`, a.token), 403, 'FORBIDDEN');
    expectEnvelope(await kit.act(a.token, app.id, 'accept'), 403, 'FORBIDDEN');
    expect((await kit.api.get(`/api/v1/applications/${app.id}`, a.token)).body.sequence).toBe(1);
  });

  it('each step belongs to its level: township cannot approve, county cannot accept (403)', async () => {
    const app = await kit.submitted((await kit.resident('s-level')).token);
    const r = await kit.act(county, app.id, 'accept');
    expectEnvelope(r, 403, 'APPLICATION_STEP_LEVEL');
    expect(r.body.error.message).toContain('乡镇（街道）');
    await kit.act(township, app.id, 'accept');
    expectEnvelope(await kit.act(township, app.id, 'reject', { reasons: '不符合条件' }), 403, 'APPLICATION_STEP_LEVEL');
  });

  it('skipping a step, acting twice, acting on a withdrawn case: 409 naming the state, nothing written', async () => {
    const me = await kit.resident('s-order');
    const app = await kit.submitted(me.token);
    const skip = await kit.act(township, app.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 1000 });
    expectEnvelope(skip, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    expect(skip.body.error.message).toBe('当前状态为「已提交，待受理」，不能审核');
    expect((await kit.act(township, app.id, 'accept')).status).toBe(200);
    const twice = await kit.act(township, app.id, 'accept');
    expectEnvelope(twice, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    expect(twice.body.error.message).toContain('已受理，待入户调查');
    const skipVisit = await kit.act(township, app.id, 'public-notice');
    expectEnvelope(skipVisit, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');

    const w = await kit.api.post(`/api/v1/applications/${app.id}/withdraw`, { note: '不需要了' }, me.token);
    expect(w.body.status).toBe('withdrawn');
    const before = await kit.counts();
    for (const [step, body] of [['home-visit', kit.visit], ['accept', {}], ['reject', { reasons: '理由说明' }]] as const) {
      const r = await kit.act(step === 'reject' ? county : township, app.id, step, body);
      expectEnvelope(r, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
      expect(r.body.error.message).toContain('已撤回');
    }
    const again = await kit.api.post(`/api/v1/applications/${app.id}/withdraw`, {}, me.token);
    expectEnvelope(again, 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
    expect(again.body.error.message).toContain('已撤回');
    expect(await kit.counts()).toEqual(before);
    expect((await kit.api.get(`/api/v1/applications/${app.id}`, me.token)).body.allowedActions).toEqual([]);
  });

  it('a stale view (expectedSequence) gets 409 conflict', async () => {
    const app = await kit.submitted((await kit.resident('s-stale')).token);
    await kit.act(township, app.id, 'accept', { expectedSequence: 1 });
    const r = await kit.act(township, app.id, 'home-visit', { ...kit.visit, expectedSequence: 1 });
    expectEnvelope(r, 409, 'APPLICATION_CONFLICT');
  });

  it('two staff acting at once: one wins, the other gets 409; one event per sequence', async () => {
    for (let round = 0; round < 3; round++) {
      const app = await kit.submitted((await kit.resident(`s-race-${round}`)).token);
      const other = await kit.staff(`s-township-2`, '371402001', 'township');
      const [r1, r2] = await Promise.all([kit.act(township, app.id, 'accept', { note: 'A' }), kit.act(other, app.id, 'accept', { note: 'B' })]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const loser = r1.status === 409 ? r1 : r2;
      expect(['APPLICATION_CONFLICT', 'APPLICATION_TRANSITION_NOT_ALLOWED']).toContain(loser.body.error.code);
      const events = await stack.app.db.collection('application_events').find({ applicationId: app.id }).toArray();
      expect(events.map((e) => e.action)).toEqual(['submit', 'accept']);
      // Different actions at once (accept vs request-supplement): still one wins.
      const app2 = await kit.submitted((await kit.resident(`s-race2-${round}`)).token);
      const [a, b] = await Promise.all([kit.act(township, app2.id, 'accept'), kit.act(other, app2.id, 'request-supplement', { missingDocuments: ['户口簿'] })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const view = await kit.api.get(`/api/v1/staff/applications/${app2.id}`, township);
      expect(view.body.sequence).toBe(2);
      expect(view.body.timeline).toHaveLength(2);
      expect(view.body.status).toBe(a.status === 200 ? 'accepted' : 'supplementRequested');
    }
  });

  it('submit without consent is refused, and nothing is saved', async () => {
    const me = await kit.resident('s-consent');
    const d = await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao' }, me.token);
    const before = await kit.counts();
    const r = await kit.api.post('/api/v1/applications', { draftId: d.body.id, idempotencyKey: kit.key() }, me.token);
    expectEnvelope(r, 409, 'CHECK_AUTHORIZATION_REQUIRED'); // the draft's state, not the request, is wrong
    expect(await kit.counts()).toEqual(before);
    expectEnvelope(await kit.api.post(`/api/v1/applications/drafts/${d.body.id}/consent`, { textVersion: '2019-01', agreed: true }, me.token), 409, 'CHECK_AUTHORIZATION_OUTDATED');
    expectEnvelope(await kit.api.post(`/api/v1/applications/drafts/${d.body.id}/consent`, { textVersion: '2026-01', agreed: false }, me.token), 400, 'VALIDATION_FAILED');
    // With consent but an incomplete form: 409 listing every problem, nothing saved.
    await kit.api.post(`/api/v1/applications/drafts/${d.body.id}/consent`, { textVersion: '2026-01', agreed: true }, me.token);
    const incomplete = await kit.api.post('/api/v1/applications', { draftId: d.body.id, idempotencyKey: kit.key() }, me.token);
    expectEnvelope(incomplete, 409, 'APPLICATION_INCOMPLETE');
    expect(incomplete.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['/form/reason', '/documents/idCard', '/documents/householdRegister']);
    expect(await kit.counts()).toEqual(before);
  });

  it('a retried submit returns the same application, also when both arrive at once', async () => {
    const me = await kit.resident('s-retry');
    const draft = await kit.readyDraft(me.token);
    const key = kit.key();
    const before = await kit.counts();
    const [r1, r2] = await Promise.all([
      kit.api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: key }, me.token),
      kit.api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: key }, me.token),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 201]);
    expect(r1.body.id).toBe(r2.body.id);
    const r3 = await kit.api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: key }, me.token);
    expect(r3.status).toBe(200);
    expect(r3.body.id).toBe(r1.body.id);
    // Even a new key for a draft already submitted returns the same application.
    expect((await kit.api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: kit.key() }, me.token)).body.id).toBe(r1.body.id);
    const after = await kit.counts();
    expect(after.apps - before.apps).toBe(1);
    expect(after.events - before.events).toBe(1);
    // The draft cannot be changed any more.
    expectEnvelope(await kit.api.put(`/api/v1/applications/drafts/${draft.id}`, { form: {} }, me.token), 409, 'APPLICATION_DRAFT_SUBMITTED');
  });

  it('one open application per person and programme: a second is refused and leaves no keys behind', async () => {
    const me = await kit.resident('s-open');
    await kit.submitted(me.token);
    const second = await kit.readyDraft(me.token);
    const before = await kit.counts();
    const key = kit.key();
    expectEnvelope(await kit.api.post('/api/v1/applications', { draftId: second.id, idempotencyKey: key }, me.token), 409, 'APPLICATION_ALREADY_OPEN');
    expect(await kit.counts()).toEqual(before);
    // Another programme is fine.
    const f = (await kit.upload(me.token)).body.id;
    await kit.submitted(me.token, 'disabilityLiving', { form: { members: [{ key: 'self', name: '王秀英', relation: 'self', disabilityGrade: 3 }], reason: '三级残疾，低保家庭' }, documents: [{ item: 'idCard', fileId: f }, { item: 'disabilityCertificate', fileId: f }] });
  });

  it('refuses bad input: unknown fields, bad ID numbers, approval without amount, a single investigator', async () => {
    const me = await kit.resident('s-input');
    expectEnvelope(await kit.api.post('/api/v1/applications/drafts', { programme: 'lottery' }, me.token), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao', extra: 1 }, me.token), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao', onBehalfOf: { name: '某人', idNumber: wrongCheckDigit('37140219480808003'), regionCode: '371402001', relation: '亲属' } }, me.token), 400, 'INVALID_ID_NUMBER');
    const noProfile = await kit.api.signIn('s-no-profile');
    expectEnvelope(await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao' }, noProfile.accessToken), 409, 'APPLICATION_PROFILE_REQUIRED');
    expectEnvelope(await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao' }), 401);

    const app = await kit.submitted(me.token);
    await kit.act(township, app.id, 'accept');
    const before = await kit.counts();
    expectEnvelope(await kit.act(township, app.id, 'home-visit', { ...kit.visit, investigators: ['张伟'] }), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.act(township, app.id, 'home-visit', { ...kit.visit, investigators: ['张伟', '张伟'] }), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.act(township, app.id, 'home-visit', { ...kit.visit, visitedOn: '2099-01-01' }), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.act(township, app.id, 'home-visit', { ...kit.visit, photos: ['not-mine'] }), 404, 'APPLICATION_DOCUMENT_UNUSABLE');
    await kit.act(township, app.id, 'home-visit', kit.visit);
    expectEnvelope(await kit.act(township, app.id, 'review', { recommendation: 'approve' }), 400, 'APPLICATION_AMOUNT_REQUIRED');
    expect((await kit.counts()).events).toBe(before.events + 1);
    const reviewed = await kit.act(township, app.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: -5 });
    expectEnvelope(reviewed, 400, 'VALIDATION_FAILED');
  });

  it('uploads of the wrong type or a renamed executable are refused (4xx)', async () => {
    const me = await kit.resident('s-upload');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]);
    expect((await kit.upload(me.token, exe, 'scan.pdf')).status).toBe(415);
    expect((await kit.upload(me.token, Buffer.from('hello world, not a document'), 'note.png')).status).toBe(415);
    expect((await kit.upload(me.token, PDF, 'ok.pdf')).status).toBe(201);
  });

  it('a transition whose application update was lost is completed on the next read', async () => {
    const me = await kit.resident('s-replay');
    const app = await kit.submitted(me.token);
    // Simulate a crash after the event insert: write the event, leave the application behind.
    await stack.app.db.collection('application_events').insertOne({
      _id: `${app.id}:000002` as never, applicationId: app.id, sequence: 2, action: 'accept', fromStatus: 'submitted', toStatus: 'accepted',
      actor: { userId: 'x', role: 'township', regionCode: '371402001' }, at: new Date(), note: '', attachments: [], details: {}, detailsCipher: null,
      patch: { status: 'accepted', acceptedOn: '2026-03-02', overallDueOn: '2026-04-14', stepDue: { step: 'homeVisit', dueOn: '2026-03-05' }, updatedAt: new Date() },
    });
    const seen = await kit.api.get(`/api/v1/applications/${app.id}`, me.token);
    expect(seen.body).toMatchObject({ status: 'accepted', sequence: 2 });
    expect((await stack.app.db.collection('applications').findOne({ _id: app.id as never }))!.status).toBe('accepted');
    expectEnvelope(await kit.act(township, app.id, 'accept'), 409, 'APPLICATION_TRANSITION_NOT_ALLOWED');
  });
});
