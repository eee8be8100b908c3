import { startStack, type Stack } from '../support/stack';
import { expectEnvelope } from '../support/http';
import { applicationsKit, idNumber } from '../support/applications';
import { verifyIdentity } from '../support/identity';

/**
 * Issue 9 in the applications domain: only a verified identity links an account to a person's
 * cases and entitlements; a helper follows the case they filed and nothing else; a filing in
 * someone's name neither blocks nor reveals their own; consent is an explicit act.
 */
const FILINGS_PER_DAY = 3;
let stack: Stack;
let kit: ReturnType<typeof applicationsKit>;
let township: string;
let townshipUserId: string;
let county: string;
beforeAll(async () => {
  stack = await startStack({ overrides: { identity: { helperFilingsPerDay: FILINGS_PER_DAY } } });
  kit = applicationsKit(stack);
  const s = await kit.api.signIn('t-township', { role: 'staff', regionCode: '371402001', level: 'township' });
  township = s.accessToken;
  townshipUserId = s.user.id;
  county = await kit.staff('t-county', '371402', 'county');
});
afterAll(() => stack.stop());

let serial = 0;
/** A fresh, valid ID number born in 1950 (so dibao forms of 63-year-olds stay plausible). */
const freshId = () => idNumber(`3714021950${String(1 + (serial % 12)).padStart(2, '0')}${String(10 + (serial % 18)).padStart(2, '0')}${String(500 + ++serial).slice(-3)}`);
const onBehalf = (name: string, id: string) => ({ name, idNumber: id, phone: '13800005678', regionCode: '371402001', relation: '社区工作人员' });
const ids = (res: { body: { applications: { id: string }[] } }) => res.body.applications.map((a) => a.id);

/** accept → home visit → review → notice (ended) → approve: the case gets its entitlement. */
async function approveDibao(id: string) {
  await kit.act(township, id, 'accept');
  await kit.act(township, id, 'home-visit', kit.visit);
  await kit.act(township, id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 88000 });
  await kit.act(township, id, 'public-notice');
  await kit.endNotice(id);
  const ok = await kit.act(county, id, 'approve', {});
  if (ok.status !== 200) throw new Error(`approve: ${ok.status} ${JSON.stringify(ok.body)}`);
  return ok.body;
}

/** A filer's view of a case that tells nothing of the benefit: no entitlement, no amount anywhere, no benefit details in the timeline. */
function expectNoBenefit(view: Record<string, any>, amountFen: number) {
  expect(view).toMatchObject({ entitlement: null, proposedMonthlyAmountFen: null });
  expect(view.grantedFirst?.amountFen ?? null).toBeNull();
  for (const e of view.timeline as { details: Record<string, unknown> }[]) {
    for (const key of ['amountFen', 'proposedAmountFen', 'startMonth', 'nextRecheckOn']) expect(e.details).not.toHaveProperty(key);
  }
  // (Ids left out: a random id could contain the digits.)
  expect(JSON.stringify(view, (k, v) => (/id$/i.test(k) || k === 'attachments' ? undefined : v))).not.toContain(String(amountFen));
}

/** The staff queue row of a case (township of 371402001 sees every case here). */
const queueRow = async (id: string) => (await kit.api.get('/api/v1/staff/applications?limit=200', township)).body.applications.find((a: { id: string }) => a.id === id);

describe('a stranger who typed someone\'s ID number', () => {
  it('sees nothing of theirs — cases, entitlements, messages — and cannot withdraw or supplement', async () => {
    const person = await kit.resident('t-victim', { name: '周淑芬' });
    const app = await kit.submitted(person.token);
    await approveDibao(app.id);
    const open = await kit.submitted(person.token, 'tekun');

    const stranger = await kit.api.signIn('t-stranger');
    const saved = await kit.api.put('/api/v1/me/profile', { name: '周淑芬', idNumber: person.idNumber, phone: '13900009999', hukou: 'urban', regionCode: '371402001' }, stranger.accessToken);
    expect(saved.status).toBe(200);
    const t = stranger.accessToken;
    expect((await kit.api.get('/api/v1/applications', t)).body.applications).toEqual([]);
    expect((await kit.api.get('/api/v1/entitlements', t)).body.entitlements).toEqual([]);
    expect((await kit.api.get('/api/v1/messages', t)).body.messages).toEqual([]);
    for (const id of [app.id, open.id]) {
      expectEnvelope(await kit.api.get(`/api/v1/applications/${id}`, t), 404, 'NOT_FOUND');
      expectEnvelope(await kit.api.post(`/api/v1/applications/${id}/withdraw`, {}, t), 404, 'NOT_FOUND');
      expectEnvelope(await kit.api.post(`/api/v1/applications/${id}/supplement`, { documents: [{ item: 'idCard', fileId: 'x' }] }, t), 404, 'NOT_FOUND');
      expectEnvelope(await kit.api.post(`/api/v1/applications/${id}/confirm`, { checkAuthorization: { textVersion: '2026-01', agreed: true } }, t), 404, 'NOT_FOUND');
    }
    expect((await kit.api.get(`/api/v1/applications/${open.id}`, person.token)).body.status).toBe('submitted');

    // Filing "for themselves" under the typed number: answered like any filing, blocks nothing, audited.
    const filed = await kit.submitted(t, 'tekun');
    expect(filed.status).toBe('submitted');
    expect(filed).toMatchObject({ applicantConfirmed: false, canConfirm: false, entitlement: null });
    const audited = await stack.app.models.Audit.findOne({ actorId: stranger.user.id, action: 'application.fileOnBehalf' }).lean();
    expect(audited).toMatchObject({ subjectId: person.userId, details: { applicationId: filed.id, programme: 'tekun', helper: false, verifiedFiler: false } });
    // The person (verified) sees the filing made in their name and may withdraw it; staff see the duplicate.
    expect(ids(await kit.api.get('/api/v1/applications', person.token))).toEqual(expect.arrayContaining([app.id, open.id, filed.id]));
    expect((await queueRow(filed.id)).duplicateOf).toBe(open.id);
    expect((await kit.api.post(`/api/v1/applications/${filed.id}/withdraw`, { note: '不是我申请的' }, person.token)).body.status).toBe('withdrawn');
  });

  it('a verified person sees it all: the case filed for them before they had an account, and its entitlement', async () => {
    const helper = await kit.resident('t-helper-1', { name: '社区刘主任' });
    const personId = freshId();
    const app = await kit.submitted(helper.token, 'dibao', { onBehalfOf: onBehalf('孙桂兰', personId) });
    const approved = await approveDibao(app.id);
    expect(approved.entitlement).toMatchObject({ monthlyAmountFen: 88000 });

    const person = await kit.resident('t-person-1', { name: '孙桂兰', idNumber: personId, verify: false });
    expect((await kit.api.get('/api/v1/applications', person.token)).body.applications).toEqual([]);
    expectEnvelope(await kit.api.get(`/api/v1/applications/${app.id}`, person.token), 404, 'NOT_FOUND');
    expect((await kit.api.get('/api/v1/entitlements', person.token)).body.entitlements).toEqual([]);

    await verifyIdentity(stack, person.token);
    expect(ids(await kit.api.get('/api/v1/applications', person.token))).toEqual([app.id]);
    const seen = await kit.api.get(`/api/v1/applications/${app.id}`, person.token);
    expect(seen.body).toMatchObject({ applicantName: '孙桂兰', filedByHelper: true, helperRelation: '社区工作人员', entitlement: { monthlyAmountFen: 88000 } });
    expect(JSON.stringify(seen.body)).not.toContain(personId);
    expect((await kit.api.get('/api/v1/entitlements', person.token)).body.entitlements).toEqual([expect.objectContaining({ applicationId: app.id, monthlyAmountFen: 88000 })]);
  });
});

describe('an unverified account filing under the number it typed', () => {
  it('follows its filing to the decision but learns no amount, in the view or its messages', async () => {
    const claimant = await kit.resident('t-unverified-own', { name: '韩秀云', idNumber: freshId(), verify: false });
    const app = await kit.submitted(claimant.token);
    expect(app).toMatchObject({ applicantConfirmed: false, canConfirm: false });
    await approveDibao(app.id); // staff acceptance confirmed it (papers seen at the counter)
    const view = (await kit.api.get(`/api/v1/applications/${app.id}`, claimant.token)).body;
    expect(view.status).toBe('approved');
    expectNoBenefit(view, 88000);
    const messages = (await kit.api.get('/api/v1/messages', claimant.token)).body.messages as { title: string; body: string }[];
    expect(messages.map((m) => m.title)).toContain('申请已批准');
    for (const m of messages) expect(m.body).not.toMatch(/880|元/);
    expect(await stack.app.models.Audit.findOne({ actorId: claimant.userId, action: 'application.fileOnBehalf' }).lean())
      .toMatchObject({ subjectId: `application:${app.id}`, details: { applicationId: app.id, helper: false, verifiedFiler: false } });
  });
});

describe('helper filing (帮办代办)', () => {
  it('the helper follows the case they filed, and gets nothing else of the person', async () => {
    const personId = freshId();
    const person = await kit.resident('t-person-2', { name: '钱桂花', idNumber: personId });
    const own = await kit.submitted(person.token, 'tekun');
    const helper = await kit.resident('t-helper-2', { name: '志愿者小赵' });
    const app = await kit.submitted(helper.token, 'dibao', { onBehalfOf: onBehalf('钱桂花', personId) });
    expect(app).toMatchObject({ filedByHelper: true, applicantConfirmed: false, canConfirm: false });

    // The helper reads, supplements and withdraws only their filing.
    expect(ids(await kit.api.get('/api/v1/applications', helper.token))).toEqual([app.id]);
    expectEnvelope(await kit.api.get(`/api/v1/applications/${own.id}`, helper.token), 404, 'NOT_FOUND');
    expectEnvelope(await kit.api.post(`/api/v1/applications/${own.id}/withdraw`, {}, helper.token), 404, 'NOT_FOUND');
    await kit.act(township, app.id, 'request-supplement', { missingDocuments: ['病历'] });
    const f = (await kit.upload(helper.token)).body.id;
    expect((await kit.api.post(`/api/v1/applications/${app.id}/supplement`, { documents: [{ item: 'incomeProof', fileId: f }] }, helper.token)).body.status).toBe('submitted');
    // Only the person confirms (403 for the helper, who knows of the case anyway).
    expectEnvelope(await kit.api.post(`/api/v1/applications/${app.id}/confirm`, { checkAuthorization: { textVersion: '2026-01', agreed: true } }, helper.token), 403, 'APPLICATION_CONFIRM_NOT_PERSON');

    // Approved: the person has the entitlement; the helper sees the decision, not the entitlement.
    await approveDibao(app.id);
    const helperView = await kit.api.get(`/api/v1/applications/${app.id}`, helper.token);
    expect(helperView.body).toMatchObject({ status: 'approved', entitlement: null });
    expect((await kit.api.get('/api/v1/entitlements', helper.token)).body.entitlements).toEqual([]);
    expect((await kit.api.get('/api/v1/entitlements', person.token)).body.entitlements).toEqual([expect.objectContaining({ applicationId: app.id })]);
    expect((await kit.api.get(`/api/v1/applications/${app.id}`, person.token)).body.entitlement).toMatchObject({ applicationId: app.id });
    // The filing was audited.
    const audit = await stack.app.models.Audit.findOne({ actorId: helper.userId, action: 'application.fileOnBehalf' }).lean();
    expect(audit).toMatchObject({ subjectId: person.userId, details: { applicationId: app.id, programme: 'dibao', helper: true, verifiedFiler: true, relation: '社区工作人员' } });
  });

  it('the helper learns no benefit: no amount in the view, its timeline or their messages; the person gets it all', async () => {
    const personId = freshId();
    const person = await kit.resident('t-person-amount', { name: '蒋桂英', idNumber: personId });
    const helper = await kit.resident('t-helper-amount', { name: '社区王主任' });
    const app = await kit.submitted(helper.token, 'dibao', { onBehalfOf: onBehalf('蒋桂英', personId) });
    await approveDibao(app.id); // 880.00 元 a month, proposed and approved

    expectNoBenefit((await kit.api.get(`/api/v1/applications/${app.id}`, helper.token)).body, 88000);
    const helperMessages = (await kit.api.get('/api/v1/messages', helper.token)).body.messages as { title: string; body: string }[];
    expect(helperMessages.find((m) => m.title === '申请已批准')!.body).toBe('最低生活保障（低保）申请已批准。救助金额等待遇信息只告知申请人本人（已实名核验）。');
    for (const m of helperMessages) expect(m.body).not.toMatch(/880|元/);

    // The person (verified) sees the amounts and is told them.
    const seen = (await kit.api.get(`/api/v1/applications/${app.id}`, person.token)).body;
    expect(seen.proposedMonthlyAmountFen).toBe(88000);
    expect(seen.timeline.find((e: { action: string }) => e.action === 'approve').details).toMatchObject({ amountFen: 88000, startMonth: expect.any(String) });
    const personMessages = (await kit.api.get('/api/v1/messages', person.token)).body.messages as { title: string; body: string }[];
    expect(personMessages.find((m) => m.title === '申请已批准')!.body).toContain('880.00 元');
  });

  it('an emergency grant made first: the helper sees that it was granted, not how much', async () => {
    const personId = freshId();
    const person = await kit.resident('t-person-first', { name: '沈秀梅', idNumber: personId });
    const helper = await kit.resident('t-helper-first');
    const f = (await kit.upload(helper.token)).body.id;
    const app = await kit.submitted(helper.token, 'temporary', {
      onBehalfOf: onBehalf('沈秀梅', personId),
      form: { hukou: 'rural', members: [{ key: 'self', name: '沈秀梅', relation: 'self' }], reason: '房屋失火，生活用品全部烧毁', temporaryKind: 'emergency', requestedAmountFen: 200000 },
      documents: [{ item: 'idCard', fileId: f }],
    });
    expect((await kit.act(township, app.id, 'grant-first', { amountFen: 123400 })).status).toBe(200);

    const helperView = (await kit.api.get(`/api/v1/applications/${app.id}`, helper.token)).body;
    expect(helperView.grantedFirst).toMatchObject({ amountFen: null, paperworkPending: true });
    expectNoBenefit(helperView, 123400);
    const helperMessages = (await kit.api.get('/api/v1/messages', helper.token)).body.messages as { title: string; body: string }[];
    expect(helperMessages.map((m) => m.title)).toContain('已先行救助');
    for (const m of helperMessages) expect(m.body).not.toMatch(/1234|元/);

    expect((await kit.api.get(`/api/v1/applications/${app.id}`, person.token)).body.grantedFirst).toMatchObject({ amountFen: 123400 });
    const personMessages = (await kit.api.get('/api/v1/messages', person.token)).body.messages as { title: string; body: string }[];
    expect(personMessages.find((m) => m.title === '已先行救助')!.body).toContain('1234.00 元');
  });

  it('a filing in someone\'s name answers 201 whether or not they have an open case; staff see the duplicate', async () => {
    const helper = await kit.resident('t-helper-3');
    const busyId = freshId();
    const busy = await kit.resident('t-busy', { name: '吴秀兰', idNumber: busyId });
    const open = await kit.submitted(busy.token);
    const before = await kit.counts();
    const forBusy = await kit.submitted(helper.token, 'dibao', { onBehalfOf: onBehalf('吴秀兰', busyId) });
    const forFree = await kit.submitted(helper.token, 'dibao', { onBehalfOf: onBehalf('郑秀英', freshId()) });
    const shape = (v: Record<string, unknown>) => ({ keys: Object.keys(v).sort(), status: v.status, confirmed: v.applicantConfirmed, allowed: v.allowedActions, next: v.nextStep });
    expect(shape(forBusy as never)).toEqual(shape(forFree as never));
    expect((await kit.counts()).open).toBe(before.open); // neither took a key
    expect((await queueRow(forBusy.id)).duplicateOf).toBe(open.id);
    expect((await queueRow(forFree.id)).duplicateOf).toBeNull();
    expect((await kit.api.get(`/api/v1/staff/applications/${forBusy.id}`, township)).body).toMatchObject({ duplicateOf: open.id, applicantConfirmed: false });
    expect(JSON.stringify((await kit.api.get(`/api/v1/applications/${forBusy.id}`, helper.token)).body)).not.toContain(open.id);
  });

  it('does not block the person\'s own filing until they confirm it; then it holds their one open case', async () => {
    const personId = freshId();
    const helper = await kit.resident('t-helper-4');
    const byHelper = await kit.submitted(helper.token, 'dibao', { onBehalfOf: onBehalf('冯玉兰', personId) });
    const person = await kit.resident('t-person-4', { name: '冯玉兰', idNumber: personId });
    const mine = await kit.submitted(person.token);
    expect(mine).toMatchObject({ applicantConfirmed: true, canConfirm: false });
    expect((await queueRow(byHelper.id)).duplicateOf).toBe(mine.id);

    const seen = await kit.api.get(`/api/v1/applications/${byHelper.id}`, person.token);
    expect(seen.body).toMatchObject({ canConfirm: true, applicantConfirmed: false });
    const consent = { textVersion: '2026-01', agreed: true };
    // Confirming while their own case is open: their own information, so a plain 409, nothing written.
    expectEnvelope(await kit.api.post(`/api/v1/applications/${byHelper.id}/confirm`, { checkAuthorization: consent }, person.token), 409, 'APPLICATION_ALREADY_OPEN');
    expect((await kit.api.get(`/api/v1/applications/${byHelper.id}`, person.token)).body.sequence).toBe(1);
    // Consent is part of the confirmation, explicitly.
    expectEnvelope(await kit.api.post(`/api/v1/applications/${byHelper.id}/confirm`, {}, person.token), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.api.post(`/api/v1/applications/${byHelper.id}/confirm`, { checkAuthorization: { textVersion: '2026-01', agreed: false } }, person.token), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.api.post(`/api/v1/applications/${byHelper.id}/confirm`, { checkAuthorization: { textVersion: '2019-01', agreed: true } }, person.token), 409, 'CHECK_AUTHORIZATION_OUTDATED');

    await kit.api.post(`/api/v1/applications/${mine.id}/withdraw`, {}, person.token);
    const confirmed = await kit.api.post(`/api/v1/applications/${byHelper.id}/confirm`, { checkAuthorization: consent }, person.token);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ applicantConfirmed: true, canConfirm: false, sequence: 2 });
    expect(confirmed.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'confirmApplicant']);
    expectEnvelope(await kit.api.post(`/api/v1/applications/${byHelper.id}/confirm`, { checkAuthorization: consent }, person.token), 409, 'APPLICATION_ALREADY_CONFIRMED');
    expect((await queueRow(byHelper.id)).duplicateOf).toBeNull();
    // Now it is their one open dibao case.
    const again = await kit.readyDraft(person.token);
    expectEnvelope(await kit.api.post('/api/v1/applications', { draftId: again.id, idempotencyKey: kit.key() }, person.token), 409, 'APPLICATION_ALREADY_OPEN');
  });

  it('staff acceptance confirms a filing; a duplicate of an open case is not approved', async () => {
    const personId = freshId();
    const helper = await kit.resident('t-helper-5');
    const disability = (token: string, f: string, extra: Record<string, unknown> = {}) => kit.submitted(token, 'disabilityLiving', {
      form: { members: [{ key: 'self', name: '褚建华', relation: 'self', disabilityGrade: 2 }], reason: '二级残疾，低保家庭' },
      documents: [{ item: 'idCard', fileId: f }, { item: 'disabilityCertificate', fileId: f }],
      ...extra,
    });
    const byHelper = await disability(helper.token, (await kit.upload(helper.token)).body.id, { onBehalfOf: onBehalf('褚建华', personId) });
    const person = await kit.resident('t-person-5', { name: '褚建华', idNumber: personId });
    const mine = await disability(person.token, (await kit.upload(person.token)).body.id);

    const accepted = await kit.act(township, byHelper.id, 'accept');
    expect(accepted.body.applicantConfirmed).toBe(true);
    expect((await queueRow(byHelper.id))).toMatchObject({ applicantConfirmed: true, duplicateOf: mine.id });
    await kit.act(township, byHelper.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 10000 });
    const refused = await kit.act(county, byHelper.id, 'approve', {});
    expectEnvelope(refused, 409, 'APPLICATION_DUPLICATE');
    expect(refused.body.error.details).toEqual({ duplicateOf: mine.id });
    // Refused as a duplicate (county, with reasons); the person's own case goes on.
    expect((await kit.act(county, byHelper.id, 'reject', { reasons: '与本人提交的申请重复，合并办理' })).body.status).toBe('rejected');
    await kit.act(township, mine.id, 'accept');
    await kit.act(township, mine.id, 'review', { recommendation: 'approve', proposedMonthlyAmountFen: 10000 });
    expect((await kit.act(county, mine.id, 'approve', {})).body.status).toBe('approved');
  });

  it('an unverified account cannot file for someone else', async () => {
    const helper = await kit.resident('t-unverified-helper', { verify: false });
    const r = await kit.api.post('/api/v1/applications/drafts', { programme: 'dibao', onBehalfOf: onBehalf('陈秀珍', freshId()) }, helper.token);
    expectEnvelope(r, 403, 'APPLICATION_HELPER_UNVERIFIED');
    expect(await stack.app.db.collection('application_drafts').countDocuments({ ownerId: helper.userId })).toBe(0);
  });

  it('filings in others\' names are limited per account and day, also when sent at once', async () => {
    const helper = await kit.resident('t-busy-helper');
    const drafts = [];
    for (let i = 0; i < FILINGS_PER_DAY + 2; i++) drafts.push(await kit.readyDraft(helper.token, 'dibao', { onBehalfOf: onBehalf(`居民${i}`, freshId()) }));
    const before = await kit.counts();
    const answers = await Promise.all(drafts.map((d) => kit.api.post('/api/v1/applications', { draftId: d.id, idempotencyKey: kit.key() }, helper.token)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(FILINGS_PER_DAY);
    for (const r of answers.filter((x) => x.status !== 201)) expectEnvelope(r, 429, 'APPLICATION_FILING_LIMIT');
    const after = await kit.counts();
    expect(after.apps - before.apps).toBe(FILINGS_PER_DAY);
    expect(after.keys - before.keys).toBe(FILINGS_PER_DAY); // refused submits left no submission key
    // The helper's own filing is not counted.
    await kit.submitted(helper.token);
  });
});

describe('consent (家庭经济状况核对授权书) is an explicit act', () => {
  it('is stored only by the consent request, can be taken back, and submit is refused without it', async () => {
    const me = await kit.resident('t-consent');
    const draft = await kit.readyDraft(me.token);
    const submit = () => kit.api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: kit.key() }, me.token);
    // Unticked: taken back, submit refused, nothing written.
    const unticked = await kit.api.raw('DELETE', `/api/v1/applications/drafts/${draft.id}/consent`, '', {}, me.token);
    expect(unticked.status).toBe(200);
    expect(unticked.body.consent).toBeNull();
    const before = await kit.counts();
    expectEnvelope(await submit(), 409, 'CHECK_AUTHORIZATION_REQUIRED');
    // No other request can carry it.
    expectEnvelope(await kit.api.put(`/api/v1/applications/drafts/${draft.id}`, { form: {}, consent: { textVersion: '2026-01', agreed: true } }, me.token), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.api.post('/api/v1/applications', { draftId: draft.id, idempotencyKey: kit.key(), checkAuthorization: { textVersion: '2026-01', agreed: true } }, me.token), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.api.post('/api/v1/applications/drafts', { programme: 'tekun', consent: { textVersion: '2026-01', agreed: true } }, me.token), 400, 'VALIDATION_FAILED');
    // The tick is required, and only for the text version shown.
    expectEnvelope(await kit.api.post(`/api/v1/applications/drafts/${draft.id}/consent`, { textVersion: '2026-01' }, me.token), 400, 'VALIDATION_FAILED');
    expectEnvelope(await kit.api.post(`/api/v1/applications/drafts/${draft.id}/consent`, { textVersion: '2026-01', agreed: 'true' }, me.token), 400, 'VALIDATION_FAILED');
    expect(await kit.counts()).toEqual(before);
    expect((await kit.api.get(`/api/v1/applications/drafts/${draft.id}`, me.token)).body.consent).toBeNull();

    const ticked = await kit.api.post(`/api/v1/applications/drafts/${draft.id}/consent`, { textVersion: '2026-01', agreed: true }, me.token);
    expect(ticked.body.consent).toMatchObject({ textVersion: '2026-01' });
    // Stored with who ticked it and the request that carried the tick.
    const raw = await stack.app.db.collection('application_drafts').findOne({ _id: draft.id as never });
    expect(raw!.consent).toMatchObject({ textVersion: '2026-01', userId: me.userId, requestId: expect.any(String) });
    const sub = await submit();
    expect(sub.status).toBe(201);
    expect(sub.body.consent.textVersion).toBe('2026-01');
  });

  it('the OpenAPI document states what the requests must carry', async () => {
    const doc = (await kit.api.get('/docs/json')).body;
    const op = (path: string, method: string) => doc.paths[path][method];
    const body = (path: string, method: string) => op(path, method).requestBody.content['application/json'].schema;
    const consent = body('/api/v1/applications/drafts/{draftId}/consent', 'post');
    expect(consent.required).toEqual(expect.arrayContaining(['textVersion', 'agreed']));
    expect(consent.properties.agreed.const ?? consent.properties.agreed.enum?.[0]).toBe(true);
    expect(consent.additionalProperties).toBe(false);
    const idNumberRule = body('/api/v1/applications/drafts', 'post').properties.onBehalfOf.properties.idNumber;
    expect(idNumberRule).toMatchObject({ minLength: 18, maxLength: 18, pattern: expect.any(String) });
    expect(Object.keys(op('/api/v1/applications', 'post').responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '404', '409', '429']));
    expect(Object.keys(op('/api/v1/applications/{applicationId}/confirm', 'post').responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
  });
});

describe('staff reads are audited', () => {
  it('one row per queue page read, naming the cases and people shown', async () => {
    const me = await kit.resident('t-audited');
    const app = await kit.submitted(me.token);
    const staffUser = townshipUserId;
    const before = await stack.app.models.Audit.countDocuments({ actorId: staffUser, action: 'person.list' });
    const page = await kit.api.get('/api/v1/staff/applications?status=submitted&limit=200', township);
    expect(ids(page)).toContain(app.id);
    const rows = await stack.app.models.Audit.find({ actorId: staffUser, action: 'person.list' }).sort({ at: -1 }).lean();
    expect(rows).toHaveLength(before + 1);
    expect(rows[0].details).toMatchObject({ fields: 'application.queue', count: page.body.applications.length });
    expect(String(rows[0].details.applicationIds).split(',')).toEqual(ids(page));
    expect(String(rows[0].details.subjectIds).split(',')).toContain(me.userId);
    await kit.api.get('/api/v1/staff/supervision', township);
    expect(await stack.app.models.Audit.countDocuments({ actorId: staffUser, action: 'person.list' })).toBe(before + 2);
  });

  it('the case and its documents: each read is one row about the person', async () => {
    const me = await kit.resident('t-audited-doc');
    const app = await kit.submitted(me.token);
    const detail = await kit.api.get(`/api/v1/staff/applications/${app.id}`, township);
    expect(await stack.app.models.Audit.countDocuments({ actorId: townshipUserId, action: 'person.read', subjectId: me.userId })).toBe(1);
    const fileId = detail.body.documents[0].fileId;
    expect((await fetch(`${stack.baseUrl}/api/v1/files/${fileId}`, { headers: { authorization: `Bearer ${township}` } })).status).toBe(200);
    expect(await stack.app.models.Audit.findOne({ actorId: townshipUserId, action: 'file.read', subjectId: me.userId }).lean()).toMatchObject({ details: { fileId } });
  });
});
